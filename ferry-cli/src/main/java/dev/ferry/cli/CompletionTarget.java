package dev.ferry.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What a partly typed {@code ferry} command line asks to complete, read from the words with the
 * command's own picocli model (pure; {@link NameCompletion} asks the cluster): the kind of name the
 * word being typed stands for, and the {@code --kubeconfig}, {@code --context} and namespace the
 * line gives.
 *
 * <p>The kind comes from the parameter's label, so new commands complete without registering
 * anything: {@code PLAN}, {@code MIGRATION}, {@code CLUSTER}, {@code STORAGE}, {@code HOOK},
 * {@code BACKUP}, {@code RESTORE}, {@code BSL}, {@code NS}, {@code CONTEXT} (and any
 * {@code --…context} option); a {@code NAME} of a {@code get|describe|delete|…} subcommand is a
 * name of its group's kind ({@code ferry plan describe NAME} → plans). {@code create} names a new
 * object, so it completes nothing.
 */
public record CompletionTarget(Kind kind, String prefix, Path kubeconfig, String context, String namespace) {
  static final String DEFAULT_NAMESPACE = "openshift-migration";

  /** The names a word can stand for; each with the resource it is listed from. */
  enum Kind {
    PLAN("migration.openshift.io", "v1alpha1", "migplans", "MigPlan"),
    MIGRATION("migration.openshift.io", "v1alpha1", "migmigrations", "MigMigration"),
    CLUSTER("migration.openshift.io", "v1alpha1", "migclusters", "MigCluster"),
    STORAGE("migration.openshift.io", "v1alpha1", "migstorages", "MigStorage"),
    HOOK("migration.openshift.io", "v1alpha1", "mighooks", "MigHook"),
    BACKUP("velero.io", "v1", "backups", "Backup"),
    RESTORE("velero.io", "v1", "restores", "Restore"),
    BSL("velero.io", "v1", "backupstoragelocations", "BackupStorageLocation"),
    NS("", "v1", "namespaces", "Namespace"),
    CONTEXT(null, null, null, null);

    final String group;
    final String version;
    final String plural;
    final String kind;

    Kind(String group, String version, String plural, String kind) {
      this.group = group;
      this.version = version;
      this.plural = plural;
      this.kind = kind;
    }
  }

  private static final Map<String, Kind> GROUP_KINDS = Map.of("plan", Kind.PLAN, "migration", Kind.MIGRATION,
      "cluster", Kind.CLUSTER, "storage", Kind.STORAGE, "hook", Kind.HOOK, "backup", Kind.BACKUP,
      "restore", Kind.RESTORE);
  private static final Set<String> NEW_NAME_COMMANDS = Set.of("create");

  /** Where the words leave the command line: the (sub)command reached, the option values given. */
  private record Walk(CommandLine command, List<String> path, Map<String, String> values, OptionSpec pending,
      int positional, String prefix) {
  }

  /**
   * @param words the words after {@code ferry}; the last is the one being typed (may be empty)
   * @return what to complete, or {@code null} when it is not a name (an option, a command, free text)
   */
  static CompletionTarget of(CommandLine root, List<String> words) {
    Walk walk = walk(root, words);
    if (walk.prefix().startsWith("-")) {
      return null;
    }
    Kind kind = walk.pending() != null ? kindOf(walk.pending(), walk.path())
        : kindOfPositional(walk.command().getCommandSpec(), walk.positional(), walk.path());
    if (kind == null) {
      return null;
    }
    String kubeconfig = walk.values().get("--kubeconfig");
    return new CompletionTarget(kind, walk.prefix(), kubeconfig == null ? null : Path.of(kubeconfig),
        walk.values().get("--context"), namespace(walk.command().getCommandSpec(), walk.values()));
  }

  /**
   * What the command's model alone offers for the word being typed: an option's fixed values,
   * option names (for "-…"), or subcommand names — what picocli's bash script completes itself.
   */
  static List<String> fixedCandidates(CommandLine root, List<String> words) {
    Walk walk = walk(root, words);
    List<String> candidates = new ArrayList<>();
    if (walk.pending() != null) {
      if (walk.pending().completionCandidates() != null) {
        walk.pending().completionCandidates().forEach(candidates::add);
      }
    } else if (walk.prefix().startsWith("-")) {
      walk.command().getCommandSpec().options().stream().filter(o -> !o.hidden())
          .forEach(o -> candidates.addAll(Arrays.asList(o.names())));
    } else if (walk.positional() == 0) {
      walk.command().getSubcommands().forEach((name, sub) -> {
        if (!sub.getCommandSpec().usageMessage().hidden()) {
          candidates.add(name);
        }
      });
    }
    return candidates.stream().filter(c -> c.startsWith(walk.prefix())).sorted().toList();
  }

  private static Walk walk(CommandLine root, List<String> words) {
    List<String> typed = words.isEmpty() ? List.of() : words.subList(0, words.size() - 1);
    String prefix = words.isEmpty() ? "" : words.get(words.size() - 1);
    CommandLine current = root;
    Map<String, String> values = new HashMap<>();
    List<String> path = new ArrayList<>();
    OptionSpec pending = null;
    int positional = 0;
    for (String word : typed) {
      if (pending != null) {
        values.put(pending.longestName(), word);
        pending = null;
      } else if (word.startsWith("-") && word.length() > 1) {
        int eq = word.indexOf('=');
        OptionSpec option = current.getCommandSpec().findOption(eq < 0 ? word : word.substring(0, eq));
        if (option != null && option.arity().max() > 0 && !isBoolean(option)) {
          if (eq < 0) {
            pending = option;
          } else {
            values.put(option.longestName(), word.substring(eq + 1));
          }
        }
      } else if (positional == 0 && current.getSubcommands().containsKey(word)) {
        current = current.getSubcommands().get(word);
        path.add(word);
      } else {
        positional++;
      }
    }
    return new Walk(current, path, values, pending, positional, prefix);
  }

  private static String namespace(CommandSpec spec, Map<String, String> values) {
    String typed = values.get("--namespace");
    if (typed != null) {
      return typed;
    }
    OptionSpec option = spec.findOption("--namespace");
    return option != null && option.defaultValue() != null ? option.defaultValue() : DEFAULT_NAMESPACE;
  }

  private static boolean isBoolean(OptionSpec option) {
    Class<?> type = option.type();
    return type == boolean.class || type == Boolean.class;
  }

  private static Kind kindOfPositional(CommandSpec spec, int index, List<String> path) {
    for (PositionalParamSpec param : spec.positionalParameters()) {
      if (param.index().contains(index)) {
        return kindOf(param, path);
      }
    }
    return null;
  }

  private static Kind kindOf(ArgSpec arg, List<String> path) {
    if (arg instanceof OptionSpec option && option.longestName().endsWith("context")) {
      return Kind.CONTEXT;
    }
    String label = arg.paramLabel().replaceAll("[<>]", "").toUpperCase(Locale.ROOT);
    if (label.equals("NAME")) {
      boolean existing = path.size() >= 2 && !NEW_NAME_COMMANDS.contains(path.get(path.size() - 1));
      return existing && arg.isPositional() ? GROUP_KINDS.get(path.get(path.size() - 2)) : null;
    }
    try {
      return Kind.valueOf(label);
    } catch (IllegalArgumentException notAName) {
      return null;
    }
  }
}
