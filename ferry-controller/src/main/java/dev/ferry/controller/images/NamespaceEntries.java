package dev.ferry.controller.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code src} or {@code src:dest} namespace entries, as in MigPlan and DirectImageMigration. */
final class NamespaceEntries {
  private NamespaceEntries() {
  }

  static Map<String, String> mapping(List<String> entries) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : entries == null ? List.<String>of() : entries) {
      int colon = entry.indexOf(':');
      if (colon < 0) {
        out.put(entry.strip(), entry.strip());
      } else {
        out.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
      }
    }
    return out;
  }
}
