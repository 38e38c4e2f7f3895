package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.volumes.DirectVolumeMigrationReconciler;
import dev.ferry.controller.volumes.InProcessVolumeLauncher;
import dev.ferry.controller.volumes.LauncherChoice;
import dev.ferry.controller.volumes.LibraryVolumeMover;
import dev.ferry.controller.volumes.MoverJobs;
import dev.ferry.objectstore.FilesystemObjectStore;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's troubleshooting case: the destination namespace's node selector matches no node, so
 * the receiver pod of a volume copy by pods stays Pending. Once the MigrationController's
 * {@code transfer_pod_pending_timeout} has passed, the DirectVolumeMigration says so
 * ({@code TransferPodsPending}, {@code pendingSinceTimeLimitPods}) and so does the MigMigration, as
 * {@code oc describe migmigration} shows it in MTC ({@code DirectVolumeMigrationBlocked}: "Some or all
 * transfer pods are not running for more than … on destination cluster", with the pod and the
 * scheduler's reason). Canceling the migration removes the transfer's Jobs. Scheduling is the real
 * kube-scheduler's, so this needs no real node: the pod never gets one.
 */
@ExtendWith(TestbedExtension.class)
class TransferPodsPendingIT {
  private static final String NS = PlanFixture.NS;

  @Test
  void receiverPodThatNoNodeMatchesIsNamedOnTheMigration(Testbed testbed, @TempDir Path repository) {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "pending-" + s;
    KubernetesClient host = testbed.source().client();
    KubernetesClient dest = testbed.destination().client();
    FerryCrds.install(host);
    PlanFixture.apply(host, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %1$s}
        ---
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: %1$s}
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: standard
          resources: {requests: {storage: 1Gi}}
        """.formatted(app));
    // The destination namespace exists already, with a node selector no node of that cluster has.
    PlanFixture.apply(dest, """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          annotations: {openshift.io/node-selector: "region=nowhere"}
        """.formatted(app));
    String volume = host.persistentVolumeClaims().inNamespace(app).withName("data").waitUntilCondition(c ->
        c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 90, TimeUnit.SECONDS).getSpec()
        .getVolumeName();
    // Sorts first by name, so it is the MigrationController in effect.
    String settings = "a-pending-" + s;
    host.resource(Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigrationController
        metadata: {name: %s, namespace: %s}
        spec: {transfer_pod_pending_timeout: 5s}
        """.formatted(settings, NS), MigrationController.class)).create();
    PlanFixture.declare(host, testbed.destination(), s, repository, app, """
          persistentVolumes:
          - name: %s
            pvc: {name: data, namespace: %s}
            selection: {action: copy, copyMethod: filesystem, storageClass: standard}
        """.formatted(volume, app));
    // Pods even though the testbed's volumes are visible to this process.
    host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).edit(p -> {
      p.getMetadata().setAnnotations(new java.util.HashMap<>(java.util.Map.of(LauncherChoice.ANNOTATION, "job")));
      return p;
    });
    PlanFixture.markReady(host, s);

    Operator operator = new Operator(o -> o.withKubernetesClient(host).withCloseClientOnStop(false));
    LibraryVolumeMover mover = new LibraryVolumeMover();
    try (ClusterClients clusters = new ClusterClients(host);
         InProcessVolumeLauncher inProcess = new InProcessVolumeLauncher(mover, 1)) {
      Function<dev.ferry.api.migration.storage.MigStorage, ObjectStore> storage =
          st -> new FilesystemObjectStore(Path.of(st.getSpec().getBackupStorageConfig().getFilesystemPath()));
      operator.register(new MigrationReconciler(clusters, storage, Clock.systemUTC()),
          c -> c.settingNamespaces(Set.of(NS)));
      operator.register(new DirectVolumeMigrationReconciler(clusters, storage, mover, inProcess, Clock.systemUTC()),
          c -> c.settingNamespaces(Set.of(NS)));
      operator.start();
      host.resource(Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigMigration
          metadata: {name: stage-%1$s, namespace: %2$s}
          spec: {stage: true, quiescePods: false, migPlanRef: {name: plan-%1$s, namespace: %2$s}}
          """.formatted(s, NS), MigMigration.class)).create();
      var migrations = host.resources(MigMigration.class).inNamespace(NS).withName("stage-" + s);

      MigMigration blocked = migrations.waitUntilCondition(m -> blocked(m).isPresent(), 3, TimeUnit.MINUTES);
      Condition condition = blocked(blocked).orElseThrow();
      assertThat(condition.getCategory().value()).isEqualTo("Warn");
      assertThat(condition.getMessage())
          .startsWith("Some or all transfer pods are not running for more than 5 s on destination cluster: pod "
              + app + "/")
          .contains("-receiver-")
          .contains("didn't match Pod's node affinity/selector")
          .contains("openshift.io/node-selector");
      DirectVolumeMigration dvm = host.resources(DirectVolumeMigration.class).inNamespace(NS)
          .withLabel("migmigration", blocked.getMetadata().getUid()).list().getItems().get(0);
      assertThat(dvm.getStatus().conditions().find("TransferPodsPending")).get()
          .satisfies(c -> assertThat(c.getMessage()).startsWith("Some or all transfer pods are not running"));
      assertThat(dvm.getStatus().getPendingSinceTimeLimitPods()).singleElement().satisfies(p -> {
        assertThat(p.getNamespace()).isEqualTo(app);
        assertThat(p.getName()).contains("-receiver-");
        assertThat(p.getPvcRef().getName()).isEqualTo("data");
      });

      migrations.edit(m -> {
        m.getSpec().setCanceled(true);
        return m;
      });
      migrations.waitUntilCondition(m -> m.getStatus() != null && "Canceled".equals(m.getStatus().getPhase()), 2,
          TimeUnit.MINUTES);
      dest.batch().v1().jobs().inNamespace(app).withLabel(MoverJobs.TRANSFER_LABEL).informOnCondition(
          java.util.List::isEmpty).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      operator.stop();
      host.resources(MigrationController.class).inNamespace(NS).withName(settings).delete();
    }
    host.namespaces().withName(app).delete();
    dest.namespaces().withName(app).delete();
  }

  private static Optional<Condition> blocked(MigMigration m) {
    return m == null || m.getStatus() == null ? Optional.empty()
        : m.getStatus().conditions().find(CopyVolumeData.BLOCKED);
  }
}
