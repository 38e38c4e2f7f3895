package dev.ferry.api.migration;

/** The migration.openshift.io/v1alpha1 API, compatible with MTC (mig-controller). */
public final class MigrationApi {

  /** API group. */
  public static final String GROUP = "migration.openshift.io";
  /** API version. */
  public static final String VERSION = "v1alpha1";
  /** apiVersion as written in manifests. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private MigrationApi() {
  }
}
