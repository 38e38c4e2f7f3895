package dev.ferry.cli;

import dev.ferry.cli.output.OutputFormat;
import dev.ferry.cli.output.Printer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ferry version}: Ferry's own version (no cluster needed). */
@Command(name = "version", description = "Print Ferry's version.")
public class VersionCommand implements Callable<Integer> {
  @ParentCommand
  FerryCommand root;

  @Override
  public Integer call() {
    var props = FerryVersion.properties();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("version", props.getProperty("version", "unknown"));
    info.put("kubernetes", props.getProperty("kubernetes", "unknown"));
    info.put("java", System.getProperty("java.version"));
    Printer printer = new Printer(System.out);
    switch (root.outputOr(OutputFormat.table)) {
      case table -> printer.table(new String[] {"FERRY", "KUBERNETES", "JAVA"},
          java.util.Collections.singletonList(info.values().stream().map(String::valueOf).toArray(String[]::new)));
      case yaml -> printer.yaml(info);
      case json -> printer.json(info);
    }
    return 0;
  }
}
