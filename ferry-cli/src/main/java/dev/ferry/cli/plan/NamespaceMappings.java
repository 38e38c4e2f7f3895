package dev.ferry.cli.plan;

import dev.ferry.cli.UserError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code --namespace-mappings src1:dst1,src2:dst2} (Velero's syntax) into the Restore's namespaceMapping. */
public final class NamespaceMappings {
  /** A namespace name is a DNS-1123 label. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private NamespaceMappings() {
  }

  public static Map<String, String> parse(Iterable<String> entries) {
    Map<String, String> mapping = new LinkedHashMap<>();
    Map<String, String> sourceOf = new LinkedHashMap<>();
    for (String raw : entries) {
      String entry = raw.strip();
      String[] parts = entry.split(":", -1);
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new UserError("--namespace-mappings: '" + entry + "' is not SOURCE:DESTINATION "
            + "(e.g. --namespace-mappings shop:shop-copy,web:web-copy)");
      }
      String source = parts[0].strip();
      String destination = parts[1].strip();
      for (String name : new String[] {source, destination}) {
        if (name.length() > 63 || !NAMESPACE.matcher(name).matches()) {
          throw new UserError("--namespace-mappings: '" + name + "' is not a valid namespace name (lower-case "
              + "letters, digits and '-', at most 63 characters)");
        }
      }
      if (mapping.containsKey(source)) {
        throw new UserError("--namespace-mappings: namespace " + source + " is mapped twice (to "
            + mapping.get(source) + " and to " + destination + ")");
      }
      if (sourceOf.containsKey(destination)) {
        throw new UserError("--namespace-mappings: namespaces " + sourceOf.get(destination) + " and " + source
            + " are both mapped to " + destination);
      }
      mapping.put(source, destination);
      sourceOf.put(destination, source);
    }
    return mapping;
  }
}
