package dev.ferry.cli.output;

import dev.ferry.cli.kube.Fetched;
import dev.ferry.backup.model.Results;
import dev.ferry.backup.model.ResultsFile;
import java.util.List;
import java.util.Map;

/**
 * The {@code Warnings:} / {@code Errors:} blocks of a describe, split as Velero splits them:
 * <pre>
 * Errors:
 *   Velero:     &lt;none&gt;
 *   Cluster:    &lt;none&gt;
 *   Namespaces:
 *     migration-example:  error restoring …
 * </pre>
 */
public final class ResultsSection {
  /**
   * Velero / Cluster labels are padded to the width of "Namespaces: ", as in the seed's (MTC
   * documentation's) output, so their values line up with {@code Namespaces: <none>}.
   */
  private static final int LABEL_WIDTH = "Namespaces: ".length();

  private ResultsSection() {
  }

  /**
   * The Warnings block, then the Errors block, each preceded by a blank line and shown only when
   * there is something in it (Velero shows them when the status counts any).
   */
  public static void describe(TabAligner d, Fetched<ResultsFile> results, int warnings, int errors) {
    if (!results.ok()) {
      if (warnings > 0 || errors > 0) {
        d.println();
        unavailable(d, "Warnings", results.problem());
        d.println();
        unavailable(d, "Errors", results.problem());
      }
      return;
    }
    if (warnings > 0 || !results.value().warnings().isEmpty()) {
      d.println();
      block(d, "Warnings", results.value().warnings());
    }
    if (errors > 0 || !results.value().errors().isEmpty()) {
      d.println();
      block(d, "Errors", results.value().errors());
    }
  }

  /** Writes the block titled {@code title} ("Warnings" or "Errors"). */
  static void block(TabAligner d, String title, Results results) {
    d.printf("%s:\n", title);
    slice(d, "Velero", results.velero());
    slice(d, "Cluster", results.cluster());
    Map<String, List<String>> namespaces = results.namespaces();
    if (namespaces.isEmpty()) {
      d.printf("\t%s%s\n", pad("Namespaces:"), VeleroFormat.NONE);
      return;
    }
    d.printf("\tNamespaces:\n");
    // Velero's DescribeSlice at indent 2: later messages of a namespace align under its first.
    namespaces.forEach((namespace, messages) -> {
      d.printf("\t\t%s:\t", namespace);
      for (int i = 0; i < messages.size(); i++) {
        d.printf(i == 0 ? "%s\n" : "\t\t\t%s\n", ObjectDescription.oneLine(messages.get(i)));
      }
    });
  }

  /** The block when the results file could not be read. */
  private static void unavailable(TabAligner d, String title, String problem) {
    d.printf("%s:\t<error getting %s: %s>\n", title, title.toLowerCase(java.util.Locale.ROOT),
        ObjectDescription.oneLine(problem));
  }

  private static void slice(TabAligner d, String label, List<String> messages) {
    String head = pad(label + ":");
    if (messages.isEmpty()) {
      d.printf("\t%s%s\n", head, VeleroFormat.NONE);
      return;
    }
    for (int i = 0; i < messages.size(); i++) {
      d.printf("\t%s%s\n", i == 0 ? head : " ".repeat(LABEL_WIDTH), ObjectDescription.oneLine(messages.get(i)));
    }
  }

  private static String pad(String label) {
    return label + " ".repeat(Math.max(1, LABEL_WIDTH - label.length()));
  }
}
