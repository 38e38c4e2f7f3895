package dev.ferry.cli;

import dev.ferry.cli.output.OutputFormat;
import dev.ferry.cli.output.Printer;
import dev.ferry.api.Crds;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ferry crds print|install}: Ferry's fifteen CustomResourceDefinitions. */
@Command(name = "crds", description = "Print or install Ferry's CustomResourceDefinitions.",
    subcommands = {CrdsCommand.Print.class, CrdsCommand.Install.class})
public class CrdsCommand {
  @ParentCommand
  FerryCommand root;

  @Command(name = "print", description = "Print the CRDs (YAML by default; -o json or -o table).")
  static class Print implements Callable<Integer> {
    @ParentCommand
    CrdsCommand crds;

    @Override
    public Integer call() {
      List<CustomResourceDefinition> all = Crds.definitions();
      switch (crds.root.outputOr(OutputFormat.yaml)) {
        case yaml -> System.out.print(Crds.yaml());
        case json -> new Printer(System.out).json(all);
        case table -> new Printer(System.out).table(new String[] {"NAME", "KIND", "VERSION", "SCOPE"},
            all.stream().map(CrdsCommand::row).toList());
      }
      return 0;
    }
  }

  @Command(name = "install", description = "Create or update the CRDs in the cluster and wait until they are established.")
  static class Install implements Callable<Integer> {
    @ParentCommand
    CrdsCommand crds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--timeout-seconds", defaultValue = "60",
        description = "How long to wait for the API server to serve the new kinds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
      try (KubernetesClient client = crds.root.connection().client()) {
        CrdInstaller installer = new CrdInstaller(client);
        List<CustomResourceDefinition> installed = installer.install(Crds.definitions(), timeoutSeconds);
        installer.left().forEach(spec.commandLine().getErr()::println);
        List<String[]> rows = new ArrayList<>();
        installed.forEach(crd -> rows.add(row(crd)));
        switch (crds.root.outputOr(OutputFormat.table)) {
          case table -> new Printer(System.out).table(new String[] {"NAME", "KIND", "VERSION", "SCOPE"}, rows);
          case yaml -> installed.forEach(crd -> System.out.print(Serialization.asYaml(crd)));
          case json -> new Printer(System.out).json(installed);
        }
      }
      return 0;
    }
  }

  static String[] row(CustomResourceDefinition crd) {
    return new String[] {crd.getMetadata().getName(), crd.getSpec().getNames().getKind(),
        crd.getSpec().getGroup() + "/" + crd.getSpec().getVersions().get(0).getName(), crd.getSpec().getScope()};
  }
}
