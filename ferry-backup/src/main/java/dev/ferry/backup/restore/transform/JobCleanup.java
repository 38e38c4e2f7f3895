package dev.ferry.backup.restore.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.KnownResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Jobs: completed ones and ones a CronJob will create again are not restored. The rest lose the
 * selector and {@code controller-uid} labels generated from the source Job's uid — the destination
 * generates its own, and a stale uid selector would match no pods (or be rejected).
 */
public final class JobCleanup implements RestoreTransform {

  static final List<String> CONTROLLER_UID_LABELS =
      List.of("controller-uid", "batch.kubernetes.io/controller-uid");

  @Override
  public String name() {
    return "JobCleanup";
  }

  @Override
  public TransformResult apply(ItemKey key, ObjectNode object, TransformContext context) {
    if (!KnownResources.JOBS.equals(key.groupResource())) {
      return TransformResult.none();
    }
    JsonNode cronJob = ObjectPaths.owner(object, Set.of("CronJob"), false);
    if (cronJob != null) {
      return TransformResult.drop("created by CronJob " + cronJob.path("name").asText()
          + ", which will run it again");
    }
    if (completed(object)) {
      return TransformResult.drop("job has completed");
    }
    JsonNode spec = object.path("spec");
    List<JsonNode> ops = new ArrayList<>();
    ObjectPaths.removeIfPresent(spec, "/spec", "selector", ops);
    ObjectPaths.removeIfPresent(spec, "/spec", "manualSelector", ops);
    // The Job's own labels default to the template's, so they carry the stale uid too.
    removeLabels(object.path("metadata").path("labels"), "/metadata/labels", ops);
    removeLabels(spec.path("template").path("metadata").path("labels"),
        "/spec/template/metadata/labels", ops);
    return TransformResult.patches(ops);
  }

  private static void removeLabels(JsonNode labels, String pointer, List<JsonNode> ops) {
    for (String label : CONTROLLER_UID_LABELS) {
      ObjectPaths.removeIfPresent(labels, pointer, label, ops);
    }
  }

  /** Condition Complete=True, or at least {@code completions} (default 1) pods succeeded. */
  static boolean completed(JsonNode job) {
    JsonNode status = job.path("status");
    for (JsonNode condition : status.path("conditions")) {
      if ("Complete".equals(condition.path("type").asText())
          && "True".equals(condition.path("status").asText())) {
        return true;
      }
    }
    int succeeded = status.path("succeeded").asInt(0);
    int completions = job.path("spec").path("completions").asInt(1);
    return succeeded > 0 && succeeded >= completions;
  }
}
