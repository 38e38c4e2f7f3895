package dev.ferry.cli.restore;

import dev.ferry.cli.CliRun;
import dev.ferry.cli.Main;
import dev.ferry.cli.backup.BackupCreateCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.velero.backup.Backup;
import dev.ferry.api.velero.restore.ExistingResourcePolicy;
import dev.ferry.api.velero.restore.Restore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Arguments of backup/restore commands: the CRs they build, and one-line errors (exit 2) for bad input. */
class BackupRestoreArgumentsTest {

  @Test
  void backupCreateBuildsTheBackupCr() {
    Backup backup = this.<BackupCreateCommand>command("backup", "create", "b1", "--include-namespaces", "shop,web",
        "--exclude-resources", "secrets", "--exclude-resources", "events", "--selector", "app=shop", "--ttl", "24h",
        "--include-cluster-resources", "false", "-n", "ferry").backup();
    assertThat(backup.getMetadata().getName()).isEqualTo("b1");
    assertThat(backup.getMetadata().getNamespace()).isEqualTo("ferry");
    assertThat(backup.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(backup.getSpec().getIncludedNamespaces()).containsExactly("shop", "web");
    assertThat(backup.getSpec().getExcludedResources()).containsExactly("secrets", "events");
    assertThat(backup.getSpec().getLabelSelector().getMatchLabels()).isEqualTo(Map.of("app", "shop"));
    assertThat(backup.getSpec().getTtl()).isEqualTo("24h0m0s");
    assertThat(backup.getSpec().getIncludeClusterResources()).isFalse();
  }

  @Test
  void backupDefaults() {
    BackupCreateCommand create = command("backup", "create", "b1", "--include-namespaces", "shop");
    Backup backup = create.backup();
    assertThat(backup.getMetadata().getNamespace()).isEqualTo("openshift-migration");
    assertThat(backup.getSpec().getTtl()).isEqualTo("720h0m0s");
    assertThat(backup.getSpec().getIncludeClusterResources()).isNull();
    assertThat(backup.getSpec().getLabelSelector()).isNull();
  }

  @Test
  void restoreCreateBuildsTheRestoreCr() {
    Restore restore = this.<RestoreCreateCommand>command("restore", "create", "r1", "--from-backup", "b1",
        "--namespace-mappings", "shop:shop-copy,web:web-copy", "--restore-volumes", "false",
        "--existing-resource-policy", "update", "--include-namespaces", "shop").restore();
    assertThat(restore.getMetadata().getName()).isEqualTo("r1");
    assertThat(restore.getSpec().getBackupName()).isEqualTo("b1");
    assertThat(restore.getSpec().getNamespaceMapping()).containsExactly(Map.entry("shop", "shop-copy"),
        Map.entry("web", "web-copy"));
    assertThat(restore.getSpec().getRestorePVs()).isFalse();
    assertThat(restore.getSpec().getExistingResourcePolicy()).isEqualTo(ExistingResourcePolicy.UPDATE);
    assertThat(restore.getSpec().getIncludedNamespaces()).isEqualTo(List.of("shop"));
  }

  @Test
  void restoreNameDefaultsToTheBackupAndTime() {
    Restore restore = this.<RestoreCreateCommand>command("restore", "create", "--from-backup", "b1").restore();
    assertThat(restore.getMetadata().getName()).matches("b1-\\d{14}");
    assertThat(restore.getSpec().getNamespaceMapping()).isNull();
  }

  @Test
  void badNamespaceMappingsIsOneLineAndExit2() {
    CliRun run = CliRun.of("restore", "create", "r1", "--from-backup", "b1", "--namespace-mappings", "shop=copy");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ferry: error: --namespace-mappings: 'shop=copy' is not SOURCE:DESTINATION "
        + "(e.g. --namespace-mappings shop:shop-copy,web:web-copy)\n");
  }

  @Test
  void badTtlSelectorAndPolicy() {
    CliRun ttl = CliRun.of("backup", "create", "b1", "--include-namespaces", "shop", "--ttl", "a week");
    assertThat(ttl.exitCode()).isEqualTo(2);
    assertThat(ttl.err()).startsWith("ferry: error: --ttl: not a duration: \"a week\"");
    CliRun selector = CliRun.of("backup", "create", "b1", "--include-namespaces", "shop", "--selector", "app in (x");
    assertThat(selector.exitCode()).isEqualTo(2);
    assertThat(selector.err()).startsWith("ferry: error: --selector: ");
    CliRun policy = CliRun.of("restore", "create", "--from-backup", "b1", "--existing-resource-policy", "replace");
    assertThat(policy.exitCode()).isEqualTo(2);
    assertThat(policy.err()).contains("'replace' is not one of: none, update");
  }

  @Test
  void backupNeedsNamespaces() {
    CliRun missing = CliRun.of("backup", "create", "b1");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--include-namespaces");
    CliRun all = CliRun.of("backup", "create", "b1", "--include-namespaces", "*");
    assertThat(all.exitCode()).isEqualTo(2);
    assertThat(all.err()).startsWith("ferry: error: --include-namespaces must name the namespaces to back up");
  }

  @Test
  void deleteWithoutConfirmRefuses() {
    CliRun run = CliRun.of("backup", "delete", "b1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ferry: error: deleting backup b1 removes its data from the repository for "
        + "good; add --confirm to do it\n");
  }

  @Test
  void groupsWithoutACommandShowUsage() {
    CliRun run = CliRun.of("backup");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing command").contains("Usage: ferry backup");
    assertThat(CliRun.of("restore", "--help").out()).contains("create").contains("describe").contains("logs");
    assertThat(CliRun.of("controller", "--help").out()).contains("--namespace");
  }

  @SuppressWarnings("unchecked")
  private <T> T command(String... args) {
    CommandLine.ParseResult parsed = Main.newCommandLine().parseArgs(args);
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return (T) parsed.commandSpec().userObject();
  }
}
