package dev.ferry.controller;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Whether a Ferry controller is acting on a namespace, read from its {@link ControllerLease}: a
 * Lease renewed within its duration means yes.
 */
public record ControllerPresence(boolean running, String holder, Duration sinceRenewal) {

  public static ControllerPresence of(KubernetesClient client, String namespace, Clock clock) {
    Lease lease;
    try {
      lease = client.leases().inNamespace(namespace).withName(ControllerLease.NAME).get();
    } catch (RuntimeException e) {
      // Cannot read Leases (RBAC): say nothing rather than something wrong.
      return new ControllerPresence(true, "unknown", Duration.ZERO);
    }
    return of(lease, clock.instant());
  }

  static ControllerPresence of(Lease lease, Instant now) {
    if (lease == null || lease.getSpec() == null || lease.getSpec().getHolderIdentity() == null
        || lease.getSpec().getRenewTime() == null) {
      return new ControllerPresence(false, null, null);
    }
    ZonedDateTime renewed = lease.getSpec().getRenewTime();
    Duration since = Duration.between(renewed.toInstant(), now);
    int seconds = lease.getSpec().getLeaseDurationSeconds() == null
        ? (int) ControllerLease.DURATION.toSeconds() : lease.getSpec().getLeaseDurationSeconds();
    return new ControllerPresence(since.compareTo(Duration.ofSeconds(seconds)) <= 0,
        lease.getSpec().getHolderIdentity(), since);
  }
}
