package dev.ferry.controller.volumes;

import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.api.migration.settings.MigrationControllerSpec;
import dev.ferry.backup.backup.GoDuration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.Comparator;

/**
 * How transfer pods run, from the MigrationController (first CR by name, as for the other
 * settings): Ferry's image ({@code mover_image}, else env {@code FERRY_IMAGE}, else the released
 * one); whether they are super-privileged ({@code migration_rsync_super_privileged}); the identity
 * they run as when the migration asks for one ({@code runAsUser}/{@code runAsGroup}, and
 * {@code fsGroup}; null: root, so owners and modes survive); and how long they may stay Pending
 * before the migration says so ({@code transfer_pod_pending_timeout}, a Go duration such as
 * {@code 10m}; else env {@code FERRY_TRANSFER_POD_PENDING_LIMIT}, ISO-8601; default 10 minutes as
 * MTC).
 */
public record MoverPodSettings(String image, boolean superPrivileged, Long runAsUser, Long runAsGroup, Long fsGroup,
                               Duration pendingLimit) {
  public static final String DEFAULT_IMAGE = "ferry:0.1.0";
  public static final Duration DEFAULT_PENDING_LIMIT = Duration.ofMinutes(10);

  public MoverPodSettings(String image, boolean superPrivileged) {
    this(image, superPrivileged, null, null, null, pendingLimitFromEnvironment());
  }

  /** The same settings, running the pods as this identity (null fields: unchanged). */
  public MoverPodSettings withIdentity(Long user, Long group, Long fsGroup) {
    return new MoverPodSettings(image, superPrivileged, user, group, fsGroup, pendingLimit);
  }

  public MoverPodSettings withPendingLimit(Duration limit) {
    return new MoverPodSettings(image, superPrivileged, runAsUser, runAsGroup, fsGroup, limit);
  }

  public static MoverPodSettings read(KubernetesClient host, String namespace) {
    MigrationControllerSpec spec = null;
    try {
      spec = host.resources(MigrationController.class).inNamespace(namespace).list().getItems().stream()
          .min(Comparator.comparing(c -> c.getMetadata().getName())).map(MigrationController::getSpec).orElse(null);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404) {
        throw e;
      }
    }
    return from(spec);
  }

  /** The settings a MigrationController's spec gives (null: none exists). */
  static MoverPodSettings from(MigrationControllerSpec spec) {
    String image = spec != null && spec.getMoverImage() != null && !spec.getMoverImage().isBlank()
        ? spec.getMoverImage().strip() : System.getenv().getOrDefault("FERRY_IMAGE", DEFAULT_IMAGE);
    boolean superPrivileged = spec != null && Boolean.TRUE.equals(spec.getMigrationRsyncSuperPrivileged());
    MoverPodSettings settings = new MoverPodSettings(image, superPrivileged);
    String timeout = spec == null ? null : spec.getTransferPodPendingTimeout();
    return timeout == null || timeout.isBlank() ? settings : settings.withPendingLimit(pendingLimit(timeout));
  }

  /**
   * {@code transfer_pod_pending_timeout}; the CRD's pattern already refuses what is not a duration,
   * and a zero or unreadable one falls back to the default rather than flagging every pod at once.
   */
  static Duration pendingLimit(String timeout) {
    try {
      Duration limit = GoDuration.parse(timeout);
      return limit.isZero() || limit.isNegative() ? DEFAULT_PENDING_LIMIT : limit;
    } catch (IllegalArgumentException e) {
      return DEFAULT_PENDING_LIMIT;
    }
  }

  private static Duration pendingLimitFromEnvironment() {
    String value = System.getenv("FERRY_TRANSFER_POD_PENDING_LIMIT");
    if (value == null || value.isBlank()) {
      return DEFAULT_PENDING_LIMIT;
    }
    try {
      return Duration.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("FERRY_TRANSFER_POD_PENDING_LIMIT=" + value + " is not an ISO-8601 "
          + "duration; write e.g. PT10M for ten minutes", e);
    }
  }
}
