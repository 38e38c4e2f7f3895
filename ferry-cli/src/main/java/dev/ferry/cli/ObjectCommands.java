package dev.ferry.cli;

import dev.ferry.cli.kube.NamespacedObjects;
import dev.ferry.cli.output.Listing;
import dev.ferry.cli.output.OutputFormat;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The get, describe and delete subcommands every {@link ObjectGroup} shares; each kind names them. */
public final class ObjectCommands {
  private ObjectCommands() {
  }

  /** {@code get [NAME]}: a table with READY and AGE, or -o yaml|json. */
  public abstract static class Get implements Callable<Integer> {
    @ParentCommand
    ObjectGroup<?> group;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Show only this one.")
    String name;

    @Override
    public Integer call() {
      try (KubernetesClient client = group.root.connection().quickClient()) {
        print(group, client);
      }
      return 0;
    }

    private <T extends HasMetadata> void print(ObjectGroup<T> typed, KubernetesClient client) {
      NamespacedObjects<T> objects = typed.objects(client);
      List<T> found = name == null ? objects.list() : List.of(objects.get(name));
      Listing.print(typed.root.outputOr(OutputFormat.table), name != null, found, typed.view().headers(),
          typed.view().rows(found, Clock.systemUTC()));
    }
  }

  /** {@code describe NAME}: the important spec fields and the conditions with their messages. */
  public abstract static class Describe implements Callable<Integer> {
    @ParentCommand
    ObjectGroup<?> group;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      try (KubernetesClient client = group.root.connection().quickClient()) {
        System.out.print(describe(group, client));
      }
      return 0;
    }

    private <T extends HasMetadata> String describe(ObjectGroup<T> typed, KubernetesClient client) {
      return typed.view().describe(typed.objects(client).get(name));
    }
  }

  /** {@code delete NAME [--wait]}. */
  public abstract static class Delete implements Callable<Integer> {
    @ParentCommand
    ObjectGroup<?> group;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--wait", description = "Return only once it is gone (its finalizers have run).")
    boolean wait;

    @Override
    public Integer call() {
      try (KubernetesClient client = group.root.connection().quickClient()) {
        afterDelete(client, group.objects(client).delete(name, wait));
      }
      System.out.println(group.view().type().getSimpleName().toLowerCase(java.util.Locale.ROOT)
          + ".migration.openshift.io/" + name + " deleted");
      return 0;
    }

    /** What else goes with the object (e.g. the token Secret that cluster create made). */
    protected void afterDelete(KubernetesClient client, HasMetadata deleted) {
    }
  }
}
