package dev.ferry.testbed;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A machine-wide number for one real node, held by a file lock for as long as the node runs: it
 * names the node's bridge ({@code ferrynodeN}) and picks its pod subnet ({@code 10.89.N.0/24}), so
 * nodes of parallel test JVMs never share either. A lock dies with its JVM, so a killed run frees
 * its number.
 */
final class NodeSlot implements AutoCloseable {
  static final Path LOCK_DIR = Path.of("/tmp/ferry-real-nodes");
  private static final int MAX = 250;

  private final int number;
  private final FileChannel channel;
  private final FileLock lock;

  private NodeSlot(int number, FileChannel channel, FileLock lock) {
    this.number = number;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Slots this JVM holds. They are skipped without opening their lock file again: on Linux, closing
   * any descriptor of a file drops every lock the process holds on it (POSIX record locks), so
   * probing a held slot with a second channel would free it for another JVM, which would then
   * take it and remove this node's processes as a killed run's leftovers.
   */
  private static final java.util.Set<Integer> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static synchronized NodeSlot acquire() {
    try {
      Files.createDirectories(LOCK_DIR);
      for (int n = 1; n <= MAX; n++) {
        if (HELD.contains(n)) {
          continue;
        }
        FileChannel channel = FileChannel.open(LOCK_DIR.resolve("slot-" + n + ".lock"), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // held by this JVM
        }
        if (lock != null && startedByLiveJvm(LOCK_DIR.resolve(Integer.toString(n)))) {
          // Its lock was lost, not freed (a run with the bug described at HELD): leave it be.
          lock.release();
          lock = null;
        }
        if (lock != null) {
          HELD.add(n);
          return new NodeSlot(n, channel, lock);
        }
        channel.close();
      }
    } catch (IOException e) {
      throw new TestbedException("cannot lock a real-node slot in " + LOCK_DIR + ": " + e.getMessage(), e);
    }
    throw new TestbedException("all " + MAX + " real-node slots in " + LOCK_DIR + " are taken");
  }

  /**
   * Whether a process of the node in {@code dir} (containerd, the kubelet) is still the child of a
   * running Java process — a live test run — rather than an orphan of a killed one.
   */
  static boolean startedByLiveJvm(Path dir) {
    return HostLeftovers.processesMentioning(dir.toString()).stream().map(ProcessHandle::of)
        .flatMap(java.util.Optional::stream).anyMatch(p -> p.parent()
            .flatMap(parent -> parent.info().command()).map(c -> c.endsWith("/java")).orElse(false));
  }

  int number() {
    return number;
  }

  String bridge() {
    return "ferrynode" + number;
  }

  String subnet() {
    return "10.89." + number + ".0/24";
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the lock goes with the channel or the JVM anyway
    } finally {
      HELD.remove(number);
    }
  }
}
