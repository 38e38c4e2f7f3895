package dev.ferry.controller.cluster;

/** Condition types of a MigCluster, besides Ready. All but KubernetesVersion are Critical. */
public final class MigClusterConditions {
  /** A remote cluster without a usable spec.url. */
  public static final String INVALID_URL = "InvalidURL";
  /** A remote cluster whose serviceAccountSecretRef is missing, names no Secret, or lacks key saToken. */
  public static final String MISSING_SERVICE_ACCOUNT_SECRET = "MissingServiceAccountSecret";
  /** spec.caBundle is not base64 of PEM certificates. */
  public static final String INVALID_CA_BUNDLE = "InvalidCaBundle";
  /** The API server could not be reached, its certificate was not trusted, or the token was rejected. */
  public static final String TEST_CONNECT_FAILED = "TestConnectFailed";
  /** The identity connects but may not do everything a migration needs (MTC's name). */
  public static final String SA_TOKEN_NOT_PRIVILEGED = "SaTokenNotPrivileged";

  /** Advisory: the Kubernetes version the API server reported at the last check. */
  public static final String KUBERNETES_VERSION = "KubernetesVersion";

  public static final String READY_MESSAGE = "The cluster is ready.";

  private MigClusterConditions() {
  }
}
