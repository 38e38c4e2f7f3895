package dev.ferry.cli.testbed;

import dev.ferry.testbed.Binaries;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ferry testbed up|down|status|env}: two real local clusters for trying Ferry out. */
@Command(name = "testbed",
    description = "Run two local Kubernetes clusters (source, destination) built from real control-plane binaries.",
    subcommands = {TestbedCommands.Up.class, TestbedCommands.Down.class, TestbedCommands.Status.class,
        TestbedCommands.Env.class, TestbedCommands.Serve.class})
public class TestbedCommand {
  @Option(names = "--dir", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "DIR",
      description = "Where the testbed keeps its state (default: ~/.cache/ferry/testbed).")
  Path dir;

  TestbedState state() {
    return new TestbedState(dir != null ? dir.toAbsolutePath() : Binaries.cacheRoot().resolve("testbed"));
  }
}
