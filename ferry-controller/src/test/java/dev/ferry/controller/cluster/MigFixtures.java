package dev.ferry.controller.cluster;

import dev.ferry.api.common.Condition;
import dev.ferry.api.common.ConditionedStatus;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RemoteAccess;
import dev.ferry.testsupport.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Creates the MigClusters, Secrets and other CRs the controller ITs share, and waits on their conditions. */
public final class MigFixtures {
  public static final String NS = FerryOperator.DEFAULT_NAMESPACE;
  public static final String SECRETS_NS = "openshift-config";

  private MigFixtures() {
  }

  public static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  /** Creates every object of a multi-document YAML on the host. */
  public static void apply(KubernetesClient client, String yaml) {
    Manifests.create(client, yaml);
  }

  public static void hostCluster(KubernetesClient host, String name) {
    apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: %s, namespace: %s}
        spec: {isHostCluster: true}
        """.formatted(name, NS));
  }

  /** A Secret in openshift-config holding {@code token} under saToken, as the seed's manifests have it. */
  public static void tokenSecret(KubernetesClient host, String name, String token) {
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(SECRETS_NS).endMetadata().build())
        .serverSideApply();
    host.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(SECRETS_NS).endMetadata()
        .addToStringData(ClusterClients.TOKEN_KEY, token).build()).create();
  }

  /** A remote MigCluster for {@code remote}: cluster-admin token, CA bundle from the testbed. */
  public static void remoteCluster(KubernetesClient host, String name, LocalCluster remote) {
    tokenSecret(host, name, RemoteAccess.clusterAdminToken(remote.client()));
    remoteCluster(host, name, remote.url(), caBundle(remote), name);
  }

  public static void remoteCluster(KubernetesClient host, String name, String url, String caBundle, String secret) {
    apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: %s, namespace: %s}
        spec:
          isHostCluster: false
          url: %s
          %s
          serviceAccountSecretRef: {name: %s, namespace: %s}
        """.formatted(name, NS, url, caBundle == null ? "" : "caBundle: " + caBundle, secret, SECRETS_NS));
  }

  public static String caBundle(LocalCluster cluster) {
    return Base64.getEncoder().encodeToString(cluster.caPem().getBytes(StandardCharsets.UTF_8));
  }

  public static void filesystemStorage(KubernetesClient host, String name, String path) {
    apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: %s, namespace: %s}
        spec:
          backupStorageProvider: filesystem
          backupStorageConfig: {filesystemPath: %s}
        """.formatted(name, NS, path));
  }

  /** Waits until {@code test} holds for the CR's conditions; returns the CR. */
  public static <T extends CustomResource<?, ? extends ConditionedStatus>> T await(KubernetesClient client,
      Class<T> type, String name, Predicate<List<Condition>> test) {
    return client.resources(type).inNamespace(NS).withName(name).waitUntilCondition(r -> r != null
        && r.getStatus() != null && r.getStatus().getConditions() != null
        && test.test(r.getStatus().getConditions()), 90, TimeUnit.SECONDS);
  }

  public static Predicate<List<Condition>> has(String type) {
    return list -> find(list, type).isPresent();
  }

  public static Predicate<List<Condition>> lacks(String type) {
    return list -> find(list, type).isEmpty();
  }

  public static Optional<Condition> find(List<Condition> list, String type) {
    return list == null ? Optional.empty()
        : list.stream().filter(c -> type.equals(c.getType()) && c.holds()).findFirst();
  }

  public static Condition condition(CustomResource<?, ? extends ConditionedStatus> r, String type) {
    return find(r.getStatus().getConditions(), type).orElseThrow(() -> new AssertionError("no condition " + type
        + " in " + r.getStatus().getConditions()));
  }

  /** Deletes the named CRs (and Secrets), ignoring those already gone. */
  public static void delete(KubernetesClient client, Class<? extends HasMetadata> type, String... names) {
    for (String name : names) {
      client.resources(type).inNamespace(NS).withName(name).delete();
    }
  }
}
