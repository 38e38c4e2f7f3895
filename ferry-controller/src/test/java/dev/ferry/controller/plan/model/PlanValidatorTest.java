package dev.ferry.controller.plan.model;

import static dev.ferry.controller.plan.model.PlanConditions.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.hook.HookPhase;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.MigHookStatus;
import dev.ferry.api.migration.plan.CopyMethod;
import dev.ferry.api.migration.plan.IncompatibleGvk;
import dev.ferry.api.migration.plan.IncompatibleNamespace;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanHook;
import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.api.migration.plan.PvAction;
import dev.ferry.api.migration.storage.VolumeSnapshotProvider;
import dev.ferry.controller.settings.ControllerSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

  private static PlanValidation validate(Snapshots s) {
    return PlanValidator.validate(s.build());
  }

  private static List<String> types(PlanValidation v) {
    return v.conditions().stream().map(Condition::getType).toList();
  }

  private static Condition only(PlanValidation v, String type) {
    List<Condition> found = v.conditions().stream().filter(c -> c.getType().equals(type)).toList();
    assertThat(found).as("conditions %s", v.conditions()).hasSize(1);
    return found.get(0);
  }

  private static boolean ready(PlanValidation v) {
    List<Condition> list = new ArrayList<>();
    Conditions conditions = Conditions.of(list, Clock.systemUTC());
    v.applyTo(conditions);
    return conditions.ready();
  }

  @Test
  void aValidPlanIsReadyAndItsVolumesAreDiscovered() {
    Snapshots s = new Snapshots().boundClaim("shop", "data", "pv-1", "standard", "Filesystem", "ReadWriteOnce");
    PlanValidation v = validate(s);
    assertThat(types(v)).containsExactly(PVS_DISCOVERED);
    assertThat(only(v, PVS_DISCOVERED).getCategory()).isEqualTo(Category.REQUIRED);
    assertThat(v.volumes()).extracting(PlanVolume::getName).containsExactly("pv-1");
    assertThat(ready(v)).isTrue();
  }

  @Test
  void clusterReferencesMustBeSetAndExist() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setSrcMigClusterRef(null);
    s.destination = null;
    PlanValidation v = validate(s);
    Condition src = only(v, INVALID_SOURCE_CLUSTER_REF);
    assertThat(src.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(src.getReason()).isEqualTo("NotSet");
    assertThat(src.getMessage()).contains("spec.srcMigClusterRef");
    Condition dest = only(v, INVALID_DESTINATION_CLUSTER_REF);
    assertThat(dest.getReason()).isEqualTo("NotFound");
    assertThat(dest.getMessage()).contains("openshift-migration/remote").contains("does not exist");
    assertThat(v.volumes()).as("a Critical condition blocks discovery").isNull();
    assertThat(ready(v)).isFalse();
  }

  @Test
  void storageReferenceMustBeSetAndExist() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setMigStorageRef(null);
    assertThat(only(validate(s), INVALID_STORAGE_REF).getReason()).isEqualTo("NotSet");
    Snapshots missing = new Snapshots();
    missing.storage = null;
    Condition c = only(validate(missing), INVALID_STORAGE_REF);
    assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(c.getMessage()).contains("MigStorage openshift-migration/repo");
  }

  @Test
  void clustersAndStorageMustBeReadyAndTheMessageSaysWhy() {
    Snapshots s = new Snapshots();
    s.source = Snapshots.cluster("host", true, false);
    s.destination = Snapshots.cluster("remote", false, false);
    s.storage = Snapshots.storage("repo", false);
    s.sourceInspected = false;
    s.destinationInspected = false;
    PlanValidation v = validate(s);
    assertThat(only(v, SOURCE_CLUSTER_NOT_READY).getMessage()).contains("host").contains("was rejected");
    assertThat(only(v, DESTINATION_CLUSTER_NOT_READY).getCategory()).isEqualTo(Category.CRITICAL);
    Condition storage = only(v, STORAGE_NOT_READY);
    assertThat(storage.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(storage.getMessage()).contains("bucket b does not exist");
    assertThat(types(v)).doesNotContain(NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER);
  }

  @Test
  void aClusterThatCannotBeReadIsNotReady() {
    Snapshots s = new Snapshots();
    s.sourceError = "connect timed out";
    Condition c = only(validate(s), SOURCE_CLUSTER_NOT_READY);
    assertThat(c.getReason()).isEqualTo("InspectionFailed");
    assertThat(c.getMessage()).contains("connect timed out");
  }

  @Test
  void namespaceListMustNotBeEmpty() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setNamespaces(null);
    Condition c = only(validate(s), NAMESPACE_LIST_EMPTY);
    assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(c.getMessage()).contains("spec.namespaces");
  }

  @Test
  void missingSourceNamespacesAreListed() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setNamespaces(List.of("shop", "gone", "also-gone:elsewhere"));
    Condition c = only(validate(s), NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER);
    assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(c.getItems()).containsExactly("gone", "also-gone");
    assertThat(c.getMessage()).contains("host").contains("remove them");
  }

  @Test
  void namespaceLimitComesFromTheSettings() {
    Snapshots s = new Snapshots();
    s.settings = new ControllerSettings(2, 100, 100, List.of());
    s.plan.getSpec().setNamespaces(List.of("shop", "a", "b"));
    s.sourceNamespaces.put("a", Snapshots.namespace("a", null));
    s.sourceNamespaces.put("b", Snapshots.namespace("b", null));
    Condition c = only(validate(s), NAMESPACE_LIMIT_EXCEEDED);
    assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(c.getMessage()).contains("3 namespaces").contains("limit of 2").contains("mig_namespace_limit");
  }

  @Test
  void bothSidesOfAMappingMustBeDnsLabels() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setNamespaces(List.of("shop", "Shop", "shop:Bad_dest", "a:b:c", "x".repeat(64)));
    Condition c = only(validate(s), NAMESPACE_NOT_DNS_COMPLIANT);
    assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(c.getItems()).containsExactly("Shop", "shop:Bad_dest", "a:b:c", "x".repeat(64));
  }

  @Test
  void twoSourcesMappedToOneDestinationAreDuplicates() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setNamespaces(List.of("shop:store", "cart:store", "shop"));
    PlanValidation v = validate(s);
    Condition dest = only(v, DUPLICATE_NAMESPACE_ON_DESTINATION_CLUSTER);
    assertThat(dest.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(dest.getItems()).containsExactly("store");
    assertThat(only(v, DUPLICATE_NAMESPACE_ON_SOURCE_CLUSTER).getItems()).containsExactly("shop");
  }

  @Test
  void sameClusterNeedsEveryNamespaceRenamed() {
    Snapshots s = new Snapshots();
    s.destination = s.source;
    s.plan.getSpec().setDestMigClusterRef(Snapshots.ref("host"));
    Condition c = only(validate(s), INTRA_CLUSTER_MIGRATION);
    assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
    assertThat(c.getItems()).containsExactly("shop");

    s.plan.getSpec().setNamespaces(List.of("shop:shop-copy"));
    assertThat(types(validate(s))).doesNotContain(INTRA_CLUSTER_MIGRATION);
  }

  @Test
  void twoHostMigClustersAreTheSameCluster() {
    Snapshots s = new Snapshots();
    s.destination = Snapshots.cluster("host-again", true, true);
    assertThat(types(validate(s))).contains(INTRA_CLUSTER_MIGRATION);
  }

  @Test
  void hooksMustExistHaveOnePhaseEachAndValidNames() {
    Snapshots s = new Snapshots();
    MigHook ready = new MigHook();
    ready.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("ok")
        .withNamespace(Snapshots.NS).build());
    MigHook broken = new MigHook();
    broken.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("broken")
        .withNamespace(Snapshots.NS).build());
    broken.setStatus(new MigHookStatus());
    broken.getStatus().conditions().set("InvalidImage", Category.CRITICAL, "NotSet", "no image");
    s.hooks.put(Snapshots.NS + "/ok", ready);
    s.hooks.put(Snapshots.NS + "/broken", broken);
    s.plan.getSpec().setHooks(List.of(
        hook("ok", HookPhase.PRE_BACKUP, "shop", "migrator"),
        hook("missing", HookPhase.POST_BACKUP, "shop", "migrator"),
        hook("broken", HookPhase.PRE_BACKUP, "Bad NS", "migrator"),
        hook("ok", null, "shop", "Not_Valid")));
    PlanValidation v = validate(s);
    assertThat(only(v, INVALID_HOOK_REF).getItems()).containsExactly(Snapshots.NS + "/missing");
    assertThat(only(v, HOOK_NOT_READY).getItems()).containsExactly("broken");
    assertThat(only(v, HOOK_PHASE_DUPLICATE).getItems()).containsExactly("PreBackup");
    assertThat(only(v, HOOK_PHASE_UNKNOWN).getItems()).containsExactly("ok");
    assertThat(only(v, INVALID_HOOK_NS_NAME).getItems()).containsExactly("broken");
    assertThat(only(v, INVALID_HOOK_SA_NAME).getItems()).containsExactly("ok");
    assertThat(v.conditions()).filteredOn(c -> c.getType().startsWith("Hook") || c.getType().startsWith("InvalidHook"))
        .allMatch(c -> c.getCategory() == Category.CRITICAL);
  }

  @Test
  void aHookWithoutStatusIsNotJudgedNotReady() {
    Snapshots s = new Snapshots();
    MigHook fresh = new MigHook();
    fresh.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("fresh")
        .withNamespace(Snapshots.NS).build());
    s.hooks.put(Snapshots.NS + "/fresh", fresh);
    s.plan.getSpec().setHooks(List.of(hook("fresh", HookPhase.POST_RESTORE, "shop", "default")));
    assertThat(types(validate(s))).containsExactly(PVS_DISCOVERED);
  }

  private static MigPlanHook hook(String name, HookPhase phase, String ns, String sa) {
    MigPlanHook h = new MigPlanHook();
    h.setReference(Snapshots.ref(name));
    h.setPhase(phase);
    h.setExecutionNamespace(ns);
    h.setServiceAccount(sa);
    return h;
  }

  @Test
  void anotherOpenPlanOnTheSameNamespaceIsAConflict() {
    Snapshots s = new Snapshots();
    s.otherPlans.add(Snapshots.plan("other", "shop", "cart"));
    MigPlan closed = Snapshots.plan("closed-one", "shop");
    closed.getSpec().setClosed(true);
    s.otherPlans.add(closed);
    MigPlan elsewhere = Snapshots.plan("elsewhere", "shop:shop2");
    elsewhere.getSpec().setSrcMigClusterRef(Snapshots.ref("third"));
    elsewhere.getSpec().setDestMigClusterRef(Snapshots.ref("fourth"));
    s.otherPlans.add(elsewhere);
    PlanValidation v = validate(s);
    Condition c = only(v, PLAN_CONFLICT);
    assertThat(c.getCategory()).isEqualTo(Category.ERROR);
    assertThat(c.getItems()).containsExactly("other");
    assertThat(c.getMessage()).contains("[shop]").contains("spec.closed");
    assertThat(ready(v)).as("Error blocks Ready").isFalse();
    assertThat(v.volumes()).as("Error does not block discovery").isNotNull();
  }

  @Test
  void theSameDestinationNamespaceFromAnotherSourceIsAConflictToo() {
    Snapshots s = new Snapshots();
    MigPlan other = Snapshots.plan("other", "legacy:shop");
    other.getSpec().setSrcMigClusterRef(Snapshots.ref("third"));
    s.otherPlans.add(other);
    assertThat(only(validate(s), PLAN_CONFLICT).getItems()).containsExactly("other");
  }

  @Test
  void podAndVolumeLimitsWarnButDoNotBlock() {
    Snapshots s = new Snapshots();
    s.settings = new ControllerSettings(10, 1, 1, List.of());
    s.pod("shop", "a");
    s.pod("shop", "b");
    s.boundClaim("shop", "d1", "pv-1", "standard", "Filesystem", "ReadWriteOnce");
    s.boundClaim("shop", "d2", "pv-2", "standard", "Filesystem", "ReadWriteOnce");
    PlanValidation v = validate(s);
    Condition pods = only(v, POD_LIMIT_EXCEEDED);
    assertThat(pods.getCategory()).isEqualTo(Category.WARN);
    assertThat(pods.getMessage()).contains("2 pods").contains("mig_pod_limit");
    Condition pvs = only(v, PV_LIMIT_EXCEEDED);
    assertThat(pvs.getCategory()).isEqualTo(Category.WARN);
    assertThat(pvs.getMessage()).contains("2 persistent volumes").contains("mig_pv_limit");
    assertThat(ready(v)).isTrue();
  }

  @Test
  void nodeSelectorsWarnAndNameTheDestinationMismatch() {
    Snapshots s = new Snapshots();
    s.sourceNamespaces.put("shop", Snapshots.namespace("shop", "region=east"));
    s.destinationNamespaces.put("shop", Snapshots.namespace("shop", null));
    Condition c = only(validate(s), NAMESPACES_HAVE_NODE_SELECTORS);
    assertThat(c.getCategory()).isEqualTo(Category.WARN);
    assertThat(c.getItems()).containsExactly("shop");
    assertThat(c.getMessage()).contains("openshift.io/node-selector")
        .contains("destination namespace shop has no node selector instead of \"region=east\"")
        .contains("Pending");
  }

  @Test
  void selectionsMustBePossible() {
    Snapshots s = new Snapshots()
        .boundClaim("shop", "a", "pv-a", "standard", "Filesystem", "ReadWriteOnce")
        .boundClaim("shop", "b", "pv-b", "standard", "Filesystem", "ReadWriteOnce")
        .boundClaim("shop", "c", "pv-c", "standard", "Filesystem", "ReadWriteOnce")
        .boundClaim("shop", "d", "pv-d", "standard", "Filesystem", "ReadWriteOnce")
        .boundClaim("shop", "e", "pv-e", "standard", "Filesystem", "ReadWriteOnce");
    List<PlanVolume> chosen = PvDiscovery.discover(s.build().namespaces(), s.volumes, s.claims, s.pods,
        s.destinationClasses, null);
    chosen.get(0).getSelection().setAction(PvAction.MOVE); // hostPath: not shared, no move
    chosen.get(1).getSelection().setStorageClass("gold");
    chosen.get(2).getSelection().setAccessMode("ReadWriteSometimes");
    chosen.get(3).getSelection().setCopyMethod(CopyMethod.BLOCK);
    chosen.get(4).getSelection().setCopyMethod(CopyMethod.SNAPSHOT);
    s.plan.getSpec().setPersistentVolumes(chosen);
    PlanValidation v = validate(s);
    assertThat(only(v, PV_INVALID_ACTION).getItems()).containsExactly("pv-a");
    assertThat(only(v, PV_INVALID_STORAGE_CLASS).getItems()).containsExactly("pv-b");
    assertThat(only(v, PV_INVALID_ACCESS_MODE).getItems()).containsExactly("pv-c");
    assertThat(only(v, PV_INVALID_COPY_METHOD).getItems()).containsExactly("pv-d");
    assertThat(only(v, PV_WARN_COPY_METHOD_SNAPSHOT).getItems()).containsExactly("pv-e");
    assertThat(List.of(PV_INVALID_ACTION, PV_INVALID_STORAGE_CLASS, PV_INVALID_ACCESS_MODE, PV_INVALID_COPY_METHOD))
        .allMatch(t -> only(v, t).getCategory() == Category.ERROR);
    assertThat(ready(v)).isFalse();

    s.storage.getSpec().setVolumeSnapshotProvider(VolumeSnapshotProvider.AWS);
    assertThat(types(validate(s))).doesNotContain(PV_WARN_COPY_METHOD_SNAPSHOT);
  }

  @Test
  void noStorageClassOnTheDestinationWarns() {
    Snapshots s = new Snapshots().boundClaim("shop", "a", "pv-a", "standard", "Filesystem", "ReadWriteOnce");
    s.destinationClasses.clear();
    Condition c = only(validate(s), PV_NO_STORAGE_CLASS_SELECTION);
    assertThat(c.getCategory()).isEqualTo(Category.WARN);
    assertThat(c.getItems()).containsExactly("pv-a");
  }

  @Test
  void resourcesTheDestinationDoesNotServeWarn() {
    Snapshots s = new Snapshots();
    IncompatibleGvk gvk = new IncompatibleGvk();
    gvk.setGroup("batch");
    gvk.setVersion("v1beta1");
    gvk.setKind("cronjobs");
    IncompatibleNamespace ns = new IncompatibleNamespace();
    ns.setName("shop");
    ns.setGvks(List.of(gvk));
    s.incompatible = List.of(ns);
    Condition c = only(validate(s), GVKS_INCOMPATIBLE);
    assertThat(c.getCategory()).isEqualTo(Category.WARN);
    assertThat(c.getItems()).containsExactly("shop: cronjobs.batch/v1beta1");
  }

  @Test
  void differentToolkitVersionsWarn() {
    Snapshots s = new Snapshots();
    s.source.getStatus().setOperatorVersion("1.8.3");
    s.destination.getStatus().setOperatorVersion("1.7.0");
    Condition c = only(validate(s), CLUSTER_VERSION_MISMATCH);
    assertThat(c.getCategory()).isEqualTo(Category.WARN);
    assertThat(c.getMessage()).contains("1.8.3").contains("1.7.0");
  }

  @Test
  void aClosedPlanSaysSoAndStaysReady() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setClosed(true);
    PlanValidation v = validate(s);
    assertThat(only(v, CLOSED).getCategory()).isEqualTo(Category.ADVISORY);
    assertThat(ready(v)).isTrue();
  }

  @Test
  void revalidationDropsConditionsThatNoLongerApplyAndKeepsTimesOfThoseThatDo() {
    MutableClock clock = new MutableClock();
    List<Condition> list = new ArrayList<>();
    Conditions conditions = Conditions.of(list, clock);
    Snapshots s = new Snapshots();
    s.settings = new ControllerSettings(10, 1, 100, List.of());
    s.pod("shop", "a");
    s.pod("shop", "b");
    s.plan.getSpec().setNamespaces(List.of("shop", "gone"));
    validate(s).applyTo(conditions);
    assertThat(list).extracting(Condition::getType)
        .containsExactlyInAnyOrder(NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER, POD_LIMIT_EXCEEDED);
    String podLimitTime = conditions.find(POD_LIMIT_EXCEEDED).orElseThrow().getLastTransitionTime();

    clock.advance(60);
    s.plan.getSpec().setNamespaces(List.of("shop"));
    validate(s).applyTo(conditions);
    assertThat(list).extracting(Condition::getType)
        .containsExactlyInAnyOrder(POD_LIMIT_EXCEEDED, PVS_DISCOVERED, Condition.READY);
    assertThat(conditions.find(POD_LIMIT_EXCEEDED).orElseThrow().getLastTransitionTime()).isEqualTo(podLimitTime);
    assertThat(conditions.find(Condition.READY).orElseThrow().getMessage()).isEqualTo("The migration plan is ready.");
  }

  @Test
  void everyMessageSaysWhatToDo() {
    Snapshots s = new Snapshots();
    s.plan.getSpec().setNamespaces(List.of("Bad", "gone", "x:y", "z:y"));
    s.otherPlans.add(Snapshots.plan("other", "gone"));
    for (Condition c : validate(s).conditions()) {
      assertThat(c.getMessage()).as(c.getType()).containsAnyOf(": ", "set ", "remove", "Fix");
      assertThat(c.getMessage()).as(c.getType()).endsWith(".");
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    void advance(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

}
