package dev.ferry.backup.format;

import dev.ferry.backup.model.ItemKey;

/** Entry names inside Velero's backup tarball (velero pkg/archive and pkg/apis/velero/v1). */
final class TarballPaths {

  static final String RESOURCES_DIR = "resources";
  static final String METADATA_VERSION = "metadata/version";
  static final String CLUSTER_DIR = "cluster";
  static final String NAMESPACES_DIR = "namespaces";
  static final String PREFERRED_SUFFIX = "-preferredversion";
  static final String JSON = ".json";

  private TarballPaths() {
  }

  /** {@code resources/<gr>/cluster/<name>.json} or {@code resources/<gr>/namespaces/<ns>/<name>.json}. */
  static String plain(ItemKey key) {
    return RESOURCES_DIR + "/" + key.groupResource().qualified() + "/" + scoped(key);
  }

  /** The same under {@code <version>-preferredversion/}. */
  static String preferred(ItemKey key, String version) {
    return RESOURCES_DIR + "/" + key.groupResource().qualified() + "/" + version + PREFERRED_SUFFIX
        + "/" + scoped(key);
  }

  private static String scoped(ItemKey key) {
    return key.isClusterScoped()
        ? CLUSTER_DIR + "/" + segment(key.name()) + JSON
        : NAMESPACES_DIR + "/" + segment(key.namespace()) + "/" + segment(key.name()) + JSON;
  }

  /** Kubernetes names never contain these; refusing them keeps every entry inside its directory. */
  static String segment(String s) {
    if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0
        || s.indexOf('\\') >= 0 || s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("unsafe name for a backup path: '" + s + "'");
    }
    return s;
  }
}
