package dev.ferry.objectstore;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A credentials file in the {@code NAME=value} form Velero's Azure plugin reads (its
 * {@code credentials-velero} file): blank lines and {@code #} comments skipped, optional
 * {@code export }, values optionally quoted, CRLF tolerated. Parse errors name the line number,
 * never the line, which holds secrets.
 */
final class EnvFile {
  private EnvFile() {
  }

  static Map<String, String> parse(String text, String source) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new ObjectStoreException(source + " line " + (i + 1) + " is not NAME=value; write one variable per "
            + "line, e.g. AZURE_STORAGE_ACCOUNT_ACCESS_KEY=<key>");
      }
      String name = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
          || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(name, value);
    }
    return values;
  }
}
