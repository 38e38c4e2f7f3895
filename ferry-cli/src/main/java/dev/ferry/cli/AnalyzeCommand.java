package dev.ferry.cli;

import dev.ferry.cli.migration.MigrationResources;
import dev.ferry.cli.output.OutputFormat;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.analytics.AnalyticsNamespace;
import dev.ferry.api.migration.analytics.AnalyticsPlan;
import dev.ferry.api.migration.analytics.AnalyticsResource;
import dev.ferry.api.migration.analytics.MigAnalytic;
import dev.ferry.api.migration.analytics.MigAnalyticSpec;
import dev.ferry.controller.FerryOperator;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferry analyze PLAN}: creates (or refreshes) the plan's MigAnalytic as MTC's console does
 * — named {@code PLAN-analytics}, labelled and annotated {@code migplan: PLAN} — waits for the
 * controller to fill it and prints it per namespace.
 */
@Command(name = "analyze", description = {"Analyze a migration plan: objects by kind, volumes and capacity, images "
    + "(creates or refreshes the plan's MigAnalytic and prints it)."})
public class AnalyzeCommand implements Callable<Integer> {
  @picocli.CommandLine.ParentCommand
  FerryCommand root;

  @Parameters(index = "0", paramLabel = "PLAN", description = "The MigPlan to analyze.")
  String plan;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = FerryOperator.DEFAULT_NAMESPACE,
      description = "Namespace of the Ferry controller and its plans (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--list-images", description = "List the images' names too (up to --images-limit).")
  boolean listImages;

  @Option(names = "--images-limit", paramLabel = "N", defaultValue = "50",
      description = "At most this many image names per namespace (default: ${DEFAULT-VALUE}).")
  int imagesLimit;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long to wait for the analysis (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Option(names = "--in-process", description = "Run Ferry's controller in this process until the analysis is done.")
  boolean inProcess;

  @Override
  public Integer call() {
    try (KubernetesClient client = root.connection().client()) {
      new MigrationResources(client, namespace).plan(plan);
      if (inProcess) {
        return ControllerCheck.inProcess(client, namespace, () -> analyze(client));
      }
      ControllerCheck.controllerRuns(client, namespace, true, "analysis");
      return analyze(client);
    }
  }

  private int analyze(KubernetesClient client) {
    String name = plan + "-analytics";
    var resource = client.resources(MigAnalytic.class).inNamespace(namespace).withName(name);
    MigAnalytic existing = resource.get();
    MigAnalytic current;
    if (existing == null) {
      current = client.resource(desired(name)).create();
    } else {
      current = resource.edit(a -> {
        a.setSpec(desired(name).getSpec());
        a.getSpec().setRefresh(true);
        return a;
      });
    }
    long generation = current.getMetadata().getGeneration() == null ? 0 : current.getMetadata().getGeneration();
    MigAnalytic done;
    try {
      done = resource.waitUntilCondition(a -> a != null && a.getStatus() != null
          && a.getStatus().getObservedGeneration() != null && a.getStatus().getObservedGeneration() >= generation
          && !Boolean.TRUE.equals(a.getSpec().getRefresh()), timeout, TimeUnit.SECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new OperationFailed("MigAnalytic " + namespace + "/" + name + " was not analyzed within " + timeout
          + "s; is a Ferry controller running for namespace " + namespace + "? (or use --in-process)");
    }
    Optional<Condition> failure = done.getStatus().conditions().withCategory(Category.CRITICAL, Category.ERROR)
        .stream().findFirst();
    if (failure.isPresent()) {
      throw new OperationFailed("MigAnalytic " + namespace + "/" + name + ": " + failure.get().getMessage());
    }
    OutputFormat format = root.outputOr(OutputFormat.table);
    if (format != OutputFormat.table) {
      System.out.print(format == OutputFormat.json ? Serialization.asJson(done) + "\n" : Serialization.asYaml(done));
      return 0;
    }
    System.out.print(table(done.getStatus().getAnalytics()));
    return 0;
  }

  private MigAnalytic desired(String name) {
    MigAnalytic analytic = new MigAnalytic();
    analytic.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
        .addToLabels("migplan", plan).addToAnnotations("migplan", plan).build());
    MigAnalyticSpec spec = new MigAnalyticSpec();
    spec.setAnalyzeK8SResources(true);
    spec.setAnalyzePVCapacity(true);
    spec.setAnalyzeImageCount(true);
    spec.setListImages(listImages);
    spec.setListImagesLimit(imagesLimit);
    spec.setMigPlanRef(new ObjectReferenceBuilder().withName(plan).withNamespace(namespace).build());
    analytic.setSpec(spec);
    return analytic;
  }

  static String table(AnalyticsPlan report) {
    TabAligner out = new TabAligner();
    out.printf("NAMESPACE\tOBJECTS\tEXCLUDED\tINCOMPATIBLE\tPVCS\tPV CAPACITY\tIMAGES\n");
    for (AnalyticsNamespace ns : report.getNamespaces()) {
      out.printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ns.getNamespace(), n(ns.getK8sResourceTotal()),
          n(ns.getExcludedK8SResourceTotal()), n(ns.getIncompatibleK8SResourceTotal()), n(ns.getPvCount()),
          ns.getPvCapacity() == null ? "-" : ns.getPvCapacity(), n(ns.getImageCount()));
    }
    out.printf("TOTAL\t%s\t%s\t%s\t%s\t%s\t%s\n", n(report.getK8sResourceTotal()),
        n(report.getExcludedK8sResourceTotal()), n(report.getIncompatibleK8sResourceTotal()), n(report.getPvCount()),
        report.getPvCapacity() == null ? "-" : report.getPvCapacity(), n(report.getImageCount()));
    for (AnalyticsNamespace ns : report.getNamespaces()) {
      if (ns.getK8sResources() == null || ns.getK8sResources().isEmpty()) {
        continue;
      }
      out.printf("\n").printf("%s\tGROUP/VERSION\tCOUNT\n", ns.getNamespace().toUpperCase(java.util.Locale.ROOT));
      for (AnalyticsResource r : ns.getK8sResources()) {
        out.printf("%s\t%s\t%d\n", r.getKind(), r.getGroup().isEmpty() ? r.getVersion() : r.getGroup() + "/"
            + r.getVersion(), r.getCount());
      }
      if (ns.getImages() != null) {
        ns.getImages().forEach(i -> out.printf("image %s\t%s\t\n", i.getName(), i.getReference()));
      }
    }
    return out.aligned();
  }

  private static String n(Integer value) {
    return value == null ? "-" : value.toString();
  }
}
