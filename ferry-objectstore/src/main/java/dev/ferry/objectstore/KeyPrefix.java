package dev.ferry.objectstore;

/** The folder inside a bucket or container that holds the repository, as stored before every key. */
final class KeyPrefix {
  private KeyPrefix() {
  }

  /** "" or "a/b/": surrounding slashes and blanks dropped, the rest checked like a key. */
  static String normalize(String prefix) {
    if (prefix == null) {
      return "";
    }
    String p = prefix.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? "" : ObjectKeys.requireValidKey(p) + "/";
  }
}
