package dev.ferry.cli.demo;

import dev.ferry.cli.CrdInstaller;
import dev.ferry.cli.FerryCommand;
import dev.ferry.cli.OperationFailed;
import dev.ferry.cli.kube.ClusterConnection;
import dev.ferry.cli.migration.MigrationManifests;
import dev.ferry.cli.migration.MigrationResources;
import dev.ferry.cli.testbed.TestbedCommands;
import dev.ferry.cli.testbed.TestbedState;
import dev.ferry.api.Crds;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.RemoteAccess;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry demo}: on the local testbed, pushes the shop's storefront image to the source
 * cluster's registry and deploys a small shop (a Deployment running that image, recorded in an
 * ImageStream; a StatefulSet with a volume; Services, ConfigMap, Secret, a custom resource) on the
 * source cluster, writes sample data into its volume, declares its migration as an MTC user would
 * (MigCluster with exposedRegistryPath, MigStorage, MigPlan into a renamed namespace, the volume
 * copied with verify), runs a stage and then a cutover with Ferry's controller in this process,
 * prints both sides (image references and the digest each registry serves, volume data), and stops
 * the testbed unless --keep.
 */
@Command(name = "demo", description = "Demo migration of a small application between the testbed's two clusters.")
public class DemoCommand implements Callable<Integer> {
  static final String MIGRATION_NS = "openshift-migration";
  private static final String STAGE = "shop-stage";
  private static final String CUTOVER = "shop-cutover";

  @ParentCommand
  FerryCommand root;

  @Option(names = "--dir", paramLabel = "DIR", description = "Testbed state directory (default: ~/.cache/ferry/testbed).")
  Path dir;

  @Option(names = "--keep", description = "Leave the testbed running afterwards, to look around (stop it with 'ferry testbed down').")
  boolean keep;

  @Option(names = "--real-nodes", description = "Move the shop's volume through Ferry's mover pods on real nodes "
      + "(containerd + kubelet) instead of inside this process; where this machine cannot run them, says why and "
      + "moves it in-process.")
  boolean realNodes;

  /** The volume moves through transfer pods (--real-nodes, and the nodes can run them). */
  private boolean pods;

  /** When this run began; step lines show the seconds since. */
  private long started;

  @Override
  public Integer call() throws Exception {
    started = System.nanoTime();
    TestbedState state = new TestbedState(dir != null ? dir.toAbsolutePath()
        : dev.ferry.testbed.Binaries.cacheRoot().resolve("testbed"));
    TestbedState.Published testbed = TestbedCommands.ensureUp(state, realNodes);
    int exit;
    try {
      exit = run(state, testbed);
    } finally {
      if (!keep) {
        step("stopping the testbed (--keep leaves it running)");
        TestbedCommands.Down.stop(state);
      }
    }
    System.out.printf("Demo finished in %.1f s.%n", (System.nanoTime() - started) / 1e9);
    return exit;
  }

  private int run(TestbedState state, TestbedState.Published testbed) throws Exception {
    try (KubernetesClient source = new ClusterConnection(state.kubeconfig(), "source").client();
         KubernetesClient destination = new ClusterConnection(state.kubeconfig(), "destination").client()) {
      step("installing Ferry's CRDs and the demo's CRD (" + DemoApplication.crd().getMetadata().getName()
          + ") on both clusters");
      List<io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition> crds =
          new java.util.ArrayList<>(Crds.definitions());
      crds.add(DemoApplication.crd());
      // Both clusters at once: each install waits for its CRDs to be served.
      var onDestination = java.util.concurrent.CompletableFuture.runAsync(
          () -> new CrdInstaller(destination).install(crds, 60));
      new CrdInstaller(source).install(crds, 60);
      try {
        onDestination.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      removeEarlierRun(source, destination);
      if (realNodes) {
        java.util.Optional<String> unavailable = RealNodeMode.unavailable(source, destination);
        pods = unavailable.isEmpty();
        step(pods ? "real nodes ready: the database runs on the source's, the volume moves through transfer pods"
            : "real nodes unavailable, moving the volume in-process: " + unavailable.get());
      }

      String sourceRegistry = registry(testbed, "source");
      step("pushing the shop's storefront image to the source cluster's registry (" + sourceRegistry + ")");
      DemoImage.Pushed storefront = DemoImage.push(sourceRegistry, DemoApplication.NAMESPACE);
      System.out.println("  " + storefront.registry() + "/" + storefront.repository() + ":" + DemoImage.TAG + " = "
          + DemoSummary.shortDigest(storefront.digest()));

      step("deploying the shop in namespace " + DemoApplication.NAMESPACE + " on the source cluster");
      List<HasMetadata> shop = DemoApplication.objects(storefront.reference());
      for (HasMetadata object : pods ? RealNodeMode.place(shop) : shop) {
        source.resource(object).fieldManager("ferry-demo").forceConflicts().serverSideApply();
        System.out.println("  " + object.getKind() + " " + object.getMetadata().getName());
      }
      DemoImage.imageStream(source, DemoApplication.NAMESPACE, storefront);
      System.out.println("  ImageStream " + DemoImage.STREAM + " (tag " + DemoImage.TAG + ", as the registry records "
          + "a push; the Deployment runs " + DemoSummary.shorten(storefront.reference()) + ")");
      PersistentVolume volume = boundVolume(source);
      Path data = directory(volume);
      write(data, DemoApplication.initialData());
      System.out.println("  the database's volume (" + DemoApplication.CLAIM + ") is " + data + "; wrote "
          + VolumeTree.of(data).files() + " files into it (KWOK runs no containers: the demo writes for the app)");

      step("declaring the migration on the host (source) cluster: MigCluster x2, MigStorage, MigPlan "
          + DemoApplication.NAMESPACE + " -> " + DemoApplication.TARGET_NAMESPACE + " (volume copied and verified)");
      declare(state, testbed, source, destination, volume.getMetadata().getName());
      if (pods) {
        source.resources(dev.ferry.api.migration.plan.MigPlan.class).inNamespace(MIGRATION_NS).withName("shop-plan")
            .edit(plan -> {
              Map<String, String> annotations = plan.getMetadata().getAnnotations() == null ? new java.util.HashMap<>()
                  : new java.util.HashMap<>(plan.getMetadata().getAnnotations());
              annotations.put(dev.ferry.controller.volumes.LauncherChoice.ANNOTATION, "job");
              plan.getMetadata().setAnnotations(annotations);
              return plan;
            });
        System.out.println("  MigPlan annotated " + dev.ferry.controller.volumes.LauncherChoice.ANNOTATION + "=job "
            + "(the testbed's volumes are also visible to this process, which would otherwise copy them)");
      }
    }
    System.out.println();
    try (KubernetesClient host = new ClusterConnection(state.kubeconfig(), "source").client();
         KubernetesClient destination = new ClusterConnection(state.kubeconfig(), "destination").client();
         FerryOperator controller = new FerryOperator(host, MIGRATION_NS, Clock.systemUTC()).start()) {
      MigrationResources migrations = new MigrationResources(host, MIGRATION_NS);
      step("stage migration (Ferry's controller runs in this process; the shop keeps running)");
      if (!DemoMigrations.migrate(host, migrations, STAGE, true)) {
        return 1;
      }
      DemoMigrations.printVolumeStep(migrations, STAGE, pods);
      Path data = directory(boundVolume(host));
      write(data, DemoApplication.laterData());
      step("the shop took an order meanwhile: " + VolumeTree.of(data).files() + " files in its volume now");
      step("cutover migration: quiesce the source, move the rest, verify the pods on the destination");
      if (!DemoMigrations.migrate(host, migrations, CUTOVER, false)) {
        return 1;
      }
      DemoMigrations.printVolumeCopy(host, migrations, CUTOVER);
      DemoMigrations.printVolumeStep(migrations, CUTOVER, pods);
      step("the shop on both clusters");
      System.out.print(DemoSummary.text("source", AppSnapshot.take(host, DemoApplication.NAMESPACE,
              registry(testbed, "source")),
          "destination", AppSnapshot.take(destination, DemoApplication.TARGET_NAMESPACE,
              registry(testbed, "destination"))));
    }
    System.out.println();
    if (keep) {
      System.out.println("Look around, or roll back:");
      System.out.println("  export KUBECONFIG=" + state.kubeconfig());
      System.out.println("  kubectl --context destination -n " + DemoApplication.TARGET_NAMESPACE
          + " get all,pvc,configmaps,shops,imagestreams");
      System.out.println("  bin/ferry --context source migration describe " + CUTOVER);
      System.out.println("  bin/ferry --context source rollback shop-plan --wait");
      System.out.println("  bin/ferry testbed down      # when done");
    }
    return 0;
  }

  private static void declare(TestbedState state, TestbedState.Published testbed, KubernetesClient source,
                              KubernetesClient destination, String volumeName) throws Exception {
    String token = RemoteAccess.clusterAdminToken(destination);
    for (String ns : List.of(MigrationManifests.CONFIG_NAMESPACE, MIGRATION_NS)) {
      source.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .fieldManager("ferry-demo").forceConflicts().serverSideApply();
    }
    source.resource(new SecretBuilder().withNewMetadata().withName("destination-token")
        .withNamespace(MigrationManifests.CONFIG_NAMESPACE).endMetadata().addToStringData("saToken", token).build())
        .fieldManager("ferry-demo").forceConflicts().serverSideApply();
    // caBundle is base64 of the PEM, as in MTC; the kubeconfig already holds exactly that.
    String ca = destination.getConfiguration().getCaCertData();
    Path repository = state.dir().resolve("replication-repository");
    Files.createDirectories(repository);
    for (String manifest : DemoManifests.declarations(testbed.clusters().get("destination").url(), ca,
        testbed.clusters().get("source").registry(), testbed.clusters().get("destination").registry(),
        repository.toString(), volumeName, DemoApplication.CLAIM)) {
      GenericKubernetesResource resource = Serialization.unmarshal(manifest, GenericKubernetesResource.class);
      source.resource(resource).fieldManager("ferry-demo").forceConflicts().serverSideApply();
      System.out.println("  " + resource.getKind() + " " + resource.getMetadata().getNamespace() + "/"
          + resource.getMetadata().getName());
    }
  }

  /** The testbed cluster's registry (host:port), which the demo's MigClusters name as exposedRegistryPath. */
  private static String registry(TestbedState.Published testbed, String cluster) {
    String registry = testbed.clusters().get(cluster).registry();
    if (registry == null) {
      throw new OperationFailed("the testbed's " + cluster + " cluster runs no image registry; the demo needs "
          + "one per cluster (" + dev.ferry.testbed.LocalRegistry.BINARY + ", Debian's docker-registry)");
    }
    return registry;
  }

  /** The volume of the database's claim, once the StatefulSet's claim is bound. */
  private static PersistentVolume boundVolume(KubernetesClient source) {
    PersistentVolumeClaim claim = source.persistentVolumeClaims().inNamespace(DemoApplication.NAMESPACE)
        .withName(DemoApplication.CLAIM).waitUntilCondition(c -> c != null && c.getStatus() != null
            && "Bound".equals(c.getStatus().getPhase()), 120, TimeUnit.SECONDS);
    return source.persistentVolumes().withName(claim.getSpec().getVolumeName()).get();
  }

  /** The hostPath directory of the database's volume. */
  private static Path directory(PersistentVolume volume) {
    if (volume.getSpec().getHostPath() == null) {
      throw new OperationFailed("volume " + volume.getMetadata().getName() + " of claim " + DemoApplication.CLAIM
          + " is not a hostPath volume; the demo writes its data into the testbed's hostPath volumes only");
    }
    return Path.of(volume.getSpec().getHostPath().getPath());
  }

  private static void write(Path directory, Map<String, String> files) throws java.io.IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = directory.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }

  /**
   * A kept testbed still holds the last run: its migrations, and the shop on both sides. Remove
   * them so this run starts from the same state as a fresh testbed.
   */
  private void removeEarlierRun(KubernetesClient source, KubernetesClient destination) {
    boolean earlier = source.namespaces().withName(DemoApplication.NAMESPACE).get() != null
        || destination.namespaces().withName(DemoApplication.TARGET_NAMESPACE).get() != null;
    if (!earlier) {
      return;
    }
    step("removing the previous run's shop and migrations");
    if (source.namespaces().withName(MIGRATION_NS).get() != null) {
      source.resources(MigMigration.class).inNamespace(MIGRATION_NS).withName(STAGE).delete();
      source.resources(MigMigration.class).inNamespace(MIGRATION_NS).withName(CUTOVER).delete();
    }
    source.namespaces().withName(DemoApplication.NAMESPACE).delete();
    destination.namespaces().withName(DemoApplication.TARGET_NAMESPACE).delete();
    source.namespaces().withName(DemoApplication.NAMESPACE).waitUntilCondition(n -> n == null, 120, TimeUnit.SECONDS);
    destination.namespaces().withName(DemoApplication.TARGET_NAMESPACE).waitUntilCondition(n -> n == null, 120,
        TimeUnit.SECONDS);
  }

  /** A step line, with the seconds since the demo started (so a slow step shows). */
  private void step(String what) {
    System.out.printf("==> [%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, what);
  }
}
