package dev.ferry.cli.mover;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --tag k=v} options as a map. */
final class Tags {
  private Tags() {
  }

  static Map<String, String> parse(CommandSpec spec, List<String> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String tag : tags == null ? List.<String>of() : tags) {
      int eq = tag.indexOf('=');
      if (eq <= 0) {
        throw new ParameterException(spec.commandLine(), "--tag must be KEY=VALUE, not '" + tag + "'");
      }
      map.put(tag.substring(0, eq), tag.substring(eq + 1));
    }
    return map;
  }
}
