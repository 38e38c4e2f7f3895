package dev.ferry.controller.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The controller's own recent scrapes, so a must-gather gets a series of the window it asks for
 * (Prometheus may not be installed where Ferry runs). Bounded twice: scrapes older than the
 * retention (24 h) are dropped, and so are the oldest once the kept scrapes pass a byte budget
 * (each is kept gzipped; a scrape of Ferry's metrics is a few KiB, so 24 h at 30 s fit easily).
 * Thread-safe.
 */
public final class MetricsHistory {
  public static final Duration INTERVAL = Duration.ofSeconds(30);
  public static final Duration RETENTION = Duration.ofHours(24);
  public static final long BUDGET_BYTES = 16L * 1024 * 1024;

  private final Duration retention;
  private final long budgetBytes;
  private final Deque<Kept> kept = new ArrayDeque<>();
  private long keptBytes;

  private record Kept(Instant at, byte[] gzipped) {
  }

  public MetricsHistory() {
    this(RETENTION, BUDGET_BYTES);
  }

  public MetricsHistory(Duration retention, long budgetBytes) {
    this.retention = retention;
    this.budgetBytes = budgetBytes;
  }

  /** Keeps {@code scrape}, taken at {@code at} (not before the last one kept), and drops what falls out of bounds. */
  public synchronized void record(Instant at, String scrape) {
    if (!kept.isEmpty() && at.isBefore(kept.peekLast().at())) {
      throw new IllegalArgumentException("scrape at " + at + " is older than the last one kept, "
          + kept.peekLast().at());
    }
    byte[] gzipped = gzip(scrape);
    kept.addLast(new Kept(at, gzipped));
    keptBytes += gzipped.length;
    Instant oldest = at.minus(retention);
    while (!kept.isEmpty() && (kept.peekFirst().at().isBefore(oldest) || keptBytes > budgetBytes && kept.size() > 1)) {
      keptBytes -= kept.removeFirst().gzipped().length;
    }
  }

  /** The scrapes taken at or after {@code from}, oldest first. */
  public List<OpenMetricsSeries.Scrape> since(Instant from) {
    List<Kept> copy;
    synchronized (this) {
      copy = new ArrayList<>(kept);
    }
    List<OpenMetricsSeries.Scrape> scrapes = new ArrayList<>();
    for (Kept k : copy) {
      if (!k.at().isBefore(from)) {
        scrapes.add(new OpenMetricsSeries.Scrape(k.at(), gunzip(k.gzipped())));
      }
    }
    return scrapes;
  }

  /** The scrapes since {@code from} as one OpenMetrics text. */
  public String openMetrics(Instant from) {
    return OpenMetricsSeries.of(since(from));
  }

  public synchronized int size() {
    return kept.size();
  }

  public synchronized long bytes() {
    return keptBytes;
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String gunzip(byte[] gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
