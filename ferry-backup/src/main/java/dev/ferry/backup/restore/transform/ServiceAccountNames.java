package dev.ferry.backup.restore.transform;

/**
 * Maps the namespace inside service-account user and group names:
 * {@code system:serviceaccount:<ns>:<sa>} and {@code system:serviceaccounts:<ns>}.
 */
final class ServiceAccountNames {

  static final String USER_PREFIX = "system:serviceaccount:";
  static final String GROUP_PREFIX = "system:serviceaccounts:";

  private ServiceAccountNames() {
  }

  /** The mapped user name, or null if {@code user} is not a service account of a mapped namespace. */
  static String mapUser(String user, TransformContext context) {
    if (user == null || !user.startsWith(USER_PREFIX)) {
      return null;
    }
    String rest = user.substring(USER_PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String namespace = rest.substring(0, colon);
    return context.remaps(namespace)
        ? USER_PREFIX + context.mapNamespace(namespace) + rest.substring(colon)
        : null;
  }

  /** The mapped group name, or null if {@code group} is not the group of a mapped namespace. */
  static String mapGroup(String group, TransformContext context) {
    if (group == null || !group.startsWith(GROUP_PREFIX)) {
      return null;
    }
    String namespace = group.substring(GROUP_PREFIX.length());
    return context.remaps(namespace) ? GROUP_PREFIX + context.mapNamespace(namespace) : null;
  }

  /** Either mapping, whichever applies; null if none does. */
  static String map(String name, TransformContext context) {
    String user = mapUser(name, context);
    return user != null ? user : mapGroup(name, context);
  }
}
