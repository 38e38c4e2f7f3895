package dev.ferry.cli.backup;

/** Why a backup's or restore's log is not in the repository, in the words a user can act on. */
public final class LogsUnavailable {
  private LogsUnavailable() {
  }

  public static String message(String kind, String name, Enum<?> phase, String repository) {
    if (!WaitOutcome.finished(phase)) {
      return kind + " " + name + " is " + (phase == null ? "New" : phase) + "; its log is uploaded when it "
          + "finishes (follow it with: ferry " + kind + " get " + name + ")";
    }
    return "no log of " + kind + " " + name + " in " + repository + "; it ended before writing one (see: ferry "
        + kind + " describe " + name + ")";
  }
}
