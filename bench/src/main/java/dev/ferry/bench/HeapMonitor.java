package dev.ferry.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap while one phase runs, two ways:
 * <ul>
 *   <li>{@code sampledPeak}: the largest "heap used" seen by a thread sampling
 *       {@link MemoryMXBean#getHeapMemoryUsage()} every 50 ms. It includes garbage not yet
 *       collected, so it mostly shows how far the collector let the heap grow (bounded by -Xmx).</li>
 *   <li>{@code peakAfterGc}: the largest heap used right after a garbage collection that ended
 *       during the phase (from the collectors' notifications): the closest cheap measure of the
 *       live set the phase needed.</li>
 * </ul>
 */
final class HeapMonitor implements AutoCloseable {
  static final long SAMPLE_MILLIS = 50;

  /** What one phase used. */
  record Peak(long sampledPeak, long peakAfterGc, int collections, long maxHeap) {
  }

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong sampled = new AtomicLong();
  private final AtomicLong afterGc = new AtomicLong();
  private final AtomicInteger collections = new AtomicInteger();
  private final List<Runnable> unregister = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapMonitor() {
    NotificationListener listener = this::onNotification;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        unregister.add(() -> {
          try {
            emitter.removeNotificationListener(listener);
          } catch (Exception ignored) {
            // already gone
          }
        });
      }
    }
    sampler = new Thread(this::sample, "heap-sampler");
    sampler.setDaemon(true);
  }

  /**
   * Collects garbage left by earlier phases (so it is not charged to this one), then starts
   * watching.
   */
  static HeapMonitor start() {
    System.gc();
    HeapMonitor monitor = new HeapMonitor();
    monitor.sampled.set(monitor.memory.getHeapMemoryUsage().getUsed());
    monitor.sampler.start();
    return monitor;
  }

  private void sample() {
    while (running) {
      sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void onNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (isHeapPool(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    afterGc.accumulateAndGet(used, Math::max);
    collections.incrementAndGet();
  }

  /** Heap pools of G1, Parallel, Serial, ZGC and Shenandoah; the rest (Metaspace, code cache) are not heap. */
  private static boolean isHeapPool(String pool) {
    String p = pool.toLowerCase(java.util.Locale.ROOT);
    return p.contains("eden") || p.contains("survivor") || p.contains("old") || p.contains("tenured")
        || p.contains("zheap") || p.contains("shenandoah") || p.contains("zgc");
  }

  /** Stops watching and returns the peaks. */
  Peak stop() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    unregister.forEach(Runnable::run);
    return new Peak(sampled.get(), afterGc.get(), collections.get(), memory.getHeapMemoryUsage().getMax());
  }

  @Override
  public void close() {
    if (running) {
      stop();
    }
  }
}
