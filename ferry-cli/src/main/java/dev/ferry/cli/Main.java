package dev.ferry.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** Entry point of the {@code ferry} command (launched by {@code bin/ferry}). */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; never calls System.exit. */
  public static int run(String... args) {
    if (args.length > 0 && args[0].equals(NameCompletion.COMMAND)) {
      // The completion script's question; its words are not parsed as this command's options.
      return NameCompletion.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out);
    }
    Class<?> command = commandRun(args);
    return (command == null ? newCommandLine() : newCommandLine(List.of(command))).execute(args);
  }

  /** Every command: what help, errors, completion and tests see. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = newCommandLine(FerryCommand.COMMANDS);
    commandLine.addSubcommand(new CompletionCommand());
    return commandLine;
  }

  /**
   * The top-level command {@code args} run, when it is one of {@link FerryCommand#COMMANDS}: the
   * first word that is neither an option nor the value of a global option. Null for anything else
   * (no command, help, a typo, completion), which then gets the whole tree.
   */
  static Class<?> commandRun(String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        for (Class<?> command : FerryCommand.COMMANDS) {
          if (FerryCommand.nameOf(command).equals(arg)) {
            return command;
          }
        }
        return null;
      }
    }
    return null;
  }

  private static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("--kubeconfig", "--context", "-o", "--output");

  private static CommandLine newCommandLine(List<Class<?>> commands) {
    FerryCommand root = new FerryCommand();
    CommandLine commandLine = new CommandLine(root);
    for (Class<?> command : commands) {
      commandLine.addSubcommand(command);
    }
    commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("ferry: error: " + CliErrors.describe(e));
      // One line is the whole message; --debug adds the stack trace.
      if (root.debug) {
        e.printStackTrace(cmd.getErr());
      }
      return CliErrors.exitCode(e);
    });
    return commandLine;
  }
}
