package dev.ferry.volumes.direct;

import dev.ferry.volumes.ProgressListener;
import dev.ferry.volumes.fs.FileEntry;
import dev.ferry.volumes.fs.TreeScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source side of a direct transfer. One run: scan the source, learn what the receiver has,
 * plan ({@link TransferPlan}), stream the tasks over N parallel data connections (pipelined: no
 * per-file acknowledgement; {@link TaskSender} on each, {@link SenderReplies} reading its
 * replies), then ask the receiver to finish (links, metadata, deletions done). Connections and
 * the first failure are {@link SenderLinks}'s, the counters {@link SenderStats}'s.
 */
public final class Sender {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

  private final Path root;
  private final DirectOptions options;
  private final SenderStats stats;
  private final SenderLinks links;
  private List<FileEntry> source;
  private TransferPlan plan;

  private Sender(String host, int port, TlsCredentials credentials, Path root, DirectOptions options,
      ProgressListener listener) {
    this.root = root;
    this.options = options;
    this.stats = new SenderStats(listener);
    this.links = new SenderLinks(host, port, credentials, options, stats);
  }

  /**
   * Sends {@code sourceRoot} to the receiver at host:port. Fails with a {@link DirectTransferException}
   * naming the cause; running it again resumes (unchanged and already-received data is not resent).
   */
  public static TransferResult send(String host, int port, TlsCredentials credentials, Path sourceRoot,
      DirectOptions options, ProgressListener listener) throws IOException {
    return new Sender(host, port, credentials, sourceRoot, options, listener).run();
  }

  private TransferResult run() throws IOException {
    long started = stats.startedNanos();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ferry-sender-progress");
      t.setDaemon(true);
      return t;
    });
    try (SenderConnection control = links.open(Protocol.ROLE_CONTROL)) {
      // The receiver scans its side as soon as it has said hello: both scans run at the same time.
      source = TreeScanner.scan(root);
      long scanned = System.nanoTime();
      Protocol.expect(control.in, Protocol.SCAN, "waiting for the receiver's scan");
      List<FileEntry> destination = Protocol.readEntries(control.in);
      Map<String, PartialArea.Partial> partials = Protocol.readPartials(control.in);
      plan = TransferPlan.of(source, destination, partials, options);
      stats.planned(plan);
      long interval = Math.max(10, options.progressInterval().toMillis());
      ticker.scheduleAtFixedRate(stats::report, interval, interval, TimeUnit.MILLISECONDS);

      control.out.writeByte(Protocol.MANIFEST);
      Protocol.writeEntries(control.out, source);
      control.out.flush();
      Protocol.expect(control.in, Protocol.PREPARED, "waiting for the receiver to prepare");
      long prepared = System.nanoTime();

      sendData();
      long sentAll = System.nanoTime();

      control.out.writeByte(Protocol.FINISH);
      control.out.flush();
      Protocol.expect(control.in, Protocol.DONE, "waiting for the receiver to finish");
      long deleted = control.in.readLong();
      stats.report();
      LOG.info("transfer done: {} of {} files sent, {} content bytes of which {} unchanged, {} bytes on the wire,"
          + " in {} ms (connect and scan {} ms, receiver scan and prepare {} ms, data {} ms, links and metadata {} ms)",
          stats.filesSent.get(), plan.filesTotal, plan.bytesTotal, stats.bytesUnchanged.get(), stats.bytesSent.get(),
          ms(System.nanoTime() - started), ms(scanned - started), ms(prepared - scanned), ms(sentAll - prepared),
          ms(System.nanoTime() - sentAll));
      return new TransferResult(plan.filesTotal, stats.filesSent.get(), plan.bytesTotal, stats.bytesSent.get(),
          stats.bytesReceived.get(), stats.bytesUnchanged.get(), deleted, stats.elapsed());
    } catch (SSLException e) {
      throw links.tlsRefused(e);
    } catch (IOException e) {
      IOException first = links.failure();
      IOException cause = first != null ? first : e;
      if (cause instanceof DirectTransferException) {
        throw cause;
      }
      throw new DirectTransferException("transfer to the receiver at " + links.receiver() + " broke off (" + cause
          + "); run it again to resume: what the receiver already has is not sent again", cause);
    } finally {
      ticker.shutdownNow();
      links.closeAll();
    }
  }

  private void sendData() throws IOException {
    ConcurrentLinkedQueue<TransferPlan.Task> queue = new ConcurrentLinkedQueue<>(plan.tasks);
    int workers = Math.min(options.connections(), Math.max(1, plan.tasks.size()));
    if (plan.tasks.isEmpty()) {
      return;
    }
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread t = new Thread(() -> {
        try {
          work(queue);
        } catch (IOException e) {
          links.fail(e);
        } catch (RuntimeException e) {
          links.fail(new IOException("sender failed: " + e, e));
        }
      }, "ferry-sender-" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        links.closeAll();
        throw new DirectTransferException("interrupted while sending");
      }
    }
    IOException e = links.failure();
    if (e != null) {
      throw e;
    }
  }

  private void work(ConcurrentLinkedQueue<TransferPlan.Task> queue) throws IOException {
    SenderConnection c = links.open(Protocol.ROLE_DATA);
    SenderReplies replies = new SenderReplies(c, links);
    TaskSender sender = new TaskSender(root, source, stats);
    replies.start();
    try (c) {
      byte[] buf = new byte[Protocol.FRAME];
      TransferPlan.Task task;
      while ((task = queue.poll()) != null && links.failure() == null) {
        if (task instanceof TransferPlan.Range r) {
          sender.sendRange(c, r, buf);
        } else if (task instanceof TransferPlan.Delta d) {
          sender.sendDelta(c, replies, d.index(), buf);
        }
      }
      c.out.writeByte(Protocol.END);
      c.out.flush();
      replies.awaitOk();
    } catch (IOException e) {
      links.fail(e);
      joinQuietly(replies); // it may still be reading the receiver's ERROR, which explains this failure
      throw links.failure();
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
