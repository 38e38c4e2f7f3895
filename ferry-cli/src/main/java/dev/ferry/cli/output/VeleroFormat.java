package dev.ferry.cli.output;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How Velero's CLI prints values (Go's time format, kubectl's short durations, label selectors). */
public final class VeleroFormat {
  public static final String NONE = "<none>";
  private static final DateTimeFormatter GO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'")
      .withZone(ZoneOffset.UTC);

  private VeleroFormat() {
  }

  /** An RFC 3339 timestamp as Go prints a time.Time in UTC: {@code 2026-11-28 12:00:00 +0000 UTC}. */
  public static String time(String rfc3339, String ifMissing) {
    Instant instant = instant(rfc3339);
    return instant == null ? ifMissing : GO_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  public static Instant instant(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(rfc3339);
    } catch (DateTimeParseException e) {
      return java.time.OffsetDateTime.parse(rfc3339).toInstant();
    }
  }

  /** Velero's EXPIRES column: {@code 29d} ahead, {@code 3h ago} behind, {@code n/a} when unknown. */
  public static String fromNow(String rfc3339, Clock clock) {
    Instant when = instant(rfc3339);
    if (when == null) {
      return "n/a";
    }
    Instant now = Instant.now(clock);
    return when.isBefore(now) ? shortHumanDuration(Duration.between(when, now)) + " ago"
        : shortHumanDuration(Duration.between(now, when));
  }

  /** Kubernetes' duration.ShortHumanDuration (the AGE column of kubectl). */
  public static String shortHumanDuration(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60) {
      return seconds + "s";
    } else if (seconds < 3600) {
      return seconds / 60 + "m";
    }
    long hours = seconds / 3600;
    if (hours < 24) {
      return hours + "h";
    } else if (hours < 24 * 365) {
      return hours / 24 + "d";
    }
    return hours / 24 / 365 + "y";
  }

  /** metav1.FormatLabelSelector: requirements sorted by key, {@code <none>} when empty. */
  public static String selector(LabelSelector selector) {
    if (selector == null) {
      return NONE;
    }
    record Term(String key, String text) {
    }
    List<Term> terms = new ArrayList<>();
    if (selector.getMatchLabels() != null) {
      selector.getMatchLabels().forEach((k, v) -> terms.add(new Term(k, k + "=" + v)));
    }
    if (selector.getMatchExpressions() != null) {
      for (LabelSelectorRequirement e : selector.getMatchExpressions()) {
        List<String> values = e.getValues() == null ? List.of() : e.getValues().stream().sorted().toList();
        String text = switch (e.getOperator() == null ? "" : e.getOperator()) {
          case "In" -> e.getKey() + " in (" + String.join(",", values) + ")";
          case "NotIn" -> e.getKey() + " notin (" + String.join(",", values) + ")";
          case "Exists" -> e.getKey();
          case "DoesNotExist" -> "!" + e.getKey();
          default -> e.getKey() + " " + e.getOperator() + " (" + String.join(",", values) + ")";
        };
        terms.add(new Term(e.getKey(), text));
      }
    }
    terms.sort(Comparator.comparing(Term::key));
    return terms.isEmpty() ? NONE : String.join(",", terms.stream().map(Term::text).toList());
  }

  /** A comma-separated list, or {@code ifEmpty}. */
  public static String list(List<String> values, String ifEmpty) {
    return values == null || values.isEmpty() ? ifEmpty : String.join(", ", values);
  }

  /** Velero's BoolPointerString. */
  public static String bool(Boolean value, String ifFalse, String ifTrue, String ifNull) {
    return value == null ? ifNull : value ? ifTrue : ifFalse;
  }

  /** Velero's DescribeMap: {@code k=v} lines sorted by key, aligned under the first; {@code <none>} when empty. */
  public static void describeMap(TabAligner d, String name, Map<String, String> map) {
    d.printf("%s:\t", name);
    if (map == null || map.isEmpty()) {
      d.printf("%s\n", NONE);
      return;
    }
    String prefix = "";
    for (Map.Entry<String, String> entry : new TreeMap<>(map).entrySet()) {
      d.printf("%s%s=%s\n", prefix, entry.getKey(), entry.getValue());
      prefix = "\t";
    }
  }

  public static int count(Integer value) {
    return value == null ? 0 : value;
  }
}
