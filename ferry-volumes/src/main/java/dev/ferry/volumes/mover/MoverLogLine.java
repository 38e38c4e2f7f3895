package dev.ferry.volumes.mover;

import dev.ferry.volumes.TransferProgress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The progress line {@code ferry mover} prints, readable by people and — from the pod's log — by
 * the Job launcher: {@code sending: 42% (3.0 MiB of 7.0 MiB), 1.0 MiB/s, 4s left
 * [done=3145728 total=7340032 files=3/10 sent=3150000 ms=3000]}. Model only.
 */
public final class MoverLogLine {
  private static final Pattern NUMBERS = Pattern.compile(
      "\\[done=(\\d+) total=(\\d+) files=(\\d+)/(\\d+) sent=(\\d+) ms=(\\d+)]\\s*$");

  private MoverLogLine() {
  }

  public static String format(String doing, TransferProgress p) {
    return doing + ": " + p.percent() + "% (" + TransferSummary.bytes(p.bytesDone()) + " of "
        + TransferSummary.bytes(p.bytesTotal()) + "), " + TransferSummary.rate(p.bytesPerSecond())
        + p.eta().map(eta -> ", " + TransferSummary.duration(eta) + " left").orElse("")
        + " [done=" + p.bytesDone() + " total=" + p.bytesTotal() + " files=" + p.filesDone() + "/" + p.filesTotal()
        + " sent=" + p.bytesTransferred() + " ms=" + p.elapsed().toMillis() + "]";
  }

  public static Optional<TransferProgress> parse(String line) {
    Matcher m = NUMBERS.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new TransferProgress(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
        Long.parseLong(m.group(3)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)),
        Duration.ofMillis(Long.parseLong(m.group(6)))));
  }

  /** The last progress in a log, if any. */
  public static Optional<TransferProgress> last(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      Optional<TransferProgress> p = parse(lines.get(i));
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }
}
