package dev.ferry.testbed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short host commands (tar, ctr, ip, umount) the real node needs, with their output in the error. */
final class HostCommands {
  private HostCommands() {
  }

  /** Runs {@code command} to completion; its output, or an error that quotes it. */
  static String run(Path dir, List<String> command) {
    return run(dir, command, 300);
  }

  static String run(Path dir, List<String> command, long timeoutSeconds) {
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new TestbedException(String.join(" ", command) + " did not finish in " + timeoutSeconds + "s");
      }
      String text = new String(output);
      if (process.exitValue() != 0) {
        throw new TestbedException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
            + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new TestbedException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestbedException("interrupted running " + command.get(0));
    }
  }

  /** Like {@link #run} but a failure is only returned, for best-effort cleanup. */
  static boolean tryRun(Path dir, List<String> command) {
    try {
      run(dir, command, 60);
      return true;
    } catch (TestbedException e) {
      return false;
    }
  }
}
