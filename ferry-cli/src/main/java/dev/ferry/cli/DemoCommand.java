package dev.ferry.cli;

import dev.ferry.api.Crds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry demo}: on the local testbed, deploys a small application on the source cluster,
 * declares its migration exactly as an MTC user would (MigCluster, MigStorage, MigPlan,
 * MigMigration), runs Ferry's controller in this process until the cutover ends, and shows the
 * application on the destination.
 */
@Command(name = "demo", description = "Demo migration of a small application between the testbed's two clusters.")
class DemoCommand implements Callable<Integer> {
  static final String MIGRATION_NS = "openshift-migration";

  @ParentCommand
  FerryCommand root;

  @Option(names = "--dir", paramLabel = "DIR", description = "Testbed state directory (default: ~/.cache/ferry/testbed).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    TestbedState state = new TestbedState(dir != null ? dir.toAbsolutePath()
        : dev.ferry.testbed.Binaries.cacheRoot().resolve("testbed"));
    TestbedState.Published testbed = TestbedCommands.ensureUp(state);
    try (KubernetesClient source = new ClusterConnection(state.kubeconfig(), "source").client();
         KubernetesClient destination = new ClusterConnection(state.kubeconfig(), "destination").client()) {
      step("installing Ferry's CRDs on both clusters");
      new CrdInstaller(source).install(Crds.definitions(), 60);
      new CrdInstaller(destination).install(Crds.definitions(), 60);

      step("deploying the demo application in namespace " + DemoApplication.NAMESPACE + " on the source cluster");
      for (HasMetadata object : DemoApplication.objects()) {
        source.resource(object).fieldManager("ferry-demo").forceConflicts().serverSideApply();
      }
      PersistentVolumeClaim claim = source.persistentVolumeClaims().inNamespace(DemoApplication.NAMESPACE)
          .withName("shop-data").waitUntilCondition(c -> c != null && c.getStatus() != null
              && "Bound".equals(c.getStatus().getPhase()), 120, TimeUnit.SECONDS);
      Path data = Path.of(source.persistentVolumes().withName(claim.getSpec().getVolumeName()).get()
          .getSpec().getHostPath().getPath());
      Files.writeString(data.resolve("orders.csv"), "id,item\n1,kayak\n2,paddle\n");
      source.apps().deployments().inNamespace(DemoApplication.NAMESPACE).withName("shop")
          .waitUntilCondition(d -> d != null && d.getStatus() != null
              && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()), 120, TimeUnit.SECONDS);
      System.out.println("  2 pods Running; volume data in " + data);

      step("declaring the migration (MigCluster x2, MigStorage, MigPlan, MigMigration) on the host (source) cluster");
      String token = dev.ferry.testbed.RemoteAccess.clusterAdminToken(destination);
      for (String ns : java.util.List.of("openshift-config", MIGRATION_NS)) {
        source.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(ns)
            .endMetadata().build()).fieldManager("ferry-demo").forceConflicts().serverSideApply();
      }
      source.resource(new SecretBuilder().withNewMetadata().withName("destination-token").withNamespace("openshift-config")
          .endMetadata().addToStringData("saToken", token).build()).fieldManager("ferry-demo").forceConflicts()
          .serverSideApply();
      // caBundle is base64 of the PEM, as in MTC; the kubeconfig already holds exactly that.
      String ca = destination.getConfiguration().getCaCertData();
      Path repository = state.dir().resolve("replication-repository");
      Files.createDirectories(repository);
      // A second run of the demo starts a fresh cutover rather than showing the last one.
      source.resources(dev.ferry.api.migration.MigMigration.class).inNamespace(MIGRATION_NS).withName("shop-cutover")
          .withTimeout(30, TimeUnit.SECONDS).delete();
      for (String manifest : DemoManifests.migration(testbed.clusters().get("destination").url(), ca,
          testbed.clusters().get("source").registry(), testbed.clusters().get("destination").registry(),
          repository.toString())) {
        GenericKubernetesResource resource = Serialization.unmarshal(manifest, GenericKubernetesResource.class);
        source.resource(resource).fieldManager("ferry-demo").forceConflicts().serverSideApply();
        System.out.println("  " + resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
            + resource.getMetadata().getName());
      }
    }
    System.out.println();
    try (KubernetesClient host = new ClusterConnection(state.kubeconfig(), "source").client();
         KubernetesClient destination = new ClusterConnection(state.kubeconfig(), "destination").client();
         dev.ferry.controller.FerryOperator controller = new dev.ferry.controller.FerryOperator(host, MIGRATION_NS,
             java.time.Clock.systemUTC()).start()) {
      step("running Ferry's controller (in this process) until the migration ends");
      MigrationResources migrations = new MigrationResources(host, MIGRATION_NS);
      MigrationWatch watch = new MigrationWatch(migrations, "shop-cutover", System.out,
          new java.io.PrintWriter(System.err, true));
      try {
        watch.follow();
      } catch (OperationFailed e) {
        System.out.println(e.getMessage());
        return 1;
      } finally {
        var conditions = migrations.migrationOrNull("shop-cutover").getStatus().getConditions();
        if (conditions != null) {
          conditions.forEach(c -> System.out.println("  " + c.getType() + " (" + c.getCategory() + "): "
              + c.getMessage()));
        }
      }
      step("the application on the destination cluster");
      destination.apps().deployments().inNamespace(DemoApplication.NAMESPACE).list().getItems().forEach(d ->
          System.out.println("  deployment/" + d.getMetadata().getName() + " replicas=" + d.getSpec().getReplicas()));
      destination.configMaps().inNamespace(DemoApplication.NAMESPACE).withLabel(
          "migration.openshift.io/migrated-by-migplan").list().getItems().forEach(c ->
          System.out.println("  configmap/" + c.getMetadata().getName() + " " + c.getData()));
      destination.persistentVolumeClaims().inNamespace(DemoApplication.NAMESPACE).list().getItems().forEach(c ->
          System.out.println("  pvc/" + c.getMetadata().getName() + " " + (c.getStatus() == null ? ""
              : c.getStatus().getPhase())));
      var source = host.apps().deployments().inNamespace(DemoApplication.NAMESPACE).withName("shop").get();
      System.out.println("  (on the source, deployment/shop is quiesced: replicas=" + source.getSpec().getReplicas()
          + ", saved in annotation " + dev.ferry.controller.migration.QuiesceRules.REPLICAS + ")");
    }
    System.out.println();
    System.out.println("Look around, or roll back:");
    System.out.println("  export KUBECONFIG=" + state.kubeconfig());
    System.out.println("  kubectl --context destination -n " + DemoApplication.NAMESPACE + " get all,pvc,configmaps");
    System.out.println("  kubectl --context source -n openshift-migration get migmigration shop-cutover -o yaml");
    System.out.println("  bin/ferry testbed down      # when done");
    return 0;
  }

  private static void step(String what) {
    System.out.println("==> " + what);
  }
}
