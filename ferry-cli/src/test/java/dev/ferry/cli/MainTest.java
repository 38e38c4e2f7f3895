package dev.ferry.cli;

import dev.ferry.cli.backup.BackupCommand;
import dev.ferry.cli.plan.PlanCommand;
import dev.ferry.cli.storage.StorageCommand;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void theCommandRunIsTheFirstWordThatIsNoOptionNorAGlobalOptionsValue() {
    assertThat(Main.commandRun("version")).isEqualTo(VersionCommand.class);
    assertThat(Main.commandRun("--kubeconfig", "plan", "plan", "get")).isEqualTo(PlanCommand.class);
    assertThat(Main.commandRun("--context", "version", "-o", "migrate", "backup", "get"))
        .isEqualTo(BackupCommand.class);
    assertThat(Main.commandRun("--debug", "--kubeconfig=/k", "storage", "get")).isEqualTo(StorageCommand.class);
  }

  @Test
  void helpTyposAndCompletionGetTheWholeTree() {
    assertThat(Main.commandRun()).isNull();
    assertThat(Main.commandRun("--help")).isNull();
    assertThat(Main.commandRun("plna", "get")).isNull();
    assertThat(Main.commandRun("completion", "bash")).isNull();
  }

  @Test
  void everyCommandIsRegisteredOnceUnderItsName() {
    var full = Main.newCommandLine();
    List<String> names = FerryCommand.COMMANDS.stream().map(FerryCommand::nameOf).toList();
    assertThat(full.getSubcommands().keySet()).containsAll(names).contains("completion")
        .hasSize(names.size() + 1);
  }

  @Test
  void aOneCommandTreeStillRunsItWithTheGlobalOptions() {
    assertThat(Main.run("--debug", "version")).isZero();
  }
}
