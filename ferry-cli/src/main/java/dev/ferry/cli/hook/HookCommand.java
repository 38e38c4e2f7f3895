package dev.ferry.cli.hook;

import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.cli.ObjectCommands;
import dev.ferry.cli.ObjectGroup;
import dev.ferry.cli.output.ObjectView;
import picocli.CommandLine.Command;

/** {@code ferry hook create|get|describe|delete}: the migration hooks (MigHook). */
@Command(name = "hook",
    description = "Declare, list, describe and delete migration hooks (migration.openshift.io MigHook).",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {HookCreateCommand.class, HookCommand.Get.class, HookCommand.Describe.class,
        HookCommand.Delete.class})
public class HookCommand extends ObjectGroup<MigHook> {
  @Override
  public ObjectView<MigHook> view() {
    return new HookView();
  }

  @Command(name = "get", description = "List hooks (all, or the one named).")
  static class Get extends ObjectCommands.Get {
  }

  @Command(name = "describe", description = "Describe a hook: what it runs, where, and its conditions.")
  static class Describe extends ObjectCommands.Describe {
  }

  @Command(name = "delete", description = "Delete a hook.")
  static class Delete extends ObjectCommands.Delete {
  }
}
