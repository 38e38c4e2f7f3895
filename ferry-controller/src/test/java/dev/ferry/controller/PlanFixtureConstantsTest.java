package dev.ferry.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.testsupport.PlanFixture;
import org.junit.jupiter.api.Test;

/** The shared fixture cannot depend on the controller; its copies of two constants must stay true. */
class PlanFixtureConstantsTest {
  @Test
  void fixtureUsesTheControllersNamespaceAndTokenKey() {
    assertThat(PlanFixture.NS).isEqualTo(FerryOperator.DEFAULT_NAMESPACE);
    assertThat(PlanFixture.TOKEN_KEY).isEqualTo(ClusterClients.TOKEN_KEY);
  }
}
