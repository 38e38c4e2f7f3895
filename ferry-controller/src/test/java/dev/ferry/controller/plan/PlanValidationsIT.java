package dev.ferry.controller.plan;

import static dev.ferry.controller.cluster.MigFixtures.NS;
import static dev.ferry.controller.cluster.MigFixtures.await;
import static dev.ferry.controller.cluster.MigFixtures.condition;
import static dev.ferry.controller.cluster.MigFixtures.has;
import static dev.ferry.controller.cluster.MigFixtures.lacks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.plan.CopyMethod;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.PlanVolumeSelection;
import dev.ferry.api.migration.plan.PvAction;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.cluster.MigFixtures;
import dev.ferry.controller.hook.model.HookValidator;
import dev.ferry.controller.plan.model.PlanConditions;
import dev.ferry.testbed.TestNamespace;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every MigPlan validation on real clusters, through the whole controller (FerryOperator): each
 * defective plan gets the condition MTC gives, with its category, and is not Ready; MigHooks are
 * validated by their own reconciler and a plan using an invalid one is not Ready.
 */
@ExtendWith(TestbedExtension.class)
class PlanValidationsIT {
  private KubernetesClient host;
  private KubernetesClient destination;
  private String s;
  private FerryOperator operator;

  @BeforeEach
  void clustersAndStorage(Testbed testbed, @TempDir Path repository) {
    host = testbed.source().client();
    destination = testbed.destination().client();
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
    host.resources(MigHook.class).inNamespace(NS).withLabel("ferry.dev/test-run", s).delete();
    MigFixtures.delete(host, MigCluster.class, "src-" + s, "dest-" + s, "unreachable-" + s);
    MigFixtures.delete(host, MigStorage.class, "repo-" + s, "broken-" + s);
  }

  /** A plan named {@code name} with the test's clusters and storage unless {@code spec} overrides them. */
  private void plan(String name, String source, String dest, String storage, List<String> namespaces, String extra) {
    MigFixtures.apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: %1$s, namespace: %2$s, labels: {ferry.dev/test-run: %3$s}}
        spec:
          srcMigClusterRef: {name: %4$s, namespace: %2$s}
          destMigClusterRef: {name: %5$s, namespace: %2$s}
          migStorageRef: {name: %6$s, namespace: %2$s}
          namespaces: %7$s
        %8$s""".formatted(name, NS, s, source, dest, storage, namespaces, extra));
  }

  private void plan(String name, List<String> namespaces) {
    plan(name, "src-" + s, "dest-" + s, "repo-" + s, namespaces, "");
  }

  private void expect(String plan, String type, Category category) {
    MigPlan found = await(host, MigPlan.class, plan, has(type));
    assertThat(condition(found, type).getCategory()).as(type).isEqualTo(category);
    assertThat(condition(found, type).getMessage()).as(type + " says what to do").isNotBlank();
    if (category == Category.CRITICAL || category == Category.ERROR) {
      assertThat(found.getStatus().conditions().ready()).as(plan + " must not be Ready with " + type).isFalse();
    }
  }

  @Test
  void namespaceValidations(TestNamespace ns) {
    String other = "other-" + s;
    MigFixtures.apply(host, "apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n".formatted(other));
    plan("empty-" + s, List.of());
    plan("baddns-" + s, List.of("Not_A_Namespace"));
    plan("dupsrc-" + s, List.of(ns.name(), ns.name()));
    plan("dupdest-" + s, List.of(ns.name(), other + ":" + ns.name()));
    plan("missing-" + s, List.of(ns.name(), "absent-" + s));

    expect("empty-" + s, PlanConditions.NAMESPACE_LIST_EMPTY, Category.CRITICAL);
    expect("baddns-" + s, PlanConditions.NAMESPACE_NOT_DNS_COMPLIANT, Category.CRITICAL);
    expect("dupsrc-" + s, PlanConditions.DUPLICATE_NAMESPACE_ON_SOURCE_CLUSTER, Category.CRITICAL);
    expect("dupdest-" + s, PlanConditions.DUPLICATE_NAMESPACE_ON_DESTINATION_CLUSTER, Category.CRITICAL);
    expect("missing-" + s, PlanConditions.NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER, Category.CRITICAL);

    // A namespace with a node selector: a warning (mover pods must honour it), the plan stays usable.
    String selected = namespace("sel-" + s);
    host.namespaces().withName(selected).edit(n -> {
      n.getMetadata().setAnnotations(java.util.Map.of("openshift.io/node-selector", "zone=east"));
      return n;
    });
    plan("selector-" + s, List.of(selected));
    expect("selector-" + s, PlanConditions.NAMESPACES_HAVE_NODE_SELECTORS, Category.WARN);
    assertThat(await(host, MigPlan.class, "selector-" + s, has(Condition.READY))).isNotNull();
    host.namespaces().withName(other).delete();
    host.namespaces().withName(selected).delete();
  }

  @Test
  void referenceValidations(TestNamespace ns) {
    MigFixtures.remoteCluster(host, "unreachable-" + s, "https://127.0.0.1:1", null, "dest-" + s);
    MigFixtures.filesystemStorage(host, "broken-" + s, "/proc/ferry-cannot-write-" + s);
    List<String> namespaces = List.of(ns.name());
    plan("nosrc-" + s, "absent-" + s, "dest-" + s, "repo-" + s, namespaces, "");
    plan("nodest-" + s, "src-" + s, "absent-" + s, "repo-" + s, namespaces, "");
    plan("nostorage-" + s, "src-" + s, "dest-" + s, "absent-" + s, namespaces, "");
    plan("intra-" + s, "src-" + s, "src-" + s, "repo-" + s, namespaces, "");
    plan("down-" + s, "src-" + s, "unreachable-" + s, "repo-" + s, namespaces, "");
    plan("brokenrepo-" + s, "src-" + s, "dest-" + s, "broken-" + s, namespaces, "");

    expect("nosrc-" + s, PlanConditions.INVALID_SOURCE_CLUSTER_REF, Category.CRITICAL);
    expect("nodest-" + s, PlanConditions.INVALID_DESTINATION_CLUSTER_REF, Category.CRITICAL);
    expect("nostorage-" + s, PlanConditions.INVALID_STORAGE_REF, Category.CRITICAL);
    expect("intra-" + s, PlanConditions.INTRA_CLUSTER_MIGRATION, Category.CRITICAL);
    expect("down-" + s, PlanConditions.DESTINATION_CLUSTER_NOT_READY, Category.CRITICAL);
    expect("brokenrepo-" + s, PlanConditions.STORAGE_NOT_READY, Category.CRITICAL);

    // Mapping the namespace makes a migration within one cluster valid (own namespace: plans on one
    // namespace conflict).
    String alone = namespace("intra-" + s);
    plan("intramapped-" + s, "src-" + s, "src-" + s, "repo-" + s, List.of(alone + ":copy-" + s), "");
    assertThat(await(host, MigPlan.class, "intramapped-" + s, lacks(PlanConditions.INTRA_CLUSTER_MIGRATION)
        .and(has(Condition.READY)))).isNotNull();
    host.namespaces().withName(alone).delete();
  }

  @Test
  void hookValidations(TestNamespace ns) {
    String playbook = Base64.getEncoder().encodeToString("- hosts: localhost\n  tasks: []\n"
        .getBytes(StandardCharsets.UTF_8));
    MigFixtures.apply(host, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: good-%1$s, namespace: %2$s, labels: {ferry.dev/test-run: %1$s}}
        spec: {custom: false, playbook: "%3$s", targetCluster: source}
        ---
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: noimage-%1$s, namespace: %2$s, labels: {ferry.dev/test-run: %1$s}}
        spec: {custom: true, targetCluster: destination}
        """.formatted(s, NS, playbook));
    MigHook bad = await(host, MigHook.class, "noimage-" + s, has(HookValidator.INVALID_IMAGE));
    assertThat(bad.getStatus().conditions().ready()).isFalse();
    assertThat(await(host, MigHook.class, "good-" + s, has(Condition.READY))).isNotNull();

    List<String> namespaces = List.of(ns.name());
    String hook = "  hooks:\n  - {executionNamespace: %s, phase: %s, serviceAccount: %s, reference: {name: %s, namespace: "
        + NS + "}}\n";
    // Its own namespace: open plans on one namespace conflict, and this one must become Ready below.
    String alone = namespace("hooked-" + s);
    plan("notready-" + s, "src-" + s, "dest-" + s, "repo-" + s, List.of(alone),
        hook.formatted("hooks", "PreBackup", "runner", "noimage-" + s));
    plan("noref-" + s, "src-" + s, "dest-" + s, "repo-" + s, namespaces,
        hook.formatted("hooks", "PreBackup", "runner", "absent-" + s));
    plan("twice-" + s, "src-" + s, "dest-" + s, "repo-" + s, namespaces,
        hook.formatted("hooks", "PreBackup", "runner", "good-" + s)
            + hook.formatted("hooks", "PreBackup", "runner", "good-" + s).substring("  hooks:\n".length()));
    plan("badns-" + s, "src-" + s, "dest-" + s, "repo-" + s, namespaces,
        hook.formatted("Bad_Namespace", "PreBackup", "runner", "good-" + s));
    plan("badsa-" + s, "src-" + s, "dest-" + s, "repo-" + s, namespaces,
        hook.formatted("hooks", "PreBackup", "Bad_Account", "good-" + s));

    expect("notready-" + s, PlanConditions.HOOK_NOT_READY, Category.CRITICAL);
    expect("noref-" + s, PlanConditions.INVALID_HOOK_REF, Category.CRITICAL);
    expect("twice-" + s, PlanConditions.HOOK_PHASE_DUPLICATE, Category.CRITICAL);
    expect("badns-" + s, PlanConditions.INVALID_HOOK_NS_NAME, Category.CRITICAL);
    expect("badsa-" + s, PlanConditions.INVALID_HOOK_SA_NAME, Category.CRITICAL);

    // Fixing the hook makes the plan Ready without touching the plan.
    host.resources(MigHook.class).inNamespace(NS).withName("noimage-" + s).edit(h -> {
      h.getSpec().setImage("quay.io/konveyor/hook-runner:latest");
      return h;
    });
    assertThat(await(host, MigPlan.class, "notready-" + s, lacks(PlanConditions.HOOK_NOT_READY)
        .and(has(Condition.READY)))).isNotNull();
    host.namespaces().withName(alone).delete();
  }

  @Test
  void volumeSelectionValidations(TestNamespace ns) {
    KubernetesClient source = ns.cluster().client();
    source.persistentVolumeClaims().inNamespace(ns.name()).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName("data").endMetadata()
        .withNewSpec().withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
    source.persistentVolumeClaims().inNamespace(ns.name()).withName("data").waitUntilCondition(c ->
        c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 90, TimeUnit.SECONDS);
    String name = "volumes-" + s;
    plan(name, List.of(ns.name()));
    await(host, MigPlan.class, name, has(PlanConditions.PVS_DISCOVERED).and(has(Condition.READY)));

    select(name, sel -> sel.setAction(PvAction.MOVE));
    expect(name, PlanConditions.PV_INVALID_ACTION, Category.ERROR);
    select(name, sel -> {
      sel.setAction(PvAction.COPY);
      sel.setStorageClass("no-such-class");
    });
    expect(name, PlanConditions.PV_INVALID_STORAGE_CLASS, Category.ERROR);
    select(name, sel -> {
      sel.setStorageClass("standard");
      sel.setAccessMode("ReadWriteSometimes");
    });
    expect(name, PlanConditions.PV_INVALID_ACCESS_MODE, Category.ERROR);
    select(name, sel -> {
      sel.setAccessMode("ReadWriteOnce");
      sel.setCopyMethod(CopyMethod.SNAPSHOT);
    });
    expect(name, PlanConditions.PV_WARN_COPY_METHOD_SNAPSHOT, Category.WARN);
    // (PvNoStorageClassSelection cannot be provoked here: discovery defaults an empty selection to the
    // destination's default class; PlanValidatorTest covers it.)
    select(name, sel -> sel.setCopyMethod(CopyMethod.FILESYSTEM));
    assertThat(await(host, MigPlan.class, name, lacks(PlanConditions.PV_WARN_COPY_METHOD_SNAPSHOT)
        .and(lacks(PlanConditions.PV_INVALID_ACTION)).and(has(Condition.READY)))).isNotNull();
  }

  @Test
  void resourcesTheDestinationCannotServeAreReported(TestNamespace ns) {
    String group = "only-source-" + s + ".ferry.dev";
    MigFixtures.apply(host, """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.%1$s}
        spec:
          group: %1$s
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """.formatted(group));
    try {
      host.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).waitUntilCondition(c ->
          c.getStatus() != null && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
              .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 30, TimeUnit.SECONDS);
      host.genericKubernetesResources(group + "/v1", "Gadget").inNamespace(ns.name()).resource(
          new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder().withApiVersion(group + "/v1")
              .withKind("Gadget").withNewMetadata().withName("g1").endMetadata().build()).create();
      assertThat(destination.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).get())
          .isNull();

      plan("gvk-" + s, List.of(ns.name()));
      expect("gvk-" + s, PlanConditions.GVKS_INCOMPATIBLE, Category.WARN);
      MigPlan plan = await(host, MigPlan.class, "gvk-" + s, has(PlanConditions.GVKS_INCOMPATIBLE));
      assertThat(plan.getStatus().getIncompatibleNamespaces()).singleElement().satisfies(n -> {
        assertThat(n.getName()).isEqualTo(ns.name());
        assertThat(n.getGvks()).anySatisfy(g -> assertThat(g.getGroup()).isEqualTo(group));
      });
    } finally {
      host.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).delete();
    }
  }

  private String namespace(String name) {
    MigFixtures.apply(host, "apiVersion: v1\nkind: Namespace\nmetadata: {name: %s}\n".formatted(name));
    return name;
  }

  private void select(String plan, Consumer<PlanVolumeSelection> change) {
    host.resources(MigPlan.class).inNamespace(NS).withName(plan).edit(p -> {
      change.accept(p.getSpec().getPersistentVolumes().get(0).getSelection());
      return p;
    });
  }
}
