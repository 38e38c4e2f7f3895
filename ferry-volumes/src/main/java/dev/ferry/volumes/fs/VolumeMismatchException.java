package dev.ferry.volumes.fs;

import java.util.List;

/** The destination tree is not a faithful copy of the source; the message names each file and what differs. */
public final class VolumeMismatchException extends Exception {
  private static final int SHOWN = 20;
  private final List<String> mismatches;

  public VolumeMismatchException(List<String> mismatches) {
    super(message(mismatches));
    this.mismatches = List.copyOf(mismatches);
  }

  /** Every difference found, one line each, e.g. {@code data/a.bin: content differs (sha256 ab12… vs 9f0e…)}. */
  public List<String> mismatches() {
    return mismatches;
  }

  private static String message(List<String> m) {
    StringBuilder sb = new StringBuilder("destination differs from source in ").append(m.size())
        .append(m.size() == 1 ? " place: " : " places: ");
    sb.append(String.join("; ", m.subList(0, Math.min(SHOWN, m.size()))));
    if (m.size() > SHOWN) {
      sb.append("; … and ").append(m.size() - SHOWN).append(" more");
    }
    return sb.toString();
  }
}
