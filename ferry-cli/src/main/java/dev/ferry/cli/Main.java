package dev.ferry.cli;

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
    return newCommandLine().execute(args);
  }

  public static CommandLine newCommandLine() {
    FerryCommand root = new FerryCommand();
    CommandLine commandLine = new CommandLine(root);
    commandLine.addSubcommand(new CompletionCommand());
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
