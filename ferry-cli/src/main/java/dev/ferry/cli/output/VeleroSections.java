package dev.ferry.cli.output;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;

/**
 * The sections {@code velero backup describe} and {@code velero restore describe} print alike:
 * which namespaces and resources, the label selector, start and completion times, item progress.
 */
public final class VeleroSections {
  private VeleroSections() {
  }

  /** {@code Namespaces:} included (or {@code allIncluded} when none are named) and excluded. */
  public static void namespaces(TabAligner d, List<String> included, String allIncluded, List<String> excluded) {
    d.println();
    d.printf("Namespaces:\n");
    d.printf("\tIncluded:\t%s\n", VeleroFormat.list(included, allIncluded));
    d.printf("\tExcluded:\t%s\n", VeleroFormat.list(excluded, VeleroFormat.NONE));
  }

  /** {@code Resources:} included, excluded, and whether cluster-scoped ones go along. */
  public static void resources(TabAligner d, List<String> included, List<String> excluded, Boolean clusterScoped) {
    d.println();
    d.printf("Resources:\n");
    d.printf("\tIncluded:\t%s\n", VeleroFormat.list(included, "*"));
    d.printf("\tExcluded:\t%s\n", VeleroFormat.list(excluded, VeleroFormat.NONE));
    d.printf("\tCluster-scoped:\t%s\n", VeleroFormat.bool(clusterScoped, "excluded", "included", "auto"));
  }

  public static void labelSelector(TabAligner d, LabelSelector selector) {
    d.println();
    d.printf("Label selector:\t%s\n", VeleroFormat.selector(selector));
  }

  public static void times(TabAligner d, String started, String completed) {
    d.println();
    d.printf("Started:\t%s\n", VeleroFormat.time(started, "<n/a>"));
    d.printf("Completed:\t%s\n", VeleroFormat.time(completed, "<n/a>"));
  }

  /**
   * Item progress, worded as Velero does while it runs ({@code Estimated total items to be backed
   * up}, {@code Items backed up so far}) and once it is over; {@code done} is e.g. "backed up".
   */
  public static void progress(TabAligner d, boolean running, Integer total, Integer items, String done) {
    d.println();
    if (running) {
      d.printf("Estimated total items to be " + done + ":\t%d\n", VeleroFormat.count(total));
      d.printf("Items " + done + " so far:\t%d\n", VeleroFormat.count(items));
    } else {
      d.printf("Total items to be " + done + ":\t%d\n", VeleroFormat.count(total));
      d.printf("Items " + done + ":\t%d\n", VeleroFormat.count(items));
    }
  }
}
