package dev.ferry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict, simplified structural-schema check of a manifest against a CRD, as the API server does
 * with strict field validation: unknown fields, wrong types, values outside an enum, pattern
 * mismatches, too many items, missing required fields, and nulls where the schema is not nullable
 * (the server would silently drop them, so the manifest would not be stored unchanged).
 * Not a replacement for a real API server; a fast first line.
 */
final class SchemaCheck {

  private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "metadata");

  private SchemaCheck() {
  }

  /** The problems found, as path: message; empty if none. */
  static List<String> check(JsonNode manifest, CustomResourceDefinition crd) {
    List<String> errors = new ArrayList<>();
    JSONSchemaProps root = crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    Iterator<Map.Entry<String, JsonNode>> fields = manifest.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (TOP_LEVEL.contains(field.getKey())) {
        continue;
      }
      JSONSchemaProps schema = root.getProperties().get(field.getKey());
      if (schema == null) {
        errors.add("." + field.getKey() + ": unknown field");
      } else {
        check(field.getValue(), schema, "." + field.getKey(), errors);
      }
    }
    return errors;
  }

  private static void check(JsonNode value, JSONSchemaProps schema, String path, List<String> errors) {
    if (value.isNull()) {
      if (!Boolean.TRUE.equals(schema.getNullable())) {
        errors.add(path + ": null where the schema is not nullable (the API server would drop it)");
      }
      return;
    }
    if (Boolean.TRUE.equals(schema.getXKubernetesIntOrString())) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        errors.add(path + ": expected integer or string, got " + value.getNodeType());
      } else if (value.isTextual() && schema.getPattern() != null) {
        checkPattern(value.asText(), schema.getPattern(), path, errors);
      }
      return;
    }
    String type = schema.getType();
    if (type == null) {
      return; // x-kubernetes-preserve-unknown-fields without a type: anything goes
    }
    switch (type) {
      case "object" -> checkObject(value, schema, path, errors);
      case "array" -> {
        if (!value.isArray()) {
          errors.add(path + ": expected array, got " + value.getNodeType());
          return;
        }
        if (schema.getMaxItems() != null && value.size() > schema.getMaxItems()) {
          errors.add(path + ": more than " + schema.getMaxItems() + " items");
        }
        for (int i = 0; i < value.size(); i++) {
          check(value.get(i), schema.getItems().getSchema(), path + "[" + i + "]", errors);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          errors.add(path + ": expected string, got " + value.getNodeType() + " " + value);
          return;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()
            && schema.getEnum().stream().noneMatch(e -> e.asText().equals(value.asText()))) {
          errors.add(path + ": " + value.asText() + " is not one of " + schema.getEnum());
        }
        if (schema.getPattern() != null) {
          checkPattern(value.asText(), schema.getPattern(), path, errors);
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(path + ": expected integer, got " + value.getNodeType());
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          errors.add(path + ": expected number, got " + value.getNodeType());
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(path + ": expected boolean, got " + value.getNodeType() + " " + value);
        }
      }
      default -> errors.add(path + ": unsupported schema type " + type);
    }
  }

  private static void checkObject(JsonNode value, JSONSchemaProps schema, String path, List<String> errors) {
    if (!value.isObject()) {
      errors.add(path + ": expected object, got " + value.getNodeType());
      return;
    }
    if (schema.getRequired() != null) {
      for (String required : schema.getRequired()) {
        if (!value.has(required)) {
          errors.add(path + "." + required + ": required");
        }
      }
    }
    boolean preserve = Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields());
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String childPath = path + "." + field.getKey();
      JSONSchemaProps child = schema.getProperties() == null ? null : schema.getProperties().get(field.getKey());
      if (child != null) {
        check(field.getValue(), child, childPath, errors);
      } else if (schema.getAdditionalProperties() != null && schema.getAdditionalProperties().getSchema() != null) {
        check(field.getValue(), schema.getAdditionalProperties().getSchema(), childPath, errors);
      } else if (!preserve) {
        errors.add(childPath + ": unknown field");
      }
    }
  }

  private static void checkPattern(String text, String pattern, String path, List<String> errors) {
    if (!Pattern.compile(pattern).matcher(text).find()) {
      errors.add(path + ": " + text + " does not match " + pattern);
    }
  }
}
