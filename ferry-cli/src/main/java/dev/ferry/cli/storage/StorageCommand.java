package dev.ferry.cli.storage;

import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.cli.ObjectCommands;
import dev.ferry.cli.ObjectGroup;
import dev.ferry.cli.output.ObjectView;
import picocli.CommandLine.Command;

/** {@code ferry storage create|get|describe|delete}: the replication repositories (MigStorage). */
@Command(name = "storage",
    description = "Declare, list, describe and delete replication repositories (migration.openshift.io MigStorage).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {StorageCreateCommand.class, StorageCommand.Get.class, StorageCommand.Describe.class,
        StorageCommand.Delete.class})
public class StorageCommand extends ObjectGroup<MigStorage> {
  @Override
  public ObjectView<MigStorage> view() {
    return new StorageView();
  }

  @Command(name = "get", description = "List replication repositories (all, or the one named).")
  static class Get extends ObjectCommands.Get {
  }

  @Command(name = "describe", description = "Describe a replication repository: where it is, and its conditions.")
  static class Describe extends ObjectCommands.Describe {
  }

  @Command(name = "delete", description = "Delete a replication repository (its data stays where it is).")
  static class Delete extends ObjectCommands.Delete {
  }
}
