package dev.ferry.cli.output;

import dev.ferry.cli.kube.Fetched;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** The parts Velero's backup and restore describes share: metadata, validation errors, resource lists. */
public final class ObjectDescription {
  private ObjectDescription() {
  }

  /** Velero's DescribeMetadata. */
  public static void metadata(TabAligner d, ObjectMeta metadata) {
    d.printf("Name:\t%s\n", metadata.getName());
    d.printf("Namespace:\t%s\n", metadata.getNamespace());
    VeleroFormat.describeMap(d, "Labels", oneLineValues(metadata.getLabels()));
    VeleroFormat.describeMap(d, "Annotations", oneLineValues(metadata.getAnnotations()));
  }

  /** The phase line; a partial failure points at the logs. */
  public static void phase(TabAligner d, String phase, String kind, String name) {
    String note = "PartiallyFailed".equals(phase)
        ? " (run 'ferry " + kind + " logs " + name + "' for more information)" : "";
    d.printf("Phase:\t%s%s\n", phase, note);
  }

  /** Validation errors (each on its own line, aligned) and the failure reason, when there are any. */
  public static void problems(TabAligner d, List<String> validationErrors, String failureReason) {
    if (validationErrors != null && !validationErrors.isEmpty()) {
      d.println();
      d.printf("Validation errors:");
      validationErrors.forEach(e -> d.printf("\t%s\n", oneLine(e)));
    }
    if (failureReason != null && !failureReason.isBlank()) {
      d.println();
      d.printf("Failure reason:\t%s\n", oneLine(failureReason));
    }
  }

  /** {@code Resource List:} grouped by {@code apiVersion/Kind}, as describe --details prints it. */
  public static void resourceList(TabAligner d, String what, Fetched<SortedMap<String, List<String>>> list) {
    if (!list.ok()) {
      d.printf("Resource List:\t<error getting %s resource list: %s>\n", what, oneLine(list.problem()));
      return;
    }
    if (list.value().isEmpty()) {
      d.printf("Resource List:\t%s\n", VeleroFormat.NONE);
      return;
    }
    d.printf("Resource List:\n");
    list.value().forEach((gvk, items) -> {
      d.printf("\t%s:\n", gvk);
      items.forEach(item -> d.printf("\t\t- %s\n", item));
    });
  }

  public static String oneLine(String text) {
    return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ');
  }

  private static Map<String, String> oneLineValues(Map<String, String> map) {
    if (map == null) {
      return null;
    }
    Map<String, String> copy = new java.util.TreeMap<>();
    map.forEach((k, v) -> copy.put(k, oneLine(v)));
    return copy;
  }
}
