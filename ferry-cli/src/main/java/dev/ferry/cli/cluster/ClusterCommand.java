package dev.ferry.cli.cluster;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.cli.ObjectCommands;
import dev.ferry.cli.ObjectGroup;
import dev.ferry.cli.migration.MigrationManifests;
import dev.ferry.cli.output.ObjectView;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;

/** {@code ferry cluster create|get|describe|delete}: the MigClusters of the controller's namespace. */
@Command(name = "cluster",
    description = "Declare, list, describe and delete clusters (migration.openshift.io MigCluster).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {ClusterCreateCommand.class, ClusterCommand.Get.class, ClusterCommand.Describe.class,
        ClusterCommand.Delete.class})
public class ClusterCommand extends ObjectGroup<MigCluster> {
  @Override
  public ObjectView<MigCluster> view() {
    return new ClusterView();
  }

  @Command(name = "get", description = "List clusters (all, or the one named).")
  static class Get extends ObjectCommands.Get {
  }

  @Command(name = "describe", description = "Describe a cluster: how it is reached, and its conditions.")
  static class Describe extends ObjectCommands.Describe {
  }

  @Command(name = "delete", description = "Delete a cluster (and the token Secret that 'cluster create --token' made).")
  static class Delete extends ObjectCommands.Delete {
    @Override
    protected void afterDelete(KubernetesClient client, HasMetadata deleted) {
      MigCluster cluster = (MigCluster) deleted;
      ObjectReference ref = cluster.getSpec() == null ? null : cluster.getSpec().getServiceAccountSecretRef();
      if (ref == null || ref.getName() == null) {
        return;
      }
      String namespace = ref.getNamespace() == null ? cluster.getMetadata().getNamespace() : ref.getNamespace();
      Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
      // Only the Secret this CLI made for this cluster; one the user made and referenced stays.
      if (secret != null && secret.getMetadata().getLabels() != null && ("migcluster."
          + cluster.getMetadata().getName()).equals(secret.getMetadata().getLabels().get(MigrationManifests.CREATED_FOR))) {
        client.resource(secret).delete();
        System.out.println("secret/" + ref.getName() + " deleted");
      }
    }
  }
}
