package dev.ferry.console;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands a resource's menu copies: {@code kubectl describe} and, for pods and Jobs,
 * {@code kubectl logs}, each with the {@code --context} of the cluster the resource lives on
 * (omitted when the user's kubeconfig has no context for that cluster), and the {@code oc}
 * variants. Pure.
 */
final class KubectlCommands {
  private KubectlCommands() {
  }

  /** {@code resource}: plural[.group], e.g. migmigrations.migration.openshift.io or pods. */
  static String describe(String tool, String resource, String namespace, String name, String context) {
    List<String> words = new ArrayList<>(List.of(tool, "describe", resource, quote(name)));
    if (namespace != null) {
      words.add("-n");
      words.add(quote(namespace));
    }
    addContext(words, context);
    return String.join(" ", words);
  }

  /** Logs of a pod (all containers) or a Job ({@code job/NAME}); null for kinds without logs. */
  static String logs(String tool, String kind, String namespace, String name, String context) {
    String target = switch (kind) {
      case "Pod" -> quote(name);
      case "Job" -> "job/" + quote(name);
      default -> null;
    };
    if (target == null) {
      return null;
    }
    List<String> words = new ArrayList<>(List.of(tool, "logs", target, "-n", quote(namespace), "--all-containers"));
    addContext(words, context);
    return String.join(" ", words);
  }

  private static void addContext(List<String> words, String context) {
    if (context != null) {
      words.add("--context");
      words.add(quote(context));
    }
  }

  /** Kubernetes names need no quoting; a context name may hold anything, so it is single-quoted when needed. */
  static String quote(String word) {
    if (word.matches("[A-Za-z0-9._/:@=+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
