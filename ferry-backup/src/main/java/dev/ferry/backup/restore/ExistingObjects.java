package dev.ferry.backup.restore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an object already on the destination is "the same" as the one a restore
 * would create: every field the restore sets is present with the same value. Fields the server
 * adds (uid, clusterIP, defaults) do not count, nor do the per-restore labels.
 */
final class ExistingObjects {
  static final Set<String> PER_RESTORE_LABELS = Set.of("velero.io/restore-name", "velero.io/backup-name");

  private ExistingObjects() {
  }

  static boolean sameAsDesired(JsonNode desired, JsonNode existing) {
    return contains(existing, desired, "");
  }

  private static boolean contains(JsonNode actual, JsonNode expected, String path) {
    if (expected == null || expected.isNull()) {
      return true;
    }
    if (actual == null || actual.isNull()) {
      return false;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (path.equals(".metadata.labels") && PER_RESTORE_LABELS.contains(field.getKey())) {
          continue;
        }
        if (!contains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey())) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!contains(actual.get(i), expected.get(i), path + "[]")) {
          return false;
        }
      }
      return true;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    return expected.equals(actual);
  }
}
