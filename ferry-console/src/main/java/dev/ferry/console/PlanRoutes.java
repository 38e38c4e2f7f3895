package dev.ferry.console;

import static dev.ferry.console.Route.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.migration.MigrationObjects;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Migration plans page: the wizard's plan and hooks, its edits, and starting a migration of a plan. */
record PlanRoutes(FerryObjects objects, ObjectMapper json, Clock clock) {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  List<Route> routes() {
    String namespace = objects.namespace();
    return List.of(
        Route.of("GET", "/api/hooks", c -> objects.list(MigHook.class)),
        Route.of("POST", "/api/hooks", c -> objects.create(ConsoleManifests.hook(c.body(), namespace))),
        Route.of("GET", "/api/plans", c -> objects.list(MigPlan.class)),
        Route.of("POST", "/api/plans", c -> objects.create(ConsoleManifests.plan(c.body(), namespace))),
        Route.of("GET", "/api/plans/" + NAME, c -> objects.get(MigPlan.class, c.part(1))),
        Route.of("PATCH", "/api/plans/" + NAME, c -> edit(c.part(1), c.body())),
        Route.of("DELETE", "/api/plans/" + NAME, c -> objects.delete(MigPlan.class, c.part(1), null)),
        Route.of("POST", "/api/plans/" + NAME + "/migrations", c -> migrate(c.part(1), c.body())));
  }

  /**
   * The wizard's steps, as edits of the plan's spec: clusters and repository, volume selections
   * (by PV name), image/volume migration options, hooks, namespaces. Only the fields given change.
   */
  private Object edit(String name, ObjectNode edit) {
    MigPlan plan = objects.get(MigPlan.class, name);
    ObjectNode spec = json.valueToTree(plan.getSpec());
    for (String field : List.of("indirectImageMigration", "indirectVolumeMigration", "closed")) {
      if (edit.has(field)) {
        spec.set(field, edit.get(field));
      }
    }
    // The general step, when the wizard edits a plan: clusters and repository by name.
    Map<String, String> references = Map.of("sourceCluster", "srcMigClusterRef",
        "destinationCluster", "destMigClusterRef", "storage", "migStorageRef");
    references.forEach((field, ref) -> {
      String value = ConsoleManifests.optional(edit, field);
      if (value != null) {
        spec.set(ref, json.valueToTree(MigrationObjects.ref(value, objects.namespace())));
      }
    });
    if (edit.has("hooks")) {
      // References name hooks of the plan's namespace, as MTC's console writes them.
      edit.get("hooks").forEach(h -> {
        if (!(h.path("reference") instanceof ObjectNode reference)) {
          throw ApiError.badRequest("each hook needs a reference {name: HOOK}");
        }
        reference.put("namespace", objects.namespace());
      });
      spec.set("hooks", edit.get("hooks"));
    }
    if (edit.has("namespaces")) {
      List<String> namespaces = new ArrayList<>();
      edit.get("namespaces").forEach(n -> namespaces.add(n.asText()));
      ConsoleManifests.checkNamespaces(namespaces);
      spec.set("namespaces", edit.get("namespaces"));
    }
    if (edit.has("persistentVolumes")) {
      selectVolumes(spec, edit.get("persistentVolumes"));
    }
    plan.setSpec(json.convertValue(spec, plan.getSpec().getClass()));
    return objects.update(plan);
  }

  /** The volumes step: each given selection replaces that PV's; a PV the plan does not list is refused. */
  private static void selectVolumes(ObjectNode spec, JsonNode given) {
    Map<String, JsonNode> selections = new LinkedHashMap<>();
    given.forEach(pv -> selections.put(pv.path("name").asText(), pv.path("selection")));
    JsonNode volumes = spec.path("persistentVolumes");
    for (JsonNode volume : volumes) {
      JsonNode selection = selections.remove(volume.path("name").asText());
      if (selection != null && !selection.isMissingNode()) {
        ((ObjectNode) volume).set("selection", selection);
      }
    }
    if (!selections.isEmpty()) {
      throw ApiError.badRequest("the plan has no persistent volume " + selections.keySet()
          + "; reload the plan's volumes");
    }
  }

  private Object migrate(String plan, ObjectNode body) {
    MigPlan found = objects.get(MigPlan.class, plan);
    if (Boolean.TRUE.equals(found.getSpec().getClosed())) {
      throw new ApiError(409, "plan " + plan + " is closed; no new migration may run for it");
    }
    String type = ConsoleManifests.required(body, "type", "stage, cutover or rollback");
    MigMigration migration = ConsoleManifests.migration(plan, objects.namespace(), type,
        body.path("quiescePods").asBoolean(true), STAMP.format(clock.instant()));
    return objects.create(migration);
  }
}
