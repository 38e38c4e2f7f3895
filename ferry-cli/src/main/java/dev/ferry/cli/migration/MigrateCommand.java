package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.cli.ControllerCheck;
import dev.ferry.cli.CrdInstaller;
import dev.ferry.cli.Creation;
import dev.ferry.cli.FerryCommand;
import dev.ferry.cli.UserError;
import dev.ferry.cli.kube.ClusterConnection;
import dev.ferry.cli.plan.PlanTable;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.RemoteAccess;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry migrate PLAN}: a MigMigration (cutover by default) for the plan; --wait follows it.
 * With --in-process the controller's reconcilers run in this process until the migration ends, so
 * nothing needs to be installed; with --source-context/--destination-context the clusters, storage
 * and plan are declared from two kubeconfig contexts first (and the controller runs in-process).
 */
@Command(name = "migrate",
    description = {"Run a migration plan: create a MigMigration (a cutover unless --stage) and print its name.",
        "With --in-process, run Ferry's controller in this process until it ends (nothing installed needed).",
        "With --source-context/--destination-context, declare the plan from two kubeconfig contexts first."})
public class MigrateCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  FerryCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PLAN",
      description = "The MigPlan to run (with --source-context: the name of the plan to declare).")
  String plan;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its plans (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--stage", description = "Copy volume data only, while the application keeps running.")
  boolean stage;

  @Option(names = "--cutover", description = "Move the application (the default).")
  boolean cutover;

  @Option(names = "--no-quiesce", description = "Cutover without stopping the source application first.")
  boolean noQuiesce;

  @Option(names = "--verify", description = "Cutover: check that the application's pods run on the target.")
  boolean verify;

  @Option(names = "--name", paramLabel = "NAME",
      description = "Name of the MigMigration (default: PLAN-<stage|cutover>-<yyyyMMddHHmmss>).")
  String name;

  @Option(names = "--wait", description = "Follow the migration as 'migration watch' does; exit 1 unless it Completed.")
  boolean wait;

  @Option(names = "--in-process", description = "Run Ferry's controller in this process (against the host cluster, "
      + "the current context) until the migration ends; implies --wait. Do not use it while a controller runs for "
      + "the namespace: both would act on the migration.")
  boolean inProcess;

  @Option(names = "--source-context", paramLabel = "CONTEXT",
      description = "Kubeconfig context of the source cluster (declares clusters, storage and plan; implies --in-process).")
  String sourceContext;

  @Option(names = "--destination-context", paramLabel = "CONTEXT",
      description = "Kubeconfig context of the destination cluster, where the controller runs (the host).")
  String destinationContext;

  @Option(names = "--namespaces", split = ",", paramLabel = "NS[:DEST]",
      description = "With --source-context: the namespaces to move, each optionally renamed.")
  List<String> namespaces;

  @Option(names = "--storage", paramLabel = "DIR|s3://BUCKET",
      description = "With --source-context: the replication repository (default: ~/.cache/ferry/repository).")
  String storage;

  @Option(names = "--storage-endpoint", paramLabel = "URL", description = "With --storage s3://: the S3-compatible endpoint.")
  String storageEndpoint;

  @Option(names = "--storage-credentials-secret", paramLabel = "[NS/]NAME",
      description = "With --storage s3://: Secret on the destination with aws-access-key-id and aws-secret-access-key.")
  String storageCredentials;

  @Override
  public Integer call() {
    if (stage && cutover) {
      throw new UserError("--stage and --cutover exclude each other: a migration is one or the other");
    }
    if (stage && (noQuiesce || verify)) {
      throw new UserError((noQuiesce ? "--no-quiesce" : "--verify") + " applies to a cutover, not to --stage");
    }
    boolean fromContexts = sourceContext != null || destinationContext != null;
    if (fromContexts) {
      checkContextOptions();
    } else if (plan == null) {
      throw new UserError("give the PLAN to run, or --source-context and --destination-context to declare one");
    } else if (namespaces != null || storage != null) {
      throw new UserError("--namespaces and --storage declare a plan and need --source-context and "
          + "--destination-context; to run the existing plan " + plan + " give only its name");
    }
    String type = stage ? "stage" : "cutover";
    ClusterConnection hostConnection = fromContexts
        ? new ClusterConnection(root.kubeconfig, destinationContext) : root.connection();
    try (KubernetesClient client = hostConnection.client()) {
      String planName = plan;
      if (fromContexts) {
        planName = plan != null ? plan : "migrate-" + NamespaceNames.source(namespaces.get(0));
        declare(client, planName);
      }
      MigrationResources resources = new MigrationResources(client, namespace);
      MigPlan found = resources.plan(planName);
      if (PlanTable.closed(found)) {
        throw new UserError("migration plan " + planName + " is closed (spec.closed: true); no new migration may run "
            + "for it");
      }
      MigMigration migration = MigrationRequest.migration(
          name != null ? name : MigrationRequest.defaultName(planName, type, Clock.systemUTC()), namespace, planName,
          stage ? MigrationRequest.stage() : MigrationRequest.cutover(!noQuiesce, verify));
      if (!inProcess && !fromContexts) {
        boolean runs = ControllerCheck.controllerRuns(client, namespace, wait, "migration");
        int exit = submit(resources, migration, wait, spec);
        if (!runs) {
          ControllerCheck.warnNoController(spec.commandLine().getErr(), namespace, "migration");
        }
        return exit;
      }
      return ControllerCheck.inProcess(client, namespace, () -> submit(resources, migration, true, spec));
    }
  }

  private void checkContextOptions() {
    if (sourceContext == null || destinationContext == null) {
      throw new UserError("give both --source-context and --destination-context (the destination is the host: "
          + "the plan is declared there and the controller acts from there)");
    }
    if (sourceContext.equals(destinationContext)) {
      throw new UserError("--source-context and --destination-context are both " + sourceContext
          + "; a migration moves between two clusters");
    }
    if (root.context != null) {
      throw new UserError("--context does not go with --source-context/--destination-context; drop it");
    }
    if (namespaces == null || namespaces.isEmpty()) {
      throw new UserError("--source-context needs --namespaces NS[:DEST],... (what to move)");
    }
    MigrationManifests.checkPlanNamespaces(namespaces);
    if (storage != null && storage.startsWith("s3://") && storageCredentials == null) {
      throw new UserError("--storage s3://… needs --storage-credentials-secret [NS/]NAME, a Secret on the destination "
          + "with keys aws-access-key-id and aws-secret-access-key");
    }
    if ((storageEndpoint != null || storageCredentials != null) && (storage == null || !storage.startsWith("s3://"))) {
      throw new UserError("--storage-endpoint and --storage-credentials-secret go with --storage s3://BUCKET");
    }
    inProcess = true;
  }

  /** Applies (server-side, so a second run updates rather than fails) the clusters, storage and plan. */
  private void declare(KubernetesClient host, String planName) {
    Config sourceConfig = new ClusterConnection(root.kubeconfig, sourceContext).config();
    String token = sourceConfig.getOauthToken();
    if (token == null || token.isBlank()) {
      // Client-certificate or exec credentials cannot be handed to a MigCluster: give it MTC's
      // migration-controller service account (cluster-admin) on the source instead.
      try (KubernetesClient source = new ClusterConnection(root.kubeconfig, sourceContext).client()) {
        token = RemoteAccess.clusterAdminToken(source);
      }
    }
    String location = storage != null ? storage
        : dev.ferry.testbed.Binaries.cacheRoot().resolve("repository").toString();
    if (!location.startsWith("s3://")) {
      try {
        java.nio.file.Files.createDirectories(Path.of(location));
      } catch (java.io.IOException e) {
        throw new UserError("cannot create the repository directory " + location + ": " + e.getMessage());
      }
    }
    MigStorage migStorage = ContextPlan.storage(namespace, planName, location, storageEndpoint,
        storageCredentials == null ? null : MigrationManifests.secretRef(storageCredentials));
    List<HasMetadata> objects = ContextPlan.manifests(namespace, planName, sourceContext, destinationContext,
        ContextPlan.Remote.of(sourceConfig, token), migStorage, namespaces);
    if (host.apiextensions().v1().customResourceDefinitions().withName("migplans.migration.openshift.io").get() == null) {
      System.out.println("Installing Ferry's CRDs on the destination (context " + destinationContext + ").");
      new CrdInstaller(host).install(dev.ferry.api.Crds.definitions(), 60);
    }
    Creation.ensureNamespace(host, namespace);
    Creation.ensureNamespace(host, MigrationManifests.CONFIG_NAMESPACE);
    for (HasMetadata object : objects) {
      try {
        host.resource(object).fieldManager("ferry-cli").forceConflicts().serverSideApply();
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        throw MigrationResources.translate(e, object.getClass());
      }
      System.out.println((object instanceof Secret ? "secret/" + object.getMetadata().getName()
          : Creation.resourceName(object)) + " configured");
    }
  }

  /** Creates the migration, prints its name and, with --wait, follows it. */
  static int submit(MigrationResources resources, MigMigration migration, boolean wait, CommandSpec spec) {
    resources.create(migration);
    String created = migration.getMetadata().getName();
    System.out.println(created);
    if (!wait) {
      return 0;
    }
    return new MigrationWatch(resources, created, System.out, spec.commandLine().getErr()).follow();
  }
}
