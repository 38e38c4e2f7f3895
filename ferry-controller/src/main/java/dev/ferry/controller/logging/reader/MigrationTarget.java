package dev.ferry.controller.logging.reader;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code ferry logs NAME} and {@code ferry must-gather PLAN} are about: a MigMigration by
 * name, every MigMigration of a MigPlan by the plan's name, or (no name) every migration of the
 * namespace. Holds the migrations' names and uids (how the controller's MDC and the labels of
 * mover and hook pods name a migration) and the MigClusters of their plans.
 */
public record MigrationTarget(String namespace, List<MigMigration> migrations, List<MigPlan> plans,
    List<MigCluster> clusters) {

  /** No migration or plan of that name; the message says how to list them. */
  public static final class NotFound extends IllegalArgumentException {
    NotFound(String message) {
      super(message);
    }
  }

  public static MigrationTarget resolve(KubernetesClient host, String namespace, String name) {
    List<MigMigration> all = host.resources(MigMigration.class).inNamespace(namespace).list().getItems();
    List<MigPlan> allPlans = host.resources(MigPlan.class).inNamespace(namespace).list().getItems();
    List<MigMigration> migrations;
    List<MigPlan> plans;
    if (name == null) {
      migrations = all;
      plans = allPlans;
    } else {
      MigMigration migration = all.stream().filter(m -> name.equals(m.getMetadata().getName())).findFirst()
          .orElse(null);
      if (migration != null) {
        migrations = List.of(migration);
        plans = allPlans.stream().filter(p -> p.getMetadata().getName().equals(planOf(migration))).toList();
      } else {
        plans = allPlans.stream().filter(p -> name.equals(p.getMetadata().getName())).toList();
        if (plans.isEmpty()) {
          throw new NotFound("no MigMigration or MigPlan named " + name + " in namespace " + namespace
              + "; list them with: ferry migration get -n " + namespace + " / ferry plan get -n " + namespace);
        }
        migrations = all.stream().filter(m -> name.equals(planOf(m))).toList();
      }
    }
    Set<String> clusterNames = new LinkedHashSet<>();
    for (MigPlan plan : plans) {
      if (plan.getSpec() != null) {
        if (plan.getSpec().getSrcMigClusterRef() != null) {
          clusterNames.add(plan.getSpec().getSrcMigClusterRef().getName());
        }
        if (plan.getSpec().getDestMigClusterRef() != null) {
          clusterNames.add(plan.getSpec().getDestMigClusterRef().getName());
        }
      }
    }
    List<MigCluster> clusters = new ArrayList<>();
    for (MigCluster cluster : host.resources(MigCluster.class).inNamespace(namespace).list().getItems()) {
      if (clusterNames.contains(cluster.getMetadata().getName())) {
        clusters.add(cluster);
      }
    }
    return new MigrationTarget(namespace, migrations, plans, clusters);
  }

  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    migrations.forEach(m -> names.add(m.getMetadata().getName()));
    return names;
  }

  public Set<String> uids() {
    Set<String> uids = new LinkedHashSet<>();
    migrations.forEach(m -> uids.add(m.getMetadata().getUid()));
    return uids;
  }

  static String planOf(MigMigration migration) {
    return migration.getSpec() == null || migration.getSpec().getMigPlanRef() == null ? null
        : Objects.toString(migration.getSpec().getMigPlanRef().getName(), null);
  }
}
