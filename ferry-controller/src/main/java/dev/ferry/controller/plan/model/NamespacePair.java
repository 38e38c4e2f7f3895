package dev.ferry.controller.plan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of {@code spec.namespaces}: {@code src}, or {@code src:dest} when the namespace is
 * renamed on the destination. {@code entry} is the text as written, for messages.
 */
public record NamespacePair(String entry, String source, String destination) {
  // A namespace name is an RFC 1123 label.
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  public static NamespacePair parse(String entry) {
    String text = entry == null ? "" : entry.trim();
    int colon = text.indexOf(':');
    if (colon < 0) {
      return new NamespacePair(text, text, text);
    }
    return new NamespacePair(text, text.substring(0, colon), text.substring(colon + 1));
  }

  public static List<NamespacePair> parseAll(List<String> entries) {
    List<NamespacePair> pairs = new ArrayList<>();
    if (entries != null) {
      entries.forEach(e -> pairs.add(parse(e)));
    }
    return pairs;
  }

  /** Whether the destination name differs from the source name. */
  public boolean mapped() {
    return !source.equals(destination);
  }

  /** Whether both names are valid namespace names (and there is at most one colon). */
  public boolean valid() {
    return isDnsLabel(source) && isDnsLabel(destination);
  }

  public static boolean isDnsLabel(String name) {
    return name != null && name.length() <= 63 && DNS_LABEL.matcher(name).matches();
  }
}
