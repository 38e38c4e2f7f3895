package dev.ferry.cli.output;

import dev.ferry.cli.kube.LightSerialization;
import java.io.PrintStream;
import java.util.List;

/** Renders command results as an aligned table, YAML or JSON. */
public final class Printer {
  private final PrintStream out;

  public Printer(PrintStream out) {
    this.out = out;
  }

  public void table(String[] headers, List<String[]> rows) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i] == null ? 0 : row[i].length());
      }
    }
    printRow(headers, widths);
    rows.forEach(row -> printRow(row, widths));
  }

  private void printRow(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i] == null ? "" : cells[i];
      line.append(cell);
      if (i < cells.length - 1) {
        line.append(" ".repeat(widths[i] - cell.length() + 3));
      }
    }
    out.println(line.toString().stripTrailing());
  }

  public void yaml(Object value) {
    out.print(LightSerialization.get().asYaml(value));
  }

  public void json(Object value) {
    try {
      out.println(LightSerialization.jsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render JSON: " + e.getOriginalMessage(), e);
    }
  }
}
