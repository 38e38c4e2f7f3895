package dev.ferry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers shared by the ferry-api tests. */
public final class TestSupport {

  /** Plain YAML reader: scalars stay as YAML typed them (unquoted timestamps stay strings). */
  public static final ObjectMapper YAML = new YAMLMapper();

  private TestSupport() {
  }

  /** The repository root: system property ferry.repo.root (set by surefire), else the module's parent. */
  public static Path repoRoot() {
    String root = System.getProperty("ferry.repo.root");
    if (root != null && !root.isBlank()) {
      return Path.of(root).toAbsolutePath().normalize();
    }
    return Path.of("").toAbsolutePath().getParent();
  }

  /** The seed fixtures (test resources under seed/), sorted by name. */
  public static List<Path> seedFixtures() {
    URL dir = TestSupport.class.getClassLoader().getResource("seed");
    try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a YAML file as a tree. */
  public static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A normalized copy for comparisons: no null-valued fields, no objects that end up empty, and
   * integral numbers of any width made equal (an int read from YAML equals a long written back).
   */
  public static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = YAML.createObjectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = withoutNulls(field.getValue());
        if (!value.isNull() && !(value.isObject() && value.isEmpty())) {
          out.set(field.getKey(), value);
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = YAML.createArrayNode();
      node.forEach(item -> out.add(withoutNulls(item)));
      return out;
    }
    if (node.isIntegralNumber()) {
      return LongNode.valueOf(node.asLong());
    }
    return node;
  }

  /** An empty object node. */
  public static ObjectNode object() {
    return YAML.createObjectNode();
  }
}
