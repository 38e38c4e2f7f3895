package dev.ferry.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child process of the testbed, its output in a log file. Every live process is also
 * registered with a JVM shutdown hook, so an aborted test run leaves nothing behind.
 */
public final class ManagedProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
  private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final List<Runnable> BEFORE_REAPING = new java.util.concurrent.CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // JVM shutdown hooks run concurrently: what must stop while the API server still runs
      // (a real node drains its pods through it) stops here, first.
      BEFORE_REAPING.forEach(ManagedProcess::runQuietly);
      List.copyOf(LIVE).forEach(ManagedProcess::close);
    }, "ferry-testbed-reaper"));
  }

  /** Runs {@code stop} at JVM exit before the reaper stops the testbed's processes. */
  static void beforeReaping(Runnable stop) {
    BEFORE_REAPING.add(stop);
  }

  private static void runQuietly(Runnable stop) {
    try {
      stop.run();
    } catch (RuntimeException e) {
      LOG.warn("stopping at exit failed: {}", e.toString());
    }
  }

  private final String name;
  private final Process process;
  private final Path log;

  private ManagedProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  public static ManagedProcess start(String name, List<String> command, Path workDir, Path log) {
    return start(name, command, workDir, log, true, java.util.Map.of());
  }

  /** With these variables added to the environment. */
  public static ManagedProcess start(String name, List<String> command, Path workDir, Path log,
                                     java.util.Map<String, String> environment) {
    return start(name, command, workDir, log, true, environment);
  }

  static ManagedProcess start(String name, List<String> command, Path workDir, Path log, boolean reapAtExit) {
    return start(name, command, workDir, log, reapAtExit, java.util.Map.of());
  }

  /**
   * {@code reapAtExit} false: the caller stops the process itself at JVM exit, in an order the
   * reaper does not know (a real node deletes its pods before its kubelet and containerd stop).
   */
  private static ManagedProcess start(String name, List<String> command, Path workDir, Path log, boolean reapAtExit,
                                      java.util.Map<String, String> environment) {
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("TMPDIR", workDir.toString());
      builder.environment().putAll(environment);
      Process process = builder.start();
      ManagedProcess managed = new ManagedProcess(name, process, log);
      if (reapAtExit) {
        LIVE.add(managed);
      }
      LOG.debug("started {} (pid {}): {}", name, process.pid(), String.join(" ", command));
      return managed;
    } catch (IOException e) {
      throw new TestbedException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Fails with the tail of the log if the process has died. */
  public void checkAlive() {
    if (!process.isAlive()) {
      throw new TestbedException(name + " exited with code " + process.exitValue() + "; last lines of "
          + log + ":\n" + tail(30));
    }
  }

  public String tail(int lines) {
    try {
      List<String> all = Files.exists(log) ? Files.readAllLines(log) : List.of();
      return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, then SIGKILL after a grace period; waits until the process is gone. */
  @Override
  public void close() {
    LIVE.remove(this);
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Pids of every process the testbed has started and not yet stopped. */
  public static Set<Long> livePids() {
    Set<Long> pids = ConcurrentHashMap.newKeySet();
    LIVE.forEach(p -> pids.add(p.pid()));
    return pids;
  }
}
