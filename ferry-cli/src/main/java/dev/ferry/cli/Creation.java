package dev.ferry.cli;

import dev.ferry.cli.kube.NamespacedObjects;
import dev.ferry.cli.migration.MigrationManifests;
import dev.ferry.cli.output.ObjectDescription;
import dev.ferry.cli.output.ObjectView;
import dev.ferry.cli.output.OutputFormat;
import dev.ferry.cli.output.Printer;
import dev.ferry.api.common.ConditionedStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What every {@code create} does once its manifests are built: print them (--dry-run), or create
 * the namespaces they need, an optional Secret and the object, and with --wait follow the object
 * until the controller reports it Ready (or says why not).
 */
public final class Creation {
  static final Duration READY_WAIT = Duration.ofSeconds(90);

  private Creation() {
  }

  /** Prints the manifests (a dry run): YAML or JSON with -o, one "created (dry run)" line otherwise. */
  public static void dryRun(OutputFormat output, List<HasMetadata> manifests) {
    if (output == OutputFormat.yaml) {
      System.out.print(MigrationManifests.yaml(manifests));
    } else if (output == OutputFormat.json) {
      java.util.Map<String, Object> list = new java.util.LinkedHashMap<>();
      list.put("apiVersion", "v1");
      list.put("kind", "List");
      list.put("items", manifests);
      new Printer(System.out).json(manifests.size() == 1 ? manifests.get(0) : list);
    } else {
      manifests.forEach(m -> System.out.println(resourceName(m) + " created (dry run)"));
    }
  }

  /** Creates the Secret (if any) and the object; prints kubectl's "created" line for each. */
  public static <T extends HasMetadata> T create(KubernetesClient client, NamespacedObjects<T> objects, Secret secret,
                                          T object) {
    ensureNamespace(client, object.getMetadata().getNamespace());
    if (secret != null) {
      ensureNamespace(client, secret.getMetadata().getNamespace());
      try {
        client.resource(secret).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          throw new UserError("Secret " + secret.getMetadata().getNamespace() + "/" + secret.getMetadata().getName()
              + " already exists; reference it with --token-secret " + secret.getMetadata().getNamespace() + "/"
              + secret.getMetadata().getName() + ", or delete it first");
        }
        throw e;
      }
      System.out.println("secret/" + secret.getMetadata().getName() + " created");
    }
    T created;
    try {
      created = objects.create(object);
    } catch (RuntimeException e) {
      if (secret != null) {
        client.resource(secret).delete(); // no orphan credentials when the object itself is refused
      }
      throw e;
    }
    System.out.println(resourceName(object) + " created");
    return created;
  }

  /** Waits until the object is Ready; fails naming its conditions' messages when it does not get there. */
  public static <T extends HasMetadata> void awaitReady(NamespacedObjects<T> objects, String name,
                                                 Function<T, ConditionedStatus> status) {
    // A Critical condition is a verdict on the spec (it stays until the spec changes): stop at once.
    T current = objects.awaitUntil(name, o -> ObjectView.ready(status.apply(o)) || critical(status.apply(o)),
        READY_WAIT);
    ConditionedStatus s = status.apply(current);
    if (ObjectView.ready(s)) {
      System.out.println(name + " is Ready");
      return;
    }
    List<String> messages = new ArrayList<>();
    if (s != null && s.getConditions() != null) {
      s.getConditions().forEach(c -> messages.add(c.getType() + ": " + c.getMessage()));
    }
    throw new OperationFailed(name + " is not Ready" + (critical(s) ? "" : " after " + READY_WAIT.toSeconds() + "s")
        + (messages.isEmpty() ? " and has no conditions; is a Ferry controller running for namespace "
        + objects.namespace() + "?" : ": " + ObjectDescription.oneLine(String.join("; ", messages))));
  }

  private static boolean critical(ConditionedStatus status) {
    return status != null && status.getConditions() != null && status.getConditions().stream().anyMatch(c ->
        c.getCategory() == dev.ferry.api.common.Category.CRITICAL
            && (c.getStatus() == null || dev.ferry.api.common.Condition.TRUE.equals(c.getStatus())));
  }

  public static String resourceName(HasMetadata object) {
    String kind = object.getKind().toLowerCase(Locale.ROOT);
    String group = object.getApiVersion().contains("/")
        ? "." + object.getApiVersion().substring(0, object.getApiVersion().indexOf('/')) : "";
    return kind + group + "/" + object.getMetadata().getName();
  }

  public static void ensureNamespace(KubernetesClient client, String namespace) {
    if (client.namespaces().withName(namespace).get() == null) {
      try {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
            .build()).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
    }
  }
}
