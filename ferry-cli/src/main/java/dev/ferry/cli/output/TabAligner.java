package dev.ferry.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as Velero's describe output configures it (min width 0, padding 2,
 * spaces): tab-terminated cells of consecutive lines form a column as wide as its widest cell
 * plus two. Writing the describe text with Velero's own tab layout and aligning it here gives
 * the exact spacing users know from {@code velero backup describe}.
 */
public final class TabAligner {
  private static final int PADDING = 2;
  private final StringBuilder text = new StringBuilder();

  public TabAligner printf(String format, Object... args) {
    text.append(args.length == 0 ? format : String.format(format, args));
    return this;
  }

  public TabAligner println() {
    text.append('\n');
    return this;
  }

  /** The aligned text. */
  public String aligned() {
    return align(text.toString());
  }

  static String align(String raw) {
    List<String[]> lines = new ArrayList<>();
    for (String line : raw.split("\n", -1)) {
      lines.add(line.split("\t", -1));
    }
    StringBuilder out = new StringBuilder();
    new Run(lines, out).format(0, lines.size(), new ArrayList<>());
    return out.toString();
  }

  /** One alignment pass; mirrors tabwriter.Writer.format/writeLines. */
  private record Run(List<String[]> lines, StringBuilder out) {

    void format(int line0, int line1, List<Integer> widths) {
      int column = widths.size();
      for (int i = line0; i < line1; i++) {
        // The last cell of a line is the text after its last tab: it belongs to no column.
        if (column >= lines.get(i).length - 1) {
          continue;
        }
        writeLines(line0, i, widths);
        line0 = i;
        int width = 0;
        for (; i < line1 && column < lines.get(i).length - 1; i++) {
          width = Math.max(width, length(lines.get(i)[column]) + PADDING);
        }
        widths.add(width);
        format(line0, i, widths);
        widths.remove(widths.size() - 1);
        line0 = i;
      }
      writeLines(line0, line1, widths);
    }

    private void writeLines(int line0, int line1, List<Integer> widths) {
      for (int i = line0; i < line1; i++) {
        String[] cells = lines.get(i);
        for (int j = 0; j < cells.length; j++) {
          out.append(cells[j]);
          if (j < widths.size()) {
            out.append(" ".repeat(widths.get(j) - length(cells[j])));
          }
        }
        if (i + 1 < lines.size()) {
          out.append('\n');
        }
      }
    }

    private static int length(String cell) {
      return cell.codePointCount(0, cell.length());
    }
  }
}
