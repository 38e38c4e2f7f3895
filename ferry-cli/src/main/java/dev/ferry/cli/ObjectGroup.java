package dev.ferry.cli;

import dev.ferry.cli.kube.NamespacedObjects;
import dev.ferry.cli.output.ObjectView;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** A {@code ferry KIND …} group (cluster, storage, hook, plan): the namespace option and the kind's view. */
public abstract class ObjectGroup<T extends HasMetadata> implements Runnable {
  @ParentCommand
  public FerryCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = {"-n", "--namespace"}, scope = ScopeType.INHERIT, paramLabel = "NS",
      defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its objects (default: ${DEFAULT-VALUE}).")
  public String namespace;

  public abstract ObjectView<T> view();

  public NamespacedObjects<T> objects(KubernetesClient client) {
    return new NamespacedObjects<>(client, view(), namespace);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: one of "
        + String.join(", ", spec.subcommands().keySet()));
  }
}
