package dev.ferry.controller.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Prometheus text-format scrapes, taken one after another, into one OpenMetrics text that
 * {@code promtool tsdb create-blocks-from openmetrics} imports: every sample carries its scrape's
 * timestamp (seconds), each metric family appears once (its HELP and TYPE, then its samples of
 * every scrape in time order: OpenMetrics forbids interleaved families), and the text ends in
 * {@code # EOF}. Pure.
 */
public final class OpenMetricsSeries {
  public static final String CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private OpenMetricsSeries() {
  }

  /** One scrape's text and when it was taken. */
  public record Scrape(Instant at, String text) {
  }

  /** {@code scrapes} in time order. */
  public static String of(List<Scrape> scrapes) {
    Map<String, Family> families = new LinkedHashMap<>();
    for (Scrape scrape : scrapes) {
      String seconds = scrape.at().getEpochSecond() + "." + String.format("%03d", scrape.at().getNano() / 1_000_000);
      String current = null;
      for (String line : scrape.text().split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.equals("# EOF")) {
          continue;
        }
        if (trimmed.startsWith("# HELP ") || trimmed.startsWith("# TYPE ")) {
          current = nameAfterKeyword(trimmed);
          families.computeIfAbsent(current, f -> new Family()).headers.add(trimmed);
          continue;
        }
        if (trimmed.startsWith("#")) {
          continue;
        }
        String family = current != null && belongsTo(sampleName(trimmed), current) ? current : sampleName(trimmed);
        families.computeIfAbsent(family, f -> new Family()).samples.add(trimmed + " " + seconds);
      }
    }
    StringBuilder out = new StringBuilder();
    families.values().forEach(f -> {
      f.headers.forEach(h -> out.append(h).append('\n'));
      f.samples.forEach(s -> out.append(s).append('\n'));
    });
    return out.append("# EOF\n").toString();
  }

  private static final class Family {
    final Set<String> headers = new LinkedHashSet<>();
    final List<String> samples = new ArrayList<>();
  }

  private static String nameAfterKeyword(String header) {
    String rest = header.substring("# HELP ".length());
    int space = rest.indexOf(' ');
    return space < 0 ? rest : rest.substring(0, space);
  }

  private static String sampleName(String sample) {
    int end = 0;
    while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
      end++;
    }
    return sample.substring(0, end);
  }

  /** A histogram's or summary's {@code _bucket}, {@code _sum}, {@code _count} samples belong to its family. */
  private static boolean belongsTo(String sample, String family) {
    return sample.equals(family) || sample.startsWith(family + "_");
  }
}
