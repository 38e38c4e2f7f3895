package dev.ferry.console;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.Restore;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Migration resources": the tree MigPlan → MigMigration → Backups/Restores, DirectImageMigration →
 * DirectImageStreamMigrations, DirectVolumeMigration → progress reports, and the Jobs (hooks,
 * movers) with their pods on the source and destination clusters. Each node carries the commands
 * its menu copies. Objects are found the way the controller marks them (labels with the
 * migration's uid, owner references).
 */
final class ResourceTree {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceTree.class);
  static final String HOOK_LABEL = "migration.openshift.io/migmigration";
  static final String MIGRATED_BY_MIGRATION = "migration.openshift.io/migrated-by-migmigration";

  private final KubernetesClient host;
  private final RemoteClusters remotes;
  private final KubeconfigContexts contexts;
  private final String namespace;

  ResourceTree(KubernetesClient host, RemoteClusters remotes, KubeconfigContexts contexts, String namespace) {
    this.host = host;
    this.remotes = remotes;
    this.contexts = contexts;
    this.namespace = namespace;
  }

  /** One node: the object's identity, where it lives, a short status, its commands and children. */
  record Node(String kind, String apiVersion, String resource, String name, String namespace, String cluster,
              String status, Map<String, String> commands, List<Node> children) {
  }

  Node of(MigMigration migration) {
    String planName = migration.getSpec().getMigPlanRef().getName();
    MigPlan plan = host.resources(MigPlan.class).inNamespace(namespace).withName(planName).get();
    String uid = migration.getMetadata().getUid();
    List<Node> children = new ArrayList<>();
    byLabel(Backup.class, "migmigration", uid).forEach(b -> children.add(hostNode(b, "backups.velero.io",
        b.getStatus() == null || b.getStatus().getPhase() == null ? null : b.getStatus().getPhase().toString(),
        List.of())));
    byLabel(Restore.class, "migmigration", uid).forEach(r -> children.add(hostNode(r, "restores.velero.io",
        r.getStatus() == null || r.getStatus().getPhase() == null ? null : r.getStatus().getPhase().toString(),
        List.of())));
    for (DirectImageMigration dim : byLabel(DirectImageMigration.class, MIGRATED_BY_MIGRATION, uid)) {
      List<Node> streams = host.resources(DirectImageStreamMigration.class).inNamespace(namespace).list().getItems()
          .stream().filter(d -> ownedBy(d, dim.getMetadata().getUid()))
          .map(d -> hostNode(d, "directimagestreammigrations.migration.openshift.io",
              d.getStatus() == null ? null : d.getStatus().getPhase(), List.of())).toList();
      children.add(hostNode(dim, "directimagemigrations.migration.openshift.io",
          dim.getStatus() == null ? null : dim.getStatus().getPhase(), streams));
    }
    for (DirectVolumeMigration dvm : byLabel(DirectVolumeMigration.class, "migmigration", uid)) {
      List<Node> progress = byLabel(DirectVolumeMigrationProgress.class, "directvolumemigration",
          dvm.getMetadata().getUid()).stream().map(p -> hostNode(p,
              "directvolumemigrationprogresses.migration.openshift.io", progressStatus(p), List.of())).toList();
      children.add(hostNode(dvm, "directvolumemigrations.migration.openshift.io",
          dvm.getStatus() == null ? null : dvm.getStatus().getPhase(), progress));
    }
    if (plan != null) {
      children.addAll(jobs(plan, uid));
    }
    Node migrationNode = hostNode(migration, "migmigrations.migration.openshift.io",
        migration.getStatus() == null ? null : migration.getStatus().getPhase(), children);
    if (plan == null) {
      return migrationNode;
    }
    return hostNode(plan, "migplans.migration.openshift.io", planStatus(plan), List.of(migrationNode));
  }

  /** Hook and mover Jobs (and their pods) on the plan's source and destination clusters. */
  private List<Node> jobs(MigPlan plan, String uid) {
    List<Node> nodes = new ArrayList<>();
    Map<String, MigCluster> clusters = new LinkedHashMap<>();
    for (var ref : List.of(plan.getSpec().getSrcMigClusterRef(), plan.getSpec().getDestMigClusterRef())) {
      if (ref != null && ref.getName() != null) {
        MigCluster cluster = host.resources(MigCluster.class).inNamespace(namespace).withName(ref.getName()).get();
        if (cluster != null) {
          clusters.putIfAbsent(cluster.getMetadata().getName(), cluster);
        }
      }
    }
    for (MigCluster cluster : clusters.values()) {
      String context = context(cluster);
      try {
        KubernetesClient client = remotes.client(cluster);
        Map<String, Job> jobs = new LinkedHashMap<>();
        for (String label : List.of(HOOK_LABEL, MIGRATED_BY_MIGRATION)) {
          client.batch().v1().jobs().inAnyNamespace().withLabel(label, uid).list().getItems()
              .forEach(j -> jobs.putIfAbsent(j.getMetadata().getNamespace() + "/" + j.getMetadata().getName(), j));
        }
        for (Job job : jobs.values()) {
          List<Node> pods = client.pods().inNamespace(job.getMetadata().getNamespace())
              .withLabel("job-name", job.getMetadata().getName()).list().getItems().stream()
              .map(p -> node(p, "pods", p.getStatus() == null ? null : p.getStatus().getPhase(),
                  cluster.getMetadata().getName(), context, List.of())).toList();
          nodes.add(node(job, "jobs", jobStatus(job), cluster.getMetadata().getName(), context, pods));
        }
      } catch (KubernetesClientException | IllegalStateException e) {
        LOG.debug("cannot list jobs on cluster {}: {}", cluster.getMetadata().getName(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.debug("cannot reach cluster {}: {}", cluster.getMetadata().getName(), e.getMessage());
      }
    }
    return nodes;
  }

  private String context(MigCluster cluster) {
    boolean isHost = cluster.getSpec() != null && Boolean.TRUE.equals(cluster.getSpec().getIsHostCluster());
    return contexts.forCluster(isHost, cluster.getSpec() == null ? null : cluster.getSpec().getUrl());
  }

  private <T extends HasMetadata> List<T> byLabel(Class<T> kind, String label, String value) {
    try {
      return host.resources(kind).inNamespace(namespace).withLabel(label, value).list().getItems();
    } catch (KubernetesClientException e) {
      // A kind the user may not list (or whose CRD is missing) is left out of the tree.
      LOG.debug("cannot list {}: {}", kind.getSimpleName(), e.getMessage());
      return List.of();
    }
  }

  private Node hostNode(HasMetadata object, String resource, String status, List<Node> children) {
    return node(object, resource, status, "host", contexts.host(), children);
  }

  static Node node(HasMetadata object, String resource, String status, String cluster, String context,
                   List<Node> children) {
    String ns = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    Map<String, String> commands = new LinkedHashMap<>();
    commands.put("describe", KubectlCommands.describe("kubectl", resource, ns, name, context));
    commands.put("ocDescribe", KubectlCommands.describe("oc", resource, ns, name, context));
    String logs = KubectlCommands.logs("kubectl", object.getKind(), ns, name, context);
    if (logs != null) {
      commands.put("logs", logs);
      commands.put("ocLogs", KubectlCommands.logs("oc", object.getKind(), ns, name, context));
    }
    return new Node(object.getKind(), object.getApiVersion(), resource, name, ns, cluster, status, commands,
        children);
  }

  private static boolean ownedBy(HasMetadata object, String uid) {
    return object.getMetadata().getOwnerReferences() != null
        && object.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid.equals(o.getUid()));
  }

  private static String planStatus(MigPlan plan) {
    if (plan.getStatus() == null || plan.getStatus().getConditions() == null) {
      return null;
    }
    return plan.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType())
        && "True".equals(c.getStatus())) ? "Ready" : "Not ready";
  }

  private static String progressStatus(DirectVolumeMigrationProgress progress) {
    if (progress.getStatus() == null) {
      return null;
    }
    String percent = progress.getStatus().getTotalProgressPercentage();
    String phase = progress.getStatus().getPhase();
    return phase == null ? percent : percent == null ? phase : phase + " " + percent;
  }

  private static String jobStatus(Job job) {
    var status = job.getStatus();
    if (status == null) {
      return null;
    }
    if (status.getSucceeded() != null && status.getSucceeded() > 0) {
      return "Succeeded";
    }
    if (status.getFailed() != null && status.getFailed() > 0) {
      return "Failed";
    }
    return status.getActive() != null && status.getActive() > 0 ? "Running" : "Pending";
  }
}
