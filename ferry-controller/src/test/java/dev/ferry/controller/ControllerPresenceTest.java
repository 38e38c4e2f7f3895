package dev.ferry.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ControllerPresenceTest {
  private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");

  private static Lease renewedAgo(Duration ago, Integer durationSeconds) {
    return new LeaseBuilder().withNewMetadata().withName(ControllerLease.NAME).endMetadata()
        .withNewSpec().withHolderIdentity("host/42").withLeaseDurationSeconds(durationSeconds)
        .withRenewTime(ZonedDateTime.ofInstant(NOW.minus(ago), ZoneOffset.UTC)).endSpec().build();
  }

  @Test
  void noLeaseMeansNoController() {
    ControllerPresence presence = ControllerPresence.of(null, NOW);
    assertThat(presence.running()).isFalse();
    assertThat(presence.sinceRenewal()).isNull();
  }

  @Test
  void aLeaseRenewedWithinItsDurationMeansRunning() {
    ControllerPresence presence = ControllerPresence.of(renewedAgo(Duration.ofSeconds(12), 30), NOW);
    assertThat(presence.running()).isTrue();
    assertThat(presence.holder()).isEqualTo("host/42");
  }

  @Test
  void aLeaseNotRenewedForLongerThanItsDurationIsStale() {
    ControllerPresence presence = ControllerPresence.of(renewedAgo(Duration.ofSeconds(31), 30), NOW);
    assertThat(presence.running()).isFalse();
    assertThat(presence.sinceRenewal()).isEqualTo(Duration.ofSeconds(31));
  }

  @Test
  void aReleasedLeaseWithoutHolderMeansNoController() {
    Lease released = renewedAgo(Duration.ZERO, 30);
    released.getSpec().setHolderIdentity(null);
    assertThat(ControllerPresence.of(released, NOW).running()).isFalse();
  }

  @Test
  void missingDurationFallsBackToFerrysOwn() {
    assertThat(ControllerPresence.of(renewedAgo(Duration.ofSeconds(25), null), NOW).running()).isTrue();
  }
}
