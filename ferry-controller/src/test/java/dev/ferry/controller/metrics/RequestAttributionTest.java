package dev.ferry.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.controller.metrics.RequestAttribution.Attribution;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RequestAttributionTest {
  @Test
  void withoutScopeRequestsAreTheOperatorsInformers() {
    assertThat(RequestAttribution.current()).isEqualTo(new Attribution("Operator", "informer"));
  }

  @Test
  void scopesNestAndRestore() {
    try (var outer = RequestAttribution.open("MigPlan", "(*ReconcileMigPlan).Reconcile")) {
      assertThat(RequestAttribution.current()).isEqualTo(new Attribution("MigPlan", "(*ReconcileMigPlan).Reconcile"));
      RequestAttribution.run("MigCluster", "(*ReconcileMigCluster).Reconcile", () ->
          assertThat(RequestAttribution.current().component()).isEqualTo("MigCluster"));
      assertThat(RequestAttribution.current().component()).isEqualTo("MigPlan");
      // Thread-local: other threads are not attributed.
      assertThat(CompletableFuture.supplyAsync(RequestAttribution::current).join()).isEqualTo(RequestAttribution.DEFAULT);
    }
    assertThat(RequestAttribution.current()).isEqualTo(RequestAttribution.DEFAULT);
    assertThat(RequestAttribution.call("A", "f", () -> RequestAttribution.current().function())).isEqualTo("f");
  }
}
