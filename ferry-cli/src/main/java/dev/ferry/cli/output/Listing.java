package dev.ferry.cli.output;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints what a {@code get} found: a table, or the objects themselves (one, or a kubectl-style List). */
public final class Listing {
  private Listing() {
  }

  public static void print(OutputFormat format, boolean single, List<? extends HasMetadata> objects, String[] headers,
                    List<String[]> rows) {
    Printer printer = new Printer(System.out);
    Object value = single ? objects.get(0) : list(objects);
    switch (format) {
      case table -> printer.table(headers, rows);
      case yaml -> printer.yaml(value);
      case json -> printer.json(value);
    }
  }

  private static Map<String, Object> list(List<? extends HasMetadata> objects) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", objects);
    return list;
  }
}
