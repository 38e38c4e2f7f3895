package dev.ferry.controller.migration;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Everything a phase of one migration may use: its CRs, both clusters, the repository. */
public final class MigrationContext {
  /** Put on everything a plan restores on the destination, so rollback can find and delete it. */
  public static final String MIGRATED_BY_PLAN = "migration.openshift.io/migrated-by-migplan";
  public static final String MIGRATED_BY_MIGRATION = "migration.openshift.io/migrated-by-migmigration";

  private final MigMigration migration;
  private final MigPlan plan;
  private final MigCluster sourceCluster;
  private final MigCluster destinationCluster;
  private final KubernetesClient source;
  private final KubernetesClient destination;
  private final MigStorage storage;
  private final Function<MigStorage, ObjectStore> storageOpener;
  private final Clock clock;
  private KubernetesClient host;
  private dev.ferry.controller.velero.VeleroExecutor executor = dev.ferry.controller.velero.VeleroExecutor.shared();

  public MigrationContext(MigMigration migration, MigPlan plan, MigCluster sourceCluster, MigCluster destinationCluster,
                          KubernetesClient source, KubernetesClient destination, MigStorage storage,
                          Function<MigStorage, ObjectStore> storageOpener, Clock clock) {
    this.migration = migration;
    this.plan = plan;
    this.sourceCluster = sourceCluster;
    this.destinationCluster = destinationCluster;
    this.source = source;
    this.destination = destination;
    this.storage = storage;
    this.storageOpener = storageOpener;
    this.clock = clock;
  }

  public MigMigration migration() {
    return migration;
  }

  public MigPlan plan() {
    return plan;
  }

  /** The cluster the controller runs on, where the plan's CRs (MigHooks …) live. */
  public KubernetesClient host() {
    return host;
  }

  MigrationContext withHost(KubernetesClient host) {
    this.host = host;
    return this;
  }

  MigrationContext withExecutor(dev.ferry.controller.velero.VeleroExecutor executor) {
    this.executor = executor;
    return this;
  }

  /** Runs the migration's Backups and Restores off the reconcile thread. */
  dev.ferry.controller.velero.VeleroExecutor executor() {
    return executor;
  }

  /** The BackupStorageLocation Velero knows the plan's MigStorage as ({@code <MigStorage name>-<suffix>}). */
  public String storageLocation() {
    return dev.ferry.controller.storage.VeleroLocationSync.locationName(storage);
  }

  /** The VolumeSnapshotLocation of the plan's MigStorage, when it configures a snapshot provider. */
  public List<String> snapshotLocations() {
    return storage.getSpec() == null || storage.getSpec().getVolumeSnapshotProvider() == null ? List.of()
        : List.of(storageLocation());
  }

  public KubernetesClient source() {
    return source;
  }

  public KubernetesClient destination() {
    return destination;
  }

  public MigCluster sourceCluster() {
    return sourceCluster;
  }

  public MigCluster destinationCluster() {
    return destinationCluster;
  }

  public Clock clock() {
    return clock;
  }

  /** Opens the plan's replication repository; the caller closes it. */
  public ObjectStore openRepository() {
    return storageOpener.apply(storage);
  }

  public Conditions conditions() {
    return migration.getStatus().conditions(clock);
  }

  public void warn(String type, String reason, String message) {
    conditions().set(dev.ferry.api.common.Condition.of(type, Category.WARN, reason, message).markDurable());
  }

  /** Source namespaces of the plan ({@code src} of each {@code src} or {@code src:dest}). */
  public List<String> sourceNamespaces() {
    return new ArrayList<>(namespaceMapping().keySet());
  }

  /** Destination namespaces, in the order of the plan. */
  public List<String> destinationNamespaces() {
    return new ArrayList<>(namespaceMapping().values());
  }

  /** {@code src → dest} for every plan namespace (identity when not mapped). */
  public Map<String, String> namespaceMapping() {
    Map<String, String> mapping = new LinkedHashMap<>();
    List<String> namespaces = plan.getSpec().getNamespaces() == null ? List.of() : plan.getSpec().getNamespaces();
    for (String entry : namespaces) {
      int colon = entry.indexOf(':');
      if (colon < 0) {
        mapping.put(entry, entry);
      } else {
        mapping.put(entry.substring(0, colon), entry.substring(colon + 1));
      }
    }
    return mapping;
  }

  /** The label value that marks what this plan migrated: the plan's uid. */
  public String planLabel() {
    return plan.getMetadata().getUid();
  }

  /** Host[:port] of the source's exposed registry (scheme and path of exposedRegistryPath dropped), or null. */
  public String sourceRegistry() {
    return dev.ferry.controller.images.RegistryAccess.registryHost(sourceCluster).orElse(null);
  }

  /** Host[:port] of the destination's exposed registry, or null. */
  public String destinationRegistry() {
    return dev.ferry.controller.images.RegistryAccess.registryHost(destinationCluster).orElse(null);
  }

  public boolean quiescePods() {
    return Boolean.TRUE.equals(migration.getSpec().getQuiescePods());
  }

  /** When the current pipeline step started (now if unknown): phases that wait use it as their clock. */
  public java.time.Instant stepStarted(String step) {
    var pipeline = migration.getStatus().getPipeline();
    if (pipeline != null) {
      for (var s : pipeline) {
        if (step.equals(s.getName()) && s.getStarted() != null) {
          return java.time.Instant.parse(s.getStarted());
        }
      }
    }
    return java.time.Instant.now(clock);
  }

  public java.time.Instant verifyStarted() {
    return stepStarted("Verification");
  }

  static String objectName(String base, String suffix) {
    String name = base + "-" + suffix;
    return name.length() <= 63 ? name : base.substring(0, 62 - suffix.length()) + "-" + suffix;
  }
}
