package dev.ferry.volumes.repo;

import dev.ferry.objectstore.ObjectNotFoundException;
import dev.ferry.objectstore.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A lock object under {@code locks/}. Snapshots and restores take a shared lock: the repository is
 * append-only and content-addressed, so they never conflict with each other. Anything that deletes
 * (pruning unreferenced packs) must take the exclusive lock, which waits for no one: it fails while
 * another live lock exists. A live holder rewrites its lock every {@link #REFRESH}; a lock not
 * refreshed for {@link #STALE_AFTER} belongs to a process that died and is ignored.
 */
public final class RepositoryLock implements AutoCloseable {
  static final Duration REFRESH = Duration.ofMinutes(5);
  static final Duration STALE_AFTER = Duration.ofMinutes(30);

  private final ObjectStore store;
  private final String key;
  private final boolean exclusive;
  private final Clock clock;
  private final Instant created;
  private final ScheduledExecutorService refresher;

  private RepositoryLock(ObjectStore store, String key, boolean exclusive, Clock clock) {
    this.store = store;
    this.key = key;
    this.exclusive = exclusive;
    this.clock = clock;
    this.created = clock.instant();
    this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ferry-repo-lock-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  public static RepositoryLock shared(ObjectStore store, RepositoryLayout layout) {
    return acquire(store, layout, false, Clock.systemUTC());
  }

  public static RepositoryLock exclusive(ObjectStore store, RepositoryLayout layout) {
    return acquire(store, layout, true, Clock.systemUTC());
  }

  static RepositoryLock acquire(ObjectStore store, RepositoryLayout layout, boolean exclusive, Clock clock) {
    // Write first, then look: two processes racing both see each other and, if they conflict, both back off.
    RepositoryLock lock = new RepositoryLock(store, layout.lock(UUID.randomUUID().toString()), exclusive, clock);
    lock.write();
    for (String other : store.list(layout.locksPrefix())) {
      if (other.equals(lock.key)) {
        continue;
      }
      Properties holder;
      try {
        holder = parse(store.getBytes(other));
      } catch (ObjectNotFoundException e) {
        continue; // released meanwhile
      }
      Instant refreshed = Instant.parse(holder.getProperty("refreshed", Instant.EPOCH.toString()));
      if (refreshed.plus(STALE_AFTER).isBefore(clock.instant())) {
        continue;
      }
      boolean otherExclusive = Boolean.parseBoolean(holder.getProperty("exclusive"));
      if (exclusive || otherExclusive) {
        lock.delete();
        throw new RepositoryLockedException("volume repository " + store.describe() + " is locked "
            + (otherExclusive ? "exclusively " : "") + "by " + holder.getProperty("host", "?") + " (pid "
            + holder.getProperty("pid", "?") + ", since " + holder.getProperty("created", "?") + "): wait until "
            + "it finishes; if that process is gone, delete " + other + " (locks not refreshed for "
            + STALE_AFTER.toMinutes() + " minutes are ignored)");
      }
    }
    lock.refresher.scheduleAtFixedRate(lock::refreshQuietly, REFRESH.toSeconds(), REFRESH.toSeconds(),
        TimeUnit.SECONDS);
    return lock;
  }

  public String key() {
    return key;
  }

  private void write() {
    Properties p = new Properties();
    p.setProperty("exclusive", Boolean.toString(exclusive));
    p.setProperty("host", hostName());
    p.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
    p.setProperty("created", created.toString());
    p.setProperty("refreshed", clock.instant().toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      p.store(out, "ferry volume repository lock");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.put(key, out.toByteArray());
  }

  private void refreshQuietly() {
    try {
      write();
    } catch (RuntimeException e) {
      // The next refresh retries; a lock that goes stale only weakens protection against a concurrent prune.
      org.slf4j.LoggerFactory.getLogger(RepositoryLock.class).warn("Could not refresh repository lock {}: {}",
          key, e.getMessage());
    }
  }

  private static Properties parse(byte[] bytes) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable lock is treated as a live exclusive one by nobody: it has no refresh time, so it is stale.
    }
    return p;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private void delete() {
    refresher.shutdownNow();
    store.delete(key);
  }

  @Override
  public void close() {
    delete();
  }
}
