package dev.ferry.cli.hook;

import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.hook.TargetCluster;
import dev.ferry.cli.Creation;
import dev.ferry.cli.UserError;
import dev.ferry.cli.migration.MigrationManifests;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ferry hook create NAME --image IMG | --playbook FILE --target-cluster source|destination}:
 * a custom image, or an Ansible playbook (stored base64) run by the default hook runner.
 */
@Command(name = "create", description = "Declare a hook: a custom image, or an Ansible playbook for the default runner.")
public class HookCreateCommand implements Callable<Integer> {
  @ParentCommand
  HookCommand group;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Option(names = "--image", paramLabel = "IMAGE", description = "The image to run (a custom hook), or the runner for --playbook.")
  String image;

  @Option(names = "--playbook", paramLabel = "FILE", description = "An Ansible playbook (YAML) run by the hook runner image.")
  Path playbook;

  @Option(names = "--target-cluster", required = true, paramLabel = "source|destination",
      description = "The cluster the hook's job runs on.")
  String targetCluster;

  @Option(names = "--deadline", paramLabel = "SECONDS", description = "Maximum run time of the job (default: 1800).")
  Long deadline;

  @Option(names = "--dry-run", description = "Print what would be created (with -o yaml: the manifest) and create nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    TargetCluster target = TargetCluster.fromValue(targetCluster);
    if (target == null) {
      throw new UserError("--target-cluster " + targetCluster + " is not source or destination");
    }
    if (image == null && playbook == null) {
      throw new UserError("give --image IMAGE (a custom hook) or --playbook FILE (an Ansible playbook)");
    }
    if (deadline != null && deadline <= 0) {
      throw new UserError("--deadline " + deadline + " must be a positive number of seconds");
    }
    String playbookText = playbook == null ? null : read(playbook);
    MigHook hook = MigrationManifests.hook(name, group.namespace, image, playbookText, target, deadline);
    if (dryRun) {
      Creation.dryRun(group.root.output, List.of(hook));
      return 0;
    }
    try (KubernetesClient client = group.root.connection().quickClient()) {
      Creation.create(client, group.objects(client), null, hook);
    }
    return 0;
  }

  private static String read(Path file) {
    try {
      String text = Files.readString(file);
      if (text.isBlank()) {
        throw new UserError("--playbook " + file + " is empty");
      }
      return text;
    } catch (IOException e) {
      throw new UserError("cannot read --playbook " + file + ": " + e.getMessage());
    }
  }
}
