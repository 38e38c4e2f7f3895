package dev.ferry.volumes.mover;

import dev.ferry.volumes.TransferProgress;
import java.time.Duration;
import java.util.Locale;

/** Human (and, in parentheses, exact) wording of transfer numbers for status fields. Model only. */
public final class TransferSummary {
  private TransferSummary() {
  }

  /**
   * The last log line of a finished transfer, e.g. {@code Completed: 12 files, 10.0 MiB (10485760 B);
   * sent 1.0 KiB (1024 B), the rest was already on the destination}.
   */
  public static String of(TransferProgress p, boolean verified) {
    String text = "Completed: " + p.filesTotal() + " files, " + exact(p.bytesTotal()) + "; sent "
        + exact(p.bytesTransferred());
    if (p.bytesTransferred() < p.bytesTotal()) {
      text += ", the rest was already on the destination";
    }
    return verified ? text + "; verified" : text;
  }

  static String exact(long bytes) {
    return bytes(bytes) + " (" + bytes + " B)";
  }

  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** A rate as MTC shows it, e.g. {@code 85.2 MiB/s}. */
  public static String rate(long bytesPerSecond) {
    return bytes(bytesPerSecond) + "/s";
  }

  /** Elapsed or remaining time as Go prints durations, e.g. {@code 1m30s}. */
  public static String duration(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return (h > 0 ? h + "h" : "") + (h > 0 || m > 0 ? m + "m" : "") + s + "s";
  }
}
