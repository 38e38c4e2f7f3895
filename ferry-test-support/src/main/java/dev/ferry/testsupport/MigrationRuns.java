package dev.ferry.testsupport;

import dev.ferry.api.migration.migration.MigMigration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * MigMigrations of a {@link PlanFixture} plan ({@code plan-<s>}), declared as a user writes them,
 * and the wait for their end (Completed, Failed or Canceled) that every migration test has.
 */
public final class MigrationRuns {
  /** The phases after which a MigMigration does nothing more. */
  public static final Set<String> ENDED = Set.of("Completed", "Failed", "Canceled");
  /** How long a test waits for a migration of the testbed's small applications. */
  public static final int TIMEOUT_SECONDS = 180;

  private MigrationRuns() {
  }

  /**
   * The manifest of MigMigration {@code name} of plan {@code plan-<s>}; {@code specLines}: its spec
   * besides the plan reference, one field a line at the spec's indentation (e.g. {@code stage: true}).
   */
  public static String manifest(String name, String s, String specLines) {
    return """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigMigration
        metadata: {name: %1$s, namespace: %2$s}
        spec:
        %4$s  migPlanRef: {name: plan-%3$s, namespace: %2$s}
        """.formatted(name, PlanFixture.NS, s, specLines.indent(2));
  }

  /** A cutover ({@code stage: false}) named {@code cutover-<s>}. */
  public static String cutover(String s, boolean quiescePods) {
    return manifest("cutover-" + s, s, "stage: false\nquiescePods: " + quiescePods);
  }

  /** Creates the migration of {@code manifest}; returns it as created. */
  public static MigMigration start(KubernetesClient host, String manifest) {
    return host.resource(Serialization.unmarshal(manifest, MigMigration.class)).create();
  }

  /** Creates the migration of {@code manifest} and waits until it has ended. */
  public static MigMigration run(KubernetesClient host, String manifest) {
    return awaitEnd(host, start(host, manifest).getMetadata().getName(), TIMEOUT_SECONDS);
  }

  /** Waits until migration {@code name} has ended; returns it. */
  public static MigMigration awaitEnd(KubernetesClient host, String name, int timeoutSeconds) {
    return host.resources(MigMigration.class).inNamespace(PlanFixture.NS).withName(name)
        .waitUntilCondition(m -> m != null && m.getStatus() != null && ENDED.contains(m.getStatus().getPhase()),
            timeoutSeconds, TimeUnit.SECONDS);
  }
}
