package dev.ferry.cli.migration;

/** The two halves of a plan's {@code NS[:DEST]} entry. */
public final class NamespaceNames {
  private NamespaceNames() {
  }

  static String source(String entry) {
    int colon = entry.indexOf(':');
    return colon < 0 ? entry : entry.substring(0, colon);
  }

  static String destination(String entry) {
    int colon = entry.indexOf(':');
    return colon < 0 ? entry : entry.substring(colon + 1);
  }
}
