package dev.ferry.controller.migration;

import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.discovery.ApiResource;
import dev.ferry.controller.volumes.MoverLeftovers;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;

/**
 * Rollback: deletes from the destination everything the plan migrated there (found by the
 * {@code migrated-by-migplan} label, in every resource the destination serves), and waits until
 * it is gone. Namespaces the migration created go too; a namespace that existed before keeps its
 * other objects. On the source, the mover Jobs and pods (MTC's stage pods) a copy that never
 * finished left in the plan's namespaces go as well.
 */
final class DeleteMigratedResources implements Phase<MigrationContext> {
  @Override
  public String name() {
    return "DeleteMigratedResources";
  }

  @Override
  public String step() {
    return "Rollback";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    KubernetesClient destination = context.destination();
    String selector = MigrationContext.MIGRATED_BY_PLAN + "=" + context.planLabel();
    // On the source only what unfinished volume copies left there: mover Jobs and their (stage) pods.
    int remaining = MoverLeftovers.delete(context.source(), context.sourceNamespaces(), selector);
    for (ApiResource resource : ApiDiscovery.of(destination).all()) {
      if (!resource.can("list") || !resource.can("delete")) {
        continue;
      }
      List<String> scopes = resource.namespaced() ? context.destinationNamespaces() : java.util.Collections.singletonList(null);
      for (String namespace : scopes) {
        try {
          var all = destination.genericKubernetesResources(resource.context());
          var op = namespace == null ? all : all.inNamespace(namespace);
          int found = op.withLabelSelector(selector).list().getItems().size();
          if (found > 0) {
            op.withLabelSelector(selector).delete();
            remaining += found;
          }
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404 && e.getCode() != 405) {
            throw e;
          }
        }
      }
    }
    return remaining == 0 ? PhaseResult.done()
        : PhaseResult.requeue(Duration.ofSeconds(2), remaining + " migrated object(s) to be deleted");
  }
}
