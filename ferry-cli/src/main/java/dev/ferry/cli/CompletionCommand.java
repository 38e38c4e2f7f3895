package dev.ferry.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry completion bash|zsh}: the shell completion script. picocli writes the part that
 * completes commands, options and option values from the command's model (no JVM start per TAB);
 * the part appended here asks {@code ferry __complete} ({@link NameCompletion}) for what only the
 * cluster or the kubeconfig knows: names of plans, migrations, backups, … and contexts. The same
 * script serves zsh through its bash-completion emulation (bashcompinit), which picocli's script
 * turns on when it runs in zsh.
 */
@Command(name = "completion", description = {
    "Print the shell completion script for bash or zsh: commands, options, and names of plans, migrations, "
        + "backups, restores, clusters, storages, hooks and contexts.",
    "bash:  source <(ferry completion bash)      (or save it as ~/.local/share/bash-completion/completions/ferry)",
    "zsh:   source <(ferry completion zsh)"})
public class CompletionCommand implements Callable<Integer> {
  enum Shell { bash, zsh }

  /** Where picocli's completion offers nothing (names, contexts), ask ferry itself. */
  static final String NAMES_FROM_CLUSTER = """

      # Names from the cluster and the kubeconfig (plans, migrations, backups, restores, clusters,
      # storages, hooks, namespaces, contexts): where the completion above offers nothing for a word
      # that is not an option, ask `ferry __complete` with the words typed so far.
      function _complete_ferry_names() {
        _complete_ferry "$@"
        if [[ ${#COMPREPLY[@]} -eq 0 && "${COMP_WORDS[COMP_CWORD]}" != -* ]]; then
          local IFS=$'\\n'
          COMPREPLY=( $("${COMP_WORDS[0]}" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) )
        fi
        return 0
      }
      complete -F _complete_ferry_names -o default ferry kubectl-ferry
      """;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    System.out.print(script(spec.root().commandLine()));
    System.out.flush();
    return 0;
  }

  static String script(picocli.CommandLine root) {
    return AutoComplete.bash("ferry", root) + NAMES_FROM_CLUSTER;
  }
}
