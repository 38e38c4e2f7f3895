package dev.ferry.api.docs;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.Crds;
import dev.ferry.api.Crds.Crd;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders the Markdown reference of every Ferry kind ({@code docs/api.md}) from the generated CRDs:
 * per kind its group, version, names, description and printer columns, then every field under spec
 * and status with type, default, allowed values and description.
 *
 * <p>Run {@link #main} with a target file to write it, or let {@code ApiDocIsCurrentTest} rewrite
 * {@code docs/api.md} with {@code -Dferry.updateDocs=true}.
 */
public final class ApiDocRenderer {

  /** The command that regenerates docs/api.md, run from the repository root. */
  public static final String REGENERATE_COMMAND =
      "mvn -B -q -o -pl ferry-api test -Dtest=ApiDocIsCurrentTest -Dferry.updateDocs=true";

  /** Object shapes of fabric8 model types, shown by name instead of field by field. */
  private static final Map<Set<String>, String> KNOWN_TYPES = Map.of(
      Set.of("apiVersion", "fieldPath", "kind", "name", "namespace", "resourceVersion", "uid"), "ObjectReference",
      Set.of("matchExpressions", "matchLabels"), "LabelSelector",
      Set.of("key", "name", "optional"), "SecretKeySelector",
      Set.of("apiGroup", "kind", "name"), "TypedLocalObjectReference");

  private ApiDocRenderer() {
  }

  /** Writes the reference to the file given as first argument, or to standard output. */
  public static void main(String[] args) throws IOException {
    String doc = render(Crds.all());
    if (args.length == 0) {
      System.out.print(doc);
    } else {
      Files.writeString(Path.of(args[0]), doc, StandardCharsets.UTF_8);
    }
  }

  /** The Markdown reference of the given CRDs, in their order. */
  public static String render(List<Crd> crds) {
    StringBuilder out = new StringBuilder();
    out.append("# Ferry API reference\n\n")
        .append("Every custom resource kind Ferry serves: `migration.openshift.io/v1alpha1` (compatible with MTC) ")
        .append("and `velero.io/v1` (compatible with Velero). Generated from the CRDs in `deploy/crds/` by ")
        .append("`dev.ferry.api.docs.ApiDocRenderer`; do not edit by hand. To regenerate, run from the ")
        .append("repository root:\n\n")
        .append("```\n").append(REGENERATE_COMMAND).append("\n```\n\n")
        .append("Field paths use `[]` for the items of a list. Times are RFC 3339 strings. ")
        .append("`ObjectReference`, `LabelSelector` and `SecretKeySelector` are the Kubernetes types of those names.\n\n");
    Map<String, List<Crd>> byApi = new TreeMap<>();
    for (Crd crd : crds) {
      byApi.computeIfAbsent(apiVersion(crd.definition()), k -> new ArrayList<>()).add(crd);
    }
    out.append("## Contents\n\n");
    for (Map.Entry<String, List<Crd>> api : byApi.entrySet()) {
      out.append("- `").append(api.getKey()).append("`\n");
      for (Crd crd : api.getValue()) {
        out.append("  - [").append(crd.kind()).append("](#").append(crd.kind().toLowerCase()).append(")\n");
      }
    }
    out.append('\n');
    for (Crd crd : crds) {
      renderKind(out, crd);
    }
    return out.toString();
  }

  private static String apiVersion(CustomResourceDefinition def) {
    return def.getSpec().getGroup() + "/" + def.getSpec().getVersions().get(0).getName();
  }

  private static void renderKind(StringBuilder out, Crd crd) {
    CustomResourceDefinition def = crd.definition();
    CustomResourceDefinitionVersion version = def.getSpec().getVersions().get(0);
    var names = def.getSpec().getNames();
    out.append("## ").append(names.getKind()).append("\n\n");
    out.append("| | |\n|---|---|\n");
    out.append("| API version | `").append(apiVersion(def)).append("` |\n");
    out.append("| Kind | `").append(names.getKind()).append("` |\n");
    out.append("| Resource | `").append(names.getPlural()).append("` (singular `").append(names.getSingular())
        .append("`) |\n");
    if (names.getShortNames() != null && !names.getShortNames().isEmpty()) {
      out.append("| Short names | ").append(names.getShortNames().stream().map(s -> "`" + s + "`")
          .collect(Collectors.joining(", "))).append(" |\n");
    }
    out.append("| Scope | ").append(def.getSpec().getScope()).append(" |\n");
    out.append("| CRD | `deploy/crds/").append(crd.fileName()).append("` |\n\n");
    JsonClassDescription description = crd.type().getAnnotation(JsonClassDescription.class);
    if (description != null) {
      out.append(description.value()).append("\n\n");
    }
    List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
    if (columns != null && !columns.isEmpty()) {
      out.append("Printer columns (`kubectl get ").append(names.getPlural()).append("`):\n\n");
      out.append("| Column | JSONPath | Type |\n|---|---|---|\n");
      for (CustomResourceColumnDefinition col : columns) {
        out.append("| ").append(col.getName()).append(" | `").append(cell(col.getJsonPath())).append("` | ")
            .append(col.getType()).append(" |\n");
      }
      out.append('\n');
    }
    out.append("| Field | Type | Default | Allowed values | Description |\n|---|---|---|---|---|\n");
    Map<String, JSONSchemaProps> top = version.getSchema().getOpenAPIV3Schema().getProperties();
    for (String part : List.of("spec", "status")) {
      if (top.containsKey(part)) {
        renderField(out, part, top.get(part));
      }
    }
    out.append('\n');
  }

  private static void renderField(StringBuilder out, String path, JSONSchemaProps schema) {
    out.append("| `").append(path).append("` | ").append(typeOf(schema)).append(" | ")
        .append(schema.getDefault() == null ? "" : "`" + cell(schema.getDefault().toString()) + "`").append(" | ")
        .append(allowed(schema)).append(" | ").append(cell(describe(schema))).append(" |\n");
    JSONSchemaProps object = schema;
    String prefix = path;
    while ("array".equals(object.getType()) && object.getItems() != null) {
      object = object.getItems().getSchema();
      prefix = prefix + "[]";
    }
    if (object.getProperties() != null && knownType(object) == null) {
      for (Map.Entry<String, JSONSchemaProps> child : new TreeMap<>(object.getProperties()).entrySet()) {
        renderField(out, prefix + "." + child.getKey(), child.getValue());
      }
    }
  }

  /**
   * The name of the Kubernetes type an object schema has the shape of (ObjectReference,
   * LabelSelector, SecretKeySelector), or null.
   */
  public static String knownType(JSONSchemaProps schema) {
    return schema.getProperties() == null ? null : KNOWN_TYPES.get(schema.getProperties().keySet());
  }

  static String typeOf(JSONSchemaProps schema) {
    if ("array".equals(schema.getType())) {
      return "[]" + (schema.getItems() == null ? "any" : typeOf(schema.getItems().getSchema()));
    }
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      return "int-or-string";
    }
    if (schema.getType() == null) {
      return Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields()) ? "any" : "object";
    }
    if ("object".equals(schema.getType())) {
      String known = knownType(schema);
      if (known != null) {
        return known;
      }
      if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
        return "map[string]" + typeOf(schema.getAdditionalProperties().getSchema());
      }
      return "object";
    }
    return schema.getType();
  }

  private static String allowed(JSONSchemaProps schema) {
    List<String> parts = new ArrayList<>();
    JSONSchemaProps values = schema;
    while ("array".equals(values.getType()) && values.getItems() != null) {
      values = values.getItems().getSchema();
    }
    if (values.getEnum() != null && !values.getEnum().isEmpty()) {
      parts.add(values.getEnum().stream().map(JsonNode::asText).map(v -> "`" + v + "`")
          .collect(Collectors.joining(", ")));
    }
    if (schema.getMaxItems() != null) {
      parts.add("at most " + schema.getMaxItems() + " items");
    }
    if (schema.getPattern() != null) {
      parts.add("pattern `" + cell(schema.getPattern()) + "`");
    }
    return String.join("; ", parts);
  }

  private static String describe(JSONSchemaProps schema) {
    String text = schema.getDescription() == null ? "" : schema.getDescription();
    if (Boolean.TRUE.equals(schema.getNullable())) {
      text += (text.isEmpty() ? "" : " ") + "May be null.";
    }
    if (Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields()) && "object".equals(schema.getType())) {
      text += (text.isEmpty() ? "" : " ") + "Unknown fields are kept.";
    }
    return text;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
