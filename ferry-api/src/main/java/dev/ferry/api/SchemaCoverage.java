package dev.ferry.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether one CRD's schema keeps everything another's does: for every field of the
 * {@code wanted} schema, the {@code have} schema has the field with the same type, no enum
 * that leaves out a wanted value, and keeps unknown fields wherever the wanted one does. A
 * field missing from {@code have} would be pruned by the API server — the data loss Ferry
 * must never cause in a Velero installation. Pure: no cluster access.
 */
public final class SchemaCoverage {

  private static final java.util.Set<String> ROOT_FIELDS = java.util.Set.of("apiVersion", "kind", "metadata");

  private SchemaCoverage() {
  }

  /**
   * What {@code have} would lose or reject of what {@code wanted} stores, one line per
   * problem ("spec.hooks.resources[].name: missing"), for every version of {@code wanted};
   * empty when {@code have} covers it.
   */
  public static List<String> gaps(CustomResourceDefinition wanted, CustomResourceDefinition have) {
    List<String> gaps = new ArrayList<>();
    for (CustomResourceDefinitionVersion w : wanted.getSpec().getVersions()) {
      CustomResourceDefinitionVersion h = have.getSpec().getVersions().stream()
          .filter(v -> v.getName().equals(w.getName())).findFirst().orElse(null);
      if (h == null) {
        gaps.add("version " + w.getName() + ": missing");
        continue;
      }
      if (!Objects.equals(subresourceNames(w), subresourceNames(h))) {
        gaps.add("version " + w.getName() + ": subresources " + subresourceNames(h) + " instead of "
            + subresourceNames(w));
      }
      compare("", schema(w), schema(h), gaps);
    }
    return gaps;
  }

  /** Field-level comparison of two schemas (see the class comment); paths are relative to the roots. */
  public static List<String> gaps(JSONSchemaProps wanted, JSONSchemaProps have) {
    List<String> gaps = new ArrayList<>();
    compare("", wanted, have, gaps);
    return gaps;
  }

  private static JSONSchemaProps schema(CustomResourceDefinitionVersion v) {
    return v.getSchema() == null ? null : v.getSchema().getOpenAPIV3Schema();
  }

  private static List<String> subresourceNames(CustomResourceDefinitionVersion v) {
    List<String> names = new ArrayList<>();
    if (v.getSubresources() != null && v.getSubresources().getStatus() != null) {
      names.add("status");
    }
    if (v.getSubresources() != null && v.getSubresources().getScale() != null) {
      names.add("scale");
    }
    return names;
  }

  private static void compare(String path, JSONSchemaProps wanted, JSONSchemaProps have, List<String> gaps) {
    if (wanted == null) {
      return;
    }
    String at = path.isEmpty() ? "(root)" : path;
    if (have == null) {
      gaps.add(at + ": missing");
      return;
    }
    if (preserves(have)) {
      return; // everything below is kept as written
    }
    if (preserves(wanted)) {
      gaps.add(at + ": does not keep unknown fields");
      return;
    }
    if (wanted.getType() != null && have.getType() != null && !wanted.getType().equals(have.getType())) {
      gaps.add(at + ": type " + have.getType() + " instead of " + wanted.getType());
      return;
    }
    if (have.getEnum() != null && !have.getEnum().isEmpty()) {
      if (wanted.getEnum() == null || wanted.getEnum().isEmpty()) {
        gaps.add(at + ": restricted to " + values(have) + " (any value wanted)");
      } else if (!values(have).containsAll(values(wanted))) {
        List<String> lacking = new ArrayList<>(values(wanted));
        lacking.removeAll(values(have));
        gaps.add(at + ": enum lacks " + lacking);
      }
    }
    Map<String, JSONSchemaProps> wantedProps = wanted.getProperties();
    if (wantedProps != null) {
      Map<String, JSONSchemaProps> haveProps = have.getProperties() == null ? Map.of() : have.getProperties();
      for (Map.Entry<String, JSONSchemaProps> e : wantedProps.entrySet()) {
        if (path.isEmpty() && ROOT_FIELDS.contains(e.getKey())) {
          continue; // the API server keeps these whatever the schema says
        }
        String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (!haveProps.containsKey(e.getKey())) {
          gaps.add(child + ": missing");
        } else {
          compare(child, e.getValue(), haveProps.get(e.getKey()), gaps);
        }
      }
    }
    if (wanted.getItems() != null && wanted.getItems().getSchema() != null) {
      compare(path + "[]", wanted.getItems().getSchema(),
          have.getItems() == null ? null : have.getItems().getSchema(), gaps);
    }
    if (wanted.getAdditionalProperties() != null && wanted.getAdditionalProperties().getSchema() != null) {
      JSONSchemaProps haveValues = have.getAdditionalProperties() == null ? null
          : have.getAdditionalProperties().getSchema();
      if (haveValues == null && (have.getAdditionalProperties() == null
          || !Boolean.TRUE.equals(have.getAdditionalProperties().getAllows()))) {
        gaps.add(path + "{}: map values missing");
      } else {
        compare(path + "{}", wanted.getAdditionalProperties().getSchema(), haveValues, gaps);
      }
    }
  }

  private static boolean preserves(JSONSchemaProps s) {
    return Boolean.TRUE.equals(s.getXKubernetesPreserveUnknownFields());
  }

  private static List<String> values(JSONSchemaProps s) {
    return s.getEnum().stream().map(n -> n.isTextual() ? n.asText() : n.toString()).toList();
  }
}
