package dev.ferry.controller.plan;

import static dev.ferry.controller.cluster.MigFixtures.NS;
import static dev.ferry.controller.cluster.MigFixtures.SECRETS_NS;
import static dev.ferry.controller.cluster.MigFixtures.await;
import static dev.ferry.controller.cluster.MigFixtures.condition;
import static dev.ferry.controller.cluster.MigFixtures.has;
import static dev.ferry.controller.cluster.MigFixtures.lacks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.plan.CopyMethod;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PvAction;
import dev.ferry.api.migration.plan.StorageClassInfo;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.cluster.MigFixtures;
import dev.ferry.controller.plan.model.PlanConditions;
import dev.ferry.testbed.StorageSetup;
import dev.ferry.testbed.TestNamespace;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * MigPlans validated against real clusters: the host cluster as source, the testbed's second
 * cluster as a remote destination, a filesystem repository. A plan for a namespace with a bound
 * claim becomes Ready with its volume discovered; a missing namespace and a namespace shared by
 * two open plans give the conditions MTC gives.
 */
@ExtendWith(TestbedExtension.class)
class MigPlanIT {
  private KubernetesClient host;
  private String s;
  private FerryOperator operator;

  @BeforeEach
  void clustersAndStorage(Testbed testbed, @TempDir Path repository) {
    host = testbed.source().client();
    FerryCrds.install(host);
    s = MigFixtures.suffix();
    operator = new FerryOperator(host, NS, Clock.systemUTC()).start();
    MigFixtures.hostCluster(host, "src-" + s);
    MigFixtures.remoteCluster(host, "dest-" + s, testbed.destination());
    MigFixtures.filesystemStorage(host, "repo-" + s, repository.toString());
  }

  @AfterEach
  void cleanUp() {
    operator.close();
    host.resources(MigPlan.class).inNamespace(NS).withLabel("ferry.dev/test-run", s).delete();
    MigFixtures.delete(host, MigCluster.class, "src-" + s, "dest-" + s);
    MigFixtures.delete(host, MigStorage.class, "repo-" + s);
    host.secrets().inNamespace(SECRETS_NS).withName("dest-" + s).delete();
  }

  private void plan(String name, String... namespaces) {
    MigFixtures.apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: %1$s, namespace: %2$s, labels: {ferry.dev/test-run: %3$s}}
        spec:
          srcMigClusterRef: {name: src-%3$s, namespace: %2$s}
          destMigClusterRef: {name: dest-%3$s, namespace: %2$s}
          migStorageRef: {name: repo-%3$s, namespace: %2$s}
          namespaces: %4$s
        """.formatted(name, NS, s, List.of(namespaces)));
  }

  @Test
  void aNamespaceWithABoundClaimIsReadyAndItsVolumeIsDiscovered(TestNamespace ns) {
    KubernetesClient source = ns.cluster().client();
    source.persistentVolumeClaims().inNamespace(ns.name()).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName("data").endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
    String volume = source.persistentVolumeClaims().inNamespace(ns.name()).withName("data").waitUntilCondition(c ->
        c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 90, TimeUnit.SECONDS).getSpec()
        .getVolumeName();

    plan("plan-" + s, ns.name());
    MigPlan plan = await(host, MigPlan.class, "plan-" + s, has(Condition.READY));
    assertThat(condition(plan, Condition.READY).getMessage()).isEqualTo("The migration plan is ready.");
    assertThat(condition(plan, Condition.READY).getCategory()).isEqualTo(Category.REQUIRED);
    assertThat(condition(plan, PlanConditions.PVS_DISCOVERED).getCategory()).isEqualTo(Category.REQUIRED);

    List<PlanVolume> volumes = plan.getSpec().getPersistentVolumes();
    assertThat(volumes).hasSize(1);
    PlanVolume v = volumes.get(0);
    assertThat(v.getName()).isEqualTo(volume);
    assertThat(v.getCapacity()).isEqualTo(new Quantity("1Gi"));
    assertThat(v.getStorageClass()).isEqualTo(StorageSetup.STORAGE_CLASS);
    assertThat(v.getPvc().getName()).isEqualTo("data");
    assertThat(v.getPvc().getNamespace()).isEqualTo(ns.name());
    assertThat(v.getPvc().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(v.getPvc().getVolumeMode()).isEqualTo("Filesystem");
    assertThat(v.getSupported().getActions()).containsExactly(PvAction.COPY, PvAction.SKIP);
    assertThat(v.getSupported().getCopyMethods()).containsExactly(CopyMethod.FILESYSTEM, CopyMethod.SNAPSHOT);
    assertThat(v.getSelection().getAction()).isEqualTo(PvAction.COPY);
    assertThat(v.getSelection().getCopyMethod()).isEqualTo(CopyMethod.FILESYSTEM);
    assertThat(v.getSelection().getStorageClass()).isEqualTo(StorageSetup.STORAGE_CLASS);
    assertThat(v.getSelection().getAccessMode()).isEqualTo("ReadWriteOnce");
    assertThat(plan.getStatus().getDestStorageClasses()).extracting(StorageClassInfo::getName)
        .contains(StorageSetup.STORAGE_CLASS);
    assertThat(plan.getStatus().getExcludedResources()).contains("events", "imagetags.image.openshift.io");

    // The user's choice survives re-validation, which refresh asks for at once.
    host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).edit(p -> {
      p.getSpec().getPersistentVolumes().get(0).getSelection().setAction(PvAction.SKIP);
      p.getSpec().setRefresh(true);
      return p;
    });
    MigPlan refreshed = host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).waitUntilCondition(p ->
        Boolean.FALSE.equals(p.getSpec().getRefresh()), 60, TimeUnit.SECONDS);
    assertThat(refreshed.getSpec().getPersistentVolumes().get(0).getSelection().getAction()).isEqualTo(PvAction.SKIP);
    assertThat(refreshed.getStatus().conditions().ready()).isTrue();
  }

  @Test
  void aMissingNamespaceIsNamed(TestNamespace ns) {
    String missing = "missing-" + s;
    plan("plan-" + s, ns.name(), missing);
    MigPlan plan = await(host, MigPlan.class, "plan-" + s, has(PlanConditions.NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER));
    Condition c = condition(plan, PlanConditions.NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER);
    assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(c.getItems()).containsExactly(missing);
    assertThat(plan.getStatus().conditions().ready()).isFalse();

    host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).edit(p -> {
      p.getSpec().setNamespaces(List.of(ns.name()));
      return p;
    });
    MigPlan fixed = await(host, MigPlan.class, "plan-" + s, has(Condition.READY));
    assertThat(fixed.getStatus().getConditions()).extracting(Condition::getType)
        .doesNotContain(PlanConditions.NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER);
  }

  @Test
  void twoOpenPlansOnOneNamespaceConflictUntilOneIsClosed(TestNamespace ns) {
    plan("first-" + s, ns.name());
    await(host, MigPlan.class, "first-" + s, has(Condition.READY));
    plan("second-" + s, ns.name());
    MigPlan second = await(host, MigPlan.class, "second-" + s, has(PlanConditions.PLAN_CONFLICT));
    Condition c = condition(second, PlanConditions.PLAN_CONFLICT);
    assertThat(c.getCategory()).isEqualTo(Category.ERROR);
    assertThat(c.getItems()).containsExactly("first-" + s);
    assertThat(second.getStatus().conditions().ready()).isFalse();
    // The first plan learns of the second without waiting for its two-minute recheck.
    MigPlan first = await(host, MigPlan.class, "first-" + s, has(PlanConditions.PLAN_CONFLICT));
    assertThat(condition(first, PlanConditions.PLAN_CONFLICT).getItems()).containsExactly("second-" + s);

    host.resources(MigPlan.class).inNamespace(NS).withName("first-" + s).edit(p -> {
      p.getSpec().setClosed(true);
      return p;
    });
    await(host, MigPlan.class, "second-" + s, lacks(PlanConditions.PLAN_CONFLICT).and(has(Condition.READY)));
    MigPlan closed = await(host, MigPlan.class, "first-" + s, has(PlanConditions.CLOSED));
    assertThat(closed.getStatus().conditions().ready()).as("a closed plan stays Ready").isTrue();
  }
}
