package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.KnownResources;
import java.util.ArrayList;
import java.util.List;

/**
 * Images pulled from the source cluster's internal registry are pushed to the destination's (by
 * the image migration), so references to {@code <sourceRegistry>/<ns>/<image>} become
 * {@code <destinationRegistry>/<mapped ns>/<image>}: in every pod template of any kind (pods,
 * workloads' {@code spec.template}, CronJobs' {@code spec.jobTemplate}, PodTemplates), in
 * DeploymentConfig triggers' last triggered image, and in ImageStream tags that point at
 * DockerImages. Digests and tags are kept as they are; images from other registries are untouched.
 */
public final class ImageReferenceRewrite implements RestoreTransform {

  private static final List<String> CONTAINER_LISTS =
      List.of("containers", "initContainers", "ephemeralContainers");

  /** Where pod specs live, by path from the object root. */
  private static final List<List<String>> POD_SPEC_PATHS = List.of(
      List.of("spec", "template", "spec"),
      List.of("spec", "jobTemplate", "spec", "template", "spec"),
      List.of("template", "spec"));

  @Override
  public String name() {
    return "ImageReferenceRewrite";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    Rewriter rewriter = Rewriter.of(context);
    if (rewriter == null) {
      return TransformResult.none();
    }
    List<JsonNode> ops = new ArrayList<>();
    if (KnownResources.PODS.equals(key.groupResource())) {
      rewritePodSpec(object.path("spec"), List.of("spec"), rewriter, ops);
    } else {
      for (List<String> path : POD_SPEC_PATHS) {
        JsonNode spec = object;
        for (String p : path) {
          spec = spec.path(p);
        }
        rewritePodSpec(spec, path, rewriter, ops);
      }
    }
    if (KnownResources.DEPLOYMENT_CONFIGS.equals(key.groupResource())) {
      JsonNode triggers = object.path("spec").path("triggers");
      for (int i = 0; i < triggers.size(); i++) {
        rewriteAt(triggers.get(i).path("imageChangeParams"), "lastTriggeredImage",
            JsonPatchOps.pointer("spec", "triggers", i, "imageChangeParams", "lastTriggeredImage"),
            rewriter, ops);
      }
    }
    if (KnownResources.IMAGE_STREAMS.equals(key.groupResource())) {
      rewriteImageStream(object, rewriter, ops);
    }
    return TransformResult.patches(ops);
  }

  private static void rewritePodSpec(JsonNode spec, List<String> path, Rewriter rewriter,
      List<JsonNode> ops) {
    if (!spec.isObject()) {
      return;
    }
    for (String list : CONTAINER_LISTS) {
      JsonNode containers = spec.path(list);
      for (int i = 0; i < containers.size(); i++) {
        List<Object> pointer = new ArrayList<>(path);
        pointer.add(list);
        pointer.add(i);
        pointer.add("image");
        rewriteAt(containers.get(i), "image", JsonPatchOps.pointer(pointer.toArray()), rewriter,
            ops);
      }
    }
  }

  private static void rewriteImageStream(JsonNode stream, Rewriter rewriter, List<JsonNode> ops) {
    JsonNode spec = stream.path("spec");
    rewriteAt(spec, "dockerImageRepository", "/spec/dockerImageRepository", rewriter, ops);
    JsonNode tags = spec.path("tags");
    for (int i = 0; i < tags.size(); i++) {
      JsonNode from = tags.get(i).path("from");
      if ("DockerImage".equals(ObjectPaths.text(from, "kind"))) {
        rewriteAt(from, "name", JsonPatchOps.pointer("spec", "tags", i, "from", "name"), rewriter,
            ops);
      }
    }
  }

  private static void rewriteAt(JsonNode parent, String field, String pointer, Rewriter rewriter,
      List<JsonNode> ops) {
    String rewritten = rewriter.rewrite(ObjectPaths.text(parent, field));
    if (rewritten != null) {
      ops.add(JsonPatchOps.replace(pointer, rewritten));
    }
  }

  /** The pure string rewrite, separate so it can be tested and reused. */
  record Rewriter(String sourcePrefix, String destination, TransformContext context) {

    /** Null when the context names no registries (nothing to rewrite). */
    static Rewriter of(TransformContext context) {
      String source = trim(context.sourceRegistry());
      String destination = trim(context.destinationRegistry());
      return source == null || destination == null
          ? null
          : new Rewriter(source + "/", destination, context);
    }

    /** The rewritten reference, or null if {@code image} is not in the source registry. */
    String rewrite(String image) {
      if (image == null || !image.startsWith(sourcePrefix)) {
        return null;
      }
      String rest = image.substring(sourcePrefix.length());
      int slash = rest.indexOf('/');
      if (slash > 0) {
        rest = context.mapNamespace(rest.substring(0, slash)) + rest.substring(slash);
      }
      String rewritten = destination + "/" + rest;
      return rewritten.equals(image) ? null : rewritten;
    }

    private static String trim(String registry) {
      if (registry == null) {
        return null;
      }
      String r = registry.strip();
      while (r.endsWith("/")) {
        r = r.substring(0, r.length() - 1);
      }
      return r.isEmpty() ? null : r;
    }
  }
}
