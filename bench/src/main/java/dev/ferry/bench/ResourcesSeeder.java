package dev.ferry.bench;

import static dev.ferry.bench.BenchSupport.b64;
import static dev.ferry.bench.BenchSupport.say;
import static dev.ferry.bench.BenchSupport.secondsSince;
import static dev.ferry.bench.BenchSupport.sleep;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source namespace of the resources benchmark: N small objects (60 % ConfigMaps, 30 %
 * Secrets, 10 % ClusterIP Services) created in parallel, and counting them again on a cluster.
 * Not part of any measured phase.
 */
final class ResourcesSeeder {
  static final String SOURCE_NS = "bench-src";
  static final String LABEL = "ferry.dev/bench";
  static final String LABEL_VALUE = "resources";
  static final String[] KINDS = {"ConfigMap", "Secret", "Service"};

  private final int objects;
  private final int threads;
  private final ResourcesReport report;
  private final Map<String, Integer> expected = new LinkedHashMap<>();

  ResourcesSeeder(int objects, int threads, ResourcesReport report) {
    this.objects = objects;
    this.threads = threads;
    this.report = report;
  }

  /** Creates the source namespace and its objects, in parallel; not part of any measured phase. */
  Map<String, Integer> populate(KubernetesClient client) throws Exception {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(SOURCE_NS).endMetadata().build())
        .create();
    int n = objects;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          createObject(client, index);
          int d = done.incrementAndGet();
          if (d % 2000 == 0) {
            say("  created " + d + "/" + n);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = secondsSince(t0);
    for (String kind : KINDS) {
      expected.put(kind, 0);
    }
    for (int i = 0; i < n; i++) {
      expected.merge(kindOf(i), 1, Integer::sum);
    }
    Map<String, Integer> counted = count(client, SOURCE_NS);
    if (!counted.equals(expected)) {
      throw new IllegalStateException("source namespace holds " + counted + ", expected " + expected);
    }
    say(String.format(Locale.ROOT, "setup: %d objects %s created in %s with %d threads in %.1f s (%.0f objects/s)",
        n, expected, SOURCE_NS, threads, seconds, n / seconds));
    report.note(String.format(Locale.ROOT, "Setup (not measured against anything): %d objects created with %d "
        + "parallel fabric8 clients in %.1f s = %.0f objects/s.", n, threads, seconds, n / seconds));
    // The endpoints controllers make an Endpoints object and an EndpointSlice per Service; let them finish
    // so both sides back up the same, settled namespace.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int services = expected.get("Service");
    int slices = 0;
    while (System.nanoTime() < deadline) {
      slices = client.discovery().v1().endpointSlices().inNamespace(SOURCE_NS).list().getItems().size();
      if (slices >= services) {
        break;
      }
      Thread.sleep(1000);
    }
    say("source namespace settled: " + slices + " EndpointSlices for " + services + " Services");
    return expected;
  }

  static String kindOf(int i) {
    int r = i % 10;
    return r < 6 ? "ConfigMap" : r < 9 ? "Secret" : "Service";
  }

  private static void createObject(KubernetesClient client, int i) {
    String suffix = String.format(Locale.ROOT, "%05d", i);
    var metadata = new ObjectMetaBuilder().withNamespace(SOURCE_NS).addToLabels(LABEL, LABEL_VALUE)
        .addToLabels("app", "bench-app-" + (i % 20));
    for (int attempt = 1; ; attempt++) {
      try {
        switch (kindOf(i)) {
          case "ConfigMap" -> client.configMaps().resource(new ConfigMapBuilder()
              .withMetadata(metadata.withName("cm-" + suffix).build())
              .addToData("index", Integer.toString(i))
              .addToData("mode", i % 2 == 0 ? "even" : "odd")
              .addToData("app.properties", "server.port=8080\nserver.name=bench-" + suffix
                  + "\nfeature.flags=alpha,beta,gamma\nlog.level=info\ncache.size=128\n")
              .build()).create();
          case "Secret" -> client.secrets().resource(new SecretBuilder()
              .withMetadata(metadata.withName("secret-" + suffix).build())
              .withType("Opaque")
              .addToData("username", b64("user-" + suffix))
              .addToData("password", b64("p4ssw0rd-" + suffix + "-" + Integer.toHexString(i * 7919)))
              .build()).create();
          default -> client.services().resource(new ServiceBuilder()
              .withMetadata(metadata.withName("svc-" + suffix).build())
              .withNewSpec().withType("ClusterIP").addToSelector("app", "bench-app-" + (i % 20))
              .addNewPort().withName("http").withProtocol("TCP").withPort(80)
              .withNewTargetPort(8080).endPort().endSpec()
              .build()).create();
        }
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          return; // a retried create that had gone through
        }
        if (attempt >= 5) {
          throw e;
        }
        sleep(200L * attempt);
      }
    }
  }

  /** The benchmark's objects (by label, so the cluster's own kube-root-ca.crt and default SA never count). */
  static Map<String, Integer> count(KubernetesClient client, String namespace) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("ConfigMap", client.configMaps().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).list()
        .getItems().size());
    counts.put("Secret", client.secrets().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).list()
        .getItems().size());
    counts.put("Service", client.services().inNamespace(namespace).withLabel(LABEL, LABEL_VALUE).list()
        .getItems().size());
    return counts;
  }
}
