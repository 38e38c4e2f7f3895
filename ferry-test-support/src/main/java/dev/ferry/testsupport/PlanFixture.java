package dev.ferry.testsupport;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanStatus;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RemoteAccess;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * What every migration test (controller and CLI alike) declares on the host (source) cluster:
 * the host MigCluster, the remote destination MigCluster with its token Secret, a filesystem
 * MigStorage and a MigPlan — named {@code host-<s>}, {@code dest-<s>}, {@code repo-<s>},
 * {@code plan-<s>}.
 */
public final class PlanFixture {
  /** The controller's namespace (FerryOperator.DEFAULT_NAMESPACE, MTC's). */
  public static final String NS = "openshift-migration";
  /** The key of the destination's token in the MigCluster's Secret (ClusterClients.TOKEN_KEY, MTC's). */
  public static final String TOKEN_KEY = "saToken";

  private PlanFixture() {
  }

  /** {@code planSpecExtra}: more YAML lines of the plan's spec, indented by two spaces (may be empty). */
  public static void declare(KubernetesClient host, LocalCluster destination, String s, Path repository,
                      String namespaces, String planSpecExtra) {
    declareClusters(host, destination, s, "", "");
    declareStorage(host, s, filesystemStorage(repository));
    declarePlan(host, s, namespaces, planSpecExtra);
  }

  /**
   * The host MigCluster {@code host-<s>} and the remote destination {@code dest-<s>} with its token
   * Secret; each cluster's registry (a {@link LocalCluster#registry()}) as its exposedRegistryPath.
   */
  public static void declareClustersWithRegistries(KubernetesClient host, LocalCluster source,
                                                   LocalCluster destination, String s) {
    declareClusters(host, destination, s, source.registry().orElseThrow().hostPort(),
        destination.registry().orElseThrow().hostPort());
  }

  private static void declareClusters(KubernetesClient host, LocalCluster destination, String s,
                                      String sourceRegistry, String destinationRegistry) {
    String token = RemoteAccess.clusterAdminToken(destination.client());
    host.resource(new SecretBuilder().withNewMetadata().withName("dest-" + s).withNamespace(NS).endMetadata()
        .addToStringData(TOKEN_KEY, token).build()).create();
    String ca = Base64.getEncoder().encodeToString(destination.caPem().getBytes(StandardCharsets.UTF_8));
    apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: host-%1$s, namespace: %2$s}
        spec: {isHostCluster: true%5$s}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigCluster
        metadata: {name: dest-%1$s, namespace: %2$s}
        spec:
          isHostCluster: false
          url: %3$s
          caBundle: %4$s
        %6$s  serviceAccountSecretRef: {name: dest-%1$s, namespace: %2$s}
        """.formatted(s, NS, destination.url(), ca,
        sourceRegistry.isEmpty() ? "" : ", exposedRegistryPath: \"" + sourceRegistry + "\"",
        destinationRegistry.isEmpty() ? "" : "  exposedRegistryPath: \"" + destinationRegistry + "\"\n"));
  }

  /** The spec of a MigStorage on a directory (Ferry's filesystem provider). */
  public static String filesystemStorage(Path repository) {
    return """
        backupStorageProvider: filesystem
        backupStorageConfig: {filesystemPath: %s}
        """.formatted(repository);
  }

  /** MigStorage {@code repo-<s>} with {@code storageSpec} (YAML lines of its spec, not indented). */
  public static void declareStorage(KubernetesClient host, String s, String storageSpec) {
    apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: repo-%1$s, namespace: %2$s}
        spec:
        %3$s""".formatted(s, NS, storageSpec.indent(2)));
  }

  /**
   * MigPlan {@code plan-<s>} from {@code host-<s>} to {@code dest-<s>} through {@code repo-<s>};
   * {@code namespaces}: the list's items as YAML; {@code planSpecExtra}: more lines of its spec,
   * indented by two spaces (may be empty).
   */
  public static void declarePlan(KubernetesClient host, String s, String namespaces, String planSpecExtra) {
    apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: plan-%1$s, namespace: %2$s}
        spec:
          srcMigClusterRef: {name: host-%1$s, namespace: %2$s}
          destMigClusterRef: {name: dest-%1$s, namespace: %2$s}
          migStorageRef: {name: repo-%1$s, namespace: %2$s}
          namespaces: [%3$s]
        %4$s""".formatted(s, NS, namespaces, planSpecExtra));
  }

  /** Declares the plan Ready, for tests that run only the MigMigration reconciler. */
  public static MigPlan markReady(KubernetesClient host, String s) {
    MigPlan plan = host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).get();
    plan.setStatus(new MigPlanStatus());
    plan.getStatus().setConditions(List.of(Condition.of(Condition.READY, Category.REQUIRED, null,
        "The migration plan is ready.")));
    plan.getStatus().getConditions().get(0).setLastTransitionTime("2026-01-01T00:00:00Z");
    return host.resource(plan).updateStatus();
  }

  /** Creates every document of a multi-document YAML text. */
  public static void apply(KubernetesClient client, String manifests) {
    Manifests.create(client, manifests);
  }
}
