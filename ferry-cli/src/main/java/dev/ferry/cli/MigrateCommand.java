package dev.ferry.cli;

import dev.ferry.api.migration.MigMigration;
import dev.ferry.api.migration.MigPlan;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferry migrate PLAN}: a MigMigration (cutover by default) for the plan; --wait follows it. */
@Command(name = "migrate",
    description = "Run a migration plan: create a MigMigration (a cutover unless --stage) and print its name.")
class MigrateCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  FerryCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The MigPlan to run.")
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

  @Override
  public Integer call() {
    if (stage && cutover) {
      throw new UserError("--stage and --cutover exclude each other: a migration is one or the other");
    }
    if (stage && (noQuiesce || verify)) {
      throw new UserError((noQuiesce ? "--no-quiesce" : "--verify") + " applies to a cutover, not to --stage");
    }
    String type = stage ? "stage" : "cutover";
    try (KubernetesClient client = root.connection().client()) {
      MigrationResources resources = new MigrationResources(client, namespace);
      MigPlan found = resources.plan(plan);
      if (PlanTable.closed(found)) {
        throw new UserError("migration plan " + plan + " is closed (spec.closed: true); no new migration may run "
            + "for it");
      }
      MigMigration migration = MigrationRequest.migration(
          name != null ? name : MigrationRequest.defaultName(plan, type, Clock.systemUTC()), namespace, plan,
          stage ? MigrationRequest.stage() : MigrationRequest.cutover(!noQuiesce, verify));
      return submit(resources, migration, wait, spec);
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
