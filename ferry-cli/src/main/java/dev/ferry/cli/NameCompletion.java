package dev.ferry.cli;

import dev.ferry.cli.kube.CliHttpClients;
import dev.ferry.cli.kube.ClusterConnection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ferry __complete WORDS… PARTIAL} (hidden; the completion script calls it): prints, one per
 * line, the names the partial word can be — plans, migrations, clusters, storages, hooks, backups,
 * restores, storage locations and namespaces from the cluster the line's {@code --kubeconfig} and
 * {@code --context} name, or the kubeconfig's contexts. It prints nothing when there is nothing to
 * offer or the cluster does not answer within a few seconds: a completion never shows an error.
 *
 * <p>{@code __complete --cobra …} ends the list with {@code :4} ("no file names"), the form kubectl
 * expects from a plugin's {@code kubectl_complete-ferry}.
 */
public final class NameCompletion {
  static final String COMMAND = "__complete";
  private static final int TIMEOUT_MILLIS = 3_000;

  private NameCompletion() {
  }

  static int run(String[] args, PrintStream out) {
    boolean cobra = args.length > 0 && args[0].equals("--cobra");
    List<String> words = Arrays.asList(args).subList(cobra ? 1 : 0, args.length);
    try {
      picocli.CommandLine root = Main.newCommandLine();
      CompletionTarget target = CompletionTarget.of(root, words);
      if (target != null) {
        names(target).filter(name -> name.startsWith(target.prefix())).sorted().forEach(out::println);
      } else if (cobra) {
        // kubectl asks the plugin for everything; bash's script completes these itself.
        CompletionTarget.fixedCandidates(root, words).forEach(out::println);
      }
    } catch (RuntimeException cannotList) {
      // No cluster, no CRDs, no kubeconfig: nothing to offer, and the shell shows nothing.
    }
    if (cobra) {
      out.println(":4");
    }
    out.flush();
    return 0;
  }

  private static Stream<String> names(CompletionTarget target) {
    ClusterConnection connection = new ClusterConnection(target.kubeconfig(), target.context());
    if (target.kind() == CompletionTarget.Kind.CONTEXT) {
      return KubeConfigUtils.parseConfig(connection.kubeconfigFile().toFile()).getContexts().stream()
          .map(NamedContext::getName);
    }
    Config config = connection.config();
    config.setRequestTimeout(TIMEOUT_MILLIS);
    config.setConnectionTimeout(TIMEOUT_MILLIS);
    config.setRequestRetryBackoffLimit(0);
    try (KubernetesClient client = CliHttpClients.builder().withConfig(config).build()) {
      CompletionTarget.Kind kind = target.kind();
      List<? extends HasMetadata> items = kind == CompletionTarget.Kind.NS
          ? client.namespaces().list().getItems()
          : client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(kind.group)
              .withVersion(kind.version).withPlural(kind.plural).withKind(kind.kind).withNamespaced(true).build())
              .inNamespace(target.namespace()).list().getItems();
      return items.stream().map(item -> item.getMetadata().getName()).toList().stream();
    }
  }
}
