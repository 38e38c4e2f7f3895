package dev.ferry.cli;

import dev.ferry.api.migration.MigMigration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** Prints a migration's phases as they happen, until it ends. */
final class DemoProgress {
  private static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Canceled");

  private DemoProgress() {
  }

  static MigMigration follow(KubernetesClient client, String namespace, String name, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String last = null;
    while (Instant.now().isBefore(deadline)) {
      MigMigration migration = client.resources(MigMigration.class).inNamespace(namespace).withName(name).get();
      String phase = migration == null || migration.getStatus() == null ? null : migration.getStatus().getPhase();
      if (phase != null && !Objects.equals(phase, last)) {
        System.out.println("  phase " + phase);
        last = phase;
      }
      if (phase != null && TERMINAL.contains(phase)) {
        return migration;
      }
      Thread.sleep(250);
    }
    throw new UserError("migration " + name + " did not finish within " + timeout.toMinutes() + " minutes; see "
        + "kubectl -n " + namespace + " get migmigration " + name + " -o yaml");
  }
}
