package dev.ferry.controller.plan;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.plan.IncompatibleNamespace;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanHook;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.images.ImageStreamLister;
import dev.ferry.controller.plan.model.ClusterInspection;
import dev.ferry.controller.plan.model.ClusterState;
import dev.ferry.controller.plan.model.GvkCompatibility;
import dev.ferry.controller.plan.model.NamespacePair;
import dev.ferry.controller.plan.model.PlanSnapshot;
import dev.ferry.controller.settings.ControllerSettings;
import dev.ferry.controller.settings.ControllerSettingsReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads everything a plan's validation looks at into a {@link PlanSnapshot}: the referenced
 * MigClusters, MigStorage and MigHooks from the host; namespaces, pods, claims, volumes and
 * storage classes from the clusters that are Ready; the other plans; the settings. Read failures
 * of a cluster become part of the snapshot, so validation can say what went wrong.
 */
final class PlanSnapshotReader {
  private static final Logger LOG = LoggerFactory.getLogger(PlanSnapshotReader.class);

  private final KubernetesClient host;
  private final ClusterClients clusters;
  private final ControllerSettingsReader settings;
  private final ApiCompatibilityCheck apis;

  PlanSnapshotReader(ClusterClients clusters, String controllerNamespace, Clock clock) {
    this.host = clusters.host();
    this.clusters = clusters;
    this.settings = new ControllerSettingsReader(host, controllerNamespace);
    this.apis = new ApiCompatibilityCheck(clock);
  }

  PlanSnapshot read(MigPlan plan) {
    var spec = plan.getSpec();
    String namespace = plan.getMetadata().getNamespace();
    ControllerSettings config = settings.read();
    ClusterState source = cluster(spec == null ? null : spec.getSrcMigClusterRef(), namespace);
    ClusterState destination = cluster(spec == null ? null : spec.getDestMigClusterRef(), namespace);
    ObjectReference storageRef = spec == null ? null : spec.getMigStorageRef();
    MigStorage storage = get(MigStorage.class, storageRef, namespace);
    List<NamespacePair> pairs = NamespacePair.parseAll(spec == null ? null : spec.getNamespaces()).stream()
        .filter(NamespacePair::valid).toList();
    ClusterInspection src = inspect(source, pairs.stream().map(NamespacePair::source).toList(), true);
    ClusterInspection dest = inspect(destination, pairs.stream().map(NamespacePair::destination).toList(), false);
    List<MigPlan> others = host.resources(MigPlan.class).inNamespace(namespace).list().getItems().stream()
        .filter(p -> !p.getMetadata().getName().equals(plan.getMetadata().getName())).toList();
    List<IncompatibleNamespace> incompatible = incompatible(source, src, destination, dest, config);
    return new PlanSnapshot(plan, config, source, destination, storageRef, storage, src, dest, others,
        hooks(plan), incompatible);
  }

  private ClusterState cluster(ObjectReference ref, String defaultNamespace) {
    return new ClusterState(ref, get(MigCluster.class, ref, defaultNamespace));
  }

  private <T extends HasMetadata> T get(Class<T> type, ObjectReference ref, String defaultNamespace) {
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      return null;
    }
    String ns = ref.getNamespace() == null || ref.getNamespace().isBlank() ? defaultNamespace : ref.getNamespace();
    return host.resources(type).inNamespace(ns).withName(ref.getName()).get();
  }

  private Map<String, MigHook> hooks(MigPlan plan) {
    Map<String, MigHook> found = new HashMap<>();
    if (plan.getSpec() == null || plan.getSpec().getHooks() == null) {
      return found;
    }
    for (MigPlanHook hook : plan.getSpec().getHooks()) {
      ObjectReference ref = hook.getReference();
      MigHook h = get(MigHook.class, ref, plan.getMetadata().getNamespace());
      if (h != null) {
        found.put(h.getMetadata().getNamespace() + "/" + h.getMetadata().getName(), h);
      }
    }
    return found;
  }

  /** Reads a Ready cluster; the source also gives its pods, claims and the volumes bound to them. */
  private ClusterInspection inspect(ClusterState state, List<String> namespaces, boolean source) {
    if (!state.ready()) {
      return ClusterInspection.notInspected();
    }
    try {
      KubernetesClient client = clusters.forCluster(state.cluster());
      Map<String, Namespace> found = new HashMap<>();
      for (String name : new LinkedHashSet<>(namespaces)) {
        Namespace ns = client.namespaces().withName(name).get();
        if (ns != null) {
          found.put(name, ns);
        }
      }
      List<Pod> pods = new ArrayList<>();
      List<PersistentVolumeClaim> claims = new ArrayList<>();
      List<PersistentVolume> volumes = new ArrayList<>();
      if (source && !found.isEmpty()) {
        for (String ns : found.keySet()) {
          pods.addAll(client.pods().inNamespace(ns).list().getItems());
          claims.addAll(client.persistentVolumeClaims().inNamespace(ns).list().getItems());
        }
        Set<String> names = found.keySet();
        client.persistentVolumes().list().getItems().stream()
            .filter(pv -> pv.getSpec() != null && pv.getSpec().getClaimRef() != null
                && names.contains(pv.getSpec().getClaimRef().getNamespace()))
            .forEach(volumes::add);
      }
      List<String> imageStreams = source ? ImageStreamLister.list(client, found.keySet(), null).stream()
          .map(i -> i.namespace() + "/" + i.name()).toList() : List.of();
      return new ClusterInspection(true, null, found, pods, volumes, claims,
          client.storage().v1().storageClasses().list().getItems(), imageStreams);
    } catch (ClusterAccessException | KubernetesClientException e) {
      LOG.info("cannot inspect cluster {}: {}", state.name(), e.getMessage());
      return ClusterInspection.failed(e.getMessage());
    }
  }

  private List<IncompatibleNamespace> incompatible(ClusterState source, ClusterInspection src,
                                                   ClusterState destination, ClusterInspection dest,
                                                   ControllerSettings config) {
    if (!src.usable() || !dest.usable() || src.namespaces().isEmpty()) {
      return null;
    }
    try {
      return apis.find(clusters.forCluster(source.cluster()), key(source.cluster()),
          clusters.forCluster(destination.cluster()), key(destination.cluster()),
          src.namespaces().keySet().stream().sorted().toList(),
          GvkCompatibility.excluded(config.excludedResources()));
    } catch (ClusterAccessException | KubernetesClientException e) {
      // Compatibility is advice: a failed discovery must not block the plan.
      LOG.info("cannot compare the APIs of {} and {}: {}", source.name(), destination.name(), e.getMessage());
      return null;
    }
  }

  private static String key(MigCluster cluster) {
    return cluster.getMetadata().getUid() + "/" + cluster.getMetadata().getGeneration();
  }
}
