package dev.ferry.controller.volumes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * What a plan's volume copies may have left in its namespaces on one cluster (a copy that never
 * finished: the controller was stopped, the migration failed elsewhere): mover Jobs with their
 * pods — MTC's stage pods, labelled {@value MoverJobs#STAGE_POD_LABEL} — Services and Secrets. A
 * rollback removes them, as MTC removes its stage pods.
 */
public final class MoverLeftovers {
  private MoverLeftovers() {
  }

  /**
   * Deletes them and returns how many were still there (0: nothing left).
   *
   * @param planSelector the label selector of the plan's objects ({@code migrated-by-migplan=<uid>})
   */
  public static int delete(KubernetesClient client, List<String> namespaces, String planSelector) {
    String transfers = planSelector + "," + MoverJobs.TRANSFER_LABEL;
    int found = 0;
    for (String namespace : namespaces) {
      var jobs = client.batch().v1().jobs().inNamespace(namespace).withLabelSelector(transfers);
      int count = jobs.list().getItems().size();
      if (count > 0) {
        jobs.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
      }
      var pods = client.pods().inNamespace(namespace)
          .withLabelSelector(planSelector + "," + MoverJobs.STAGE_POD_LABEL);
      int podCount = pods.list().getItems().size();
      if (podCount > 0) {
        pods.delete();
      }
      var services = client.services().inNamespace(namespace).withLabelSelector(transfers);
      var secrets = client.secrets().inNamespace(namespace).withLabelSelector(transfers);
      int rest = services.list().getItems().size() + secrets.list().getItems().size();
      if (rest > 0) {
        services.delete();
        secrets.delete();
      }
      found += count + podCount + rest;
    }
    return found;
  }
}
