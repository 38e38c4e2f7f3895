package dev.ferry.console;

import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates: watches (informers, with the user's own credentials) the Ferry objects in the
 * controller's namespace and tells every open page, over server-sent events, which kind changed;
 * the page then reloads what it shows. A page whose feed breaks falls back to polling.
 */
final class ChangeFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final long HEARTBEAT_SECONDS = 15;

  private final Set<BlockingQueue<String>> subscribers = new CopyOnWriteArraySet<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private volatile boolean closed;

  /** Starts watching {@code kinds} in {@code namespace}; a kind the user may not watch is left out. */
  ChangeFeed watch(KubernetesClient client, String namespace, List<Class<? extends HasMetadata>> kinds) {
    for (Class<? extends HasMetadata> kind : kinds) {
      try {
        SharedIndexInformer<? extends HasMetadata> informer = client.resources(kind).inNamespace(namespace)
            .runnableInformer(0);
        informer.addEventHandler(new ResourceEventHandler<HasMetadata>() {
          @Override
          public void onAdd(HasMetadata obj) {
            publish(obj);
          }

          @Override
          public void onUpdate(HasMetadata oldObj, HasMetadata newObj) {
            publish(newObj);
          }

          @Override
          public void onDelete(HasMetadata obj, boolean deletedFinalStateUnknown) {
            publish(obj);
          }
        });
        informer.start();
        informers.add(informer);
      } catch (RuntimeException e) {
        LOG.warn("no live updates for {}: {}", kind.getSimpleName(), e.getMessage());
      }
    }
    return this;
  }

  private void publish(HasMetadata object) {
    String event = "{\"kind\":\"" + object.getKind() + "\",\"name\":\"" + object.getMetadata().getName() + "\"}";
    for (BlockingQueue<String> queue : subscribers) {
      queue.offer(event);
    }
  }

  /** Holds the request open, sending each change as an SSE {@code change} event and a heartbeat now and then. */
  void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    BlockingQueue<String> queue = new LinkedBlockingQueue<>(1000);
    subscribers.add(queue);
    try {
      OutputStream out = exchange.getResponseBody();
      out.write("retry: 3000\n: connected\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!closed) {
        String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        String frame = event == null ? ": ping\n\n" : "event: change\ndata: " + event + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      subscribers.remove(queue);
    }
  }

  @Override
  public void close() {
    closed = true;
    informers.forEach(SharedIndexInformer::close);
  }
}
