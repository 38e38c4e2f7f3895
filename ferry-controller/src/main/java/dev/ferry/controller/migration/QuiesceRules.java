package dev.ferry.controller.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * How each kind of workload is stopped on the source during a cutover and started again on
 * rollback or cancel, as JSON merge patches. The value a workload had is saved in an annotation
 * the first time, so quiescing twice (a restarted controller) never loses it. Model only.
 */
public final class QuiesceRules {
  public static final String REPLICAS = "migration.openshift.io/preQuiesceReplicas";
  public static final String NODE_SELECTOR = "migration.openshift.io/preQuiesceNodeSelector";
  public static final String PARALLELISM = "migration.openshift.io/preQuiesceParallelism";
  public static final String SUSPEND = "migration.openshift.io/preQuiesceSuspend";
  /** A node selector no node matches: DaemonSet pods go away without deleting the DaemonSet. */
  public static final String IMPOSSIBLE_NODE_LABEL = "migration.openshift.io/quiesceDaemonSet";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private QuiesceRules() {
  }

  /** The kinds quiesced, as {@code apiVersion/Kind}. */
  public static final java.util.List<String[]> KINDS = java.util.List.of(
      new String[] {"apps/v1", "Deployment", "deployments"},
      new String[] {"apps.openshift.io/v1", "DeploymentConfig", "deploymentconfigs"},
      new String[] {"apps/v1", "StatefulSet", "statefulsets"},
      new String[] {"apps/v1", "ReplicaSet", "replicasets"},
      new String[] {"apps/v1", "DaemonSet", "daemonsets"},
      new String[] {"batch/v1", "Job", "jobs"},
      new String[] {"batch/v1", "CronJob", "cronjobs"});

  /** The patch that stops {@code object}, or empty if it is already stopped or not ours to stop. */
  public static Optional<ObjectNode> quiesce(String kind, JsonNode object) {
    JsonNode annotations = object.path("metadata").path("annotations");
    JsonNode spec = object.path("spec");
    switch (kind) {
      case "Deployment", "DeploymentConfig", "StatefulSet", "ReplicaSet" -> {
        if (kind.equals("ReplicaSet") && object.path("metadata").path("ownerReferences").size() > 0) {
          return Optional.empty(); // its Deployment is quiesced instead
        }
        int replicas = spec.path("replicas").asInt(1);
        if (annotations.has(REPLICAS)) {
          return replicas == 0 ? Optional.empty() : Optional.of(specPatch(null, "replicas", NODES.numberNode(0)));
        }
        return Optional.of(specPatch(annotation(REPLICAS, String.valueOf(replicas)), "replicas", NODES.numberNode(0)));
      }
      case "DaemonSet" -> {
        if (annotations.has(NODE_SELECTOR)) {
          return Optional.empty();
        }
        JsonNode selector = spec.path("template").path("spec").path("nodeSelector");
        ObjectNode patch = annotation(NODE_SELECTOR, selector.isMissingNode() || selector.isNull() ? "{}"
            : selector.toString());
        ObjectNode nodeSelector = NODES.objectNode();
        // Merge patch: null removes the workload's own keys, then the impossible label is added.
        selector.fieldNames().forEachRemaining(k -> nodeSelector.putNull(k));
        nodeSelector.put(IMPOSSIBLE_NODE_LABEL, "true");
        patch.putObject("spec").putObject("template").putObject("spec").set("nodeSelector", nodeSelector);
        return Optional.of(patch);
      }
      case "Job" -> {
        if (annotations.has(PARALLELISM) || object.path("status").path("completionTime").isTextual()) {
          return Optional.empty();
        }
        int parallelism = spec.path("parallelism").asInt(1);
        return Optional.of(specPatch(annotation(PARALLELISM, String.valueOf(parallelism)), "parallelism",
            NODES.numberNode(0)));
      }
      case "CronJob" -> {
        if (annotations.has(SUSPEND)) {
          return Optional.empty();
        }
        boolean suspended = spec.path("suspend").asBoolean(false);
        return Optional.of(specPatch(annotation(SUSPEND, String.valueOf(suspended)), "suspend",
            NODES.booleanNode(true)));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** The patch that restores what {@link #quiesce} saved, or empty if nothing was saved. */
  public static Optional<ObjectNode> unquiesce(String kind, JsonNode object) {
    JsonNode annotations = object.path("metadata").path("annotations");
    switch (kind) {
      case "Deployment", "DeploymentConfig", "StatefulSet", "ReplicaSet" -> {
        if (!annotations.has(REPLICAS)) {
          return Optional.empty();
        }
        return Optional.of(specPatch(removeAnnotation(REPLICAS), "replicas",
            NODES.numberNode(Integer.parseInt(annotations.get(REPLICAS).asText()))));
      }
      case "DaemonSet" -> {
        if (!annotations.has(NODE_SELECTOR)) {
          return Optional.empty();
        }
        ObjectNode nodeSelector = NODES.objectNode();
        nodeSelector.putNull(IMPOSSIBLE_NODE_LABEL);
        try {
          JsonNode saved = JSON.readTree(annotations.get(NODE_SELECTOR).asText());
          saved.fields().forEachRemaining(e -> nodeSelector.set(e.getKey(), e.getValue()));
        } catch (java.io.IOException e) {
          throw new IllegalStateException("annotation " + NODE_SELECTOR + " is not JSON: " + e.getMessage(), e);
        }
        ObjectNode patch = removeAnnotation(NODE_SELECTOR);
        patch.putObject("spec").putObject("template").putObject("spec").set("nodeSelector", nodeSelector);
        return Optional.of(patch);
      }
      case "Job" -> {
        if (!annotations.has(PARALLELISM)) {
          return Optional.empty();
        }
        return Optional.of(specPatch(removeAnnotation(PARALLELISM), "parallelism",
            NODES.numberNode(Integer.parseInt(annotations.get(PARALLELISM).asText()))));
      }
      case "CronJob" -> {
        if (!annotations.has(SUSPEND)) {
          return Optional.empty();
        }
        return Optional.of(specPatch(removeAnnotation(SUSPEND), "suspend",
            NODES.booleanNode(Boolean.parseBoolean(annotations.get(SUSPEND).asText()))));
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static ObjectNode annotation(String key, String value) {
    ObjectNode patch = NODES.objectNode();
    patch.putObject("metadata").putObject("annotations").put(key, value);
    return patch;
  }

  private static ObjectNode removeAnnotation(String key) {
    ObjectNode patch = NODES.objectNode();
    patch.putObject("metadata").putObject("annotations").putNull(key);
    return patch;
  }

  private static ObjectNode specPatch(ObjectNode base, String field, JsonNode value) {
    ObjectNode patch = base == null ? NODES.objectNode() : base;
    patch.putObject("spec").set(field, value);
    return patch;
  }
}
