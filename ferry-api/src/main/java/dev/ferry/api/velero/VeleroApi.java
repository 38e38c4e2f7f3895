package dev.ferry.api.velero;

/** The velero.io/v1 API: Ferry processes these kinds itself, with Velero's field names and semantics. */
public final class VeleroApi {

  /** API group. */
  public static final String GROUP = "velero.io";
  /** API version. */
  public static final String VERSION = "v1";
  /** apiVersion as written in manifests. */
  public static final String API_VERSION = GROUP + "/" + VERSION;

  private VeleroApi() {
  }
}
