package dev.ferry.controller.plan;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanHook;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.plan.model.NamespacePair;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * What else makes a plan validate again at once, rather than at its two-minute recheck: a
 * change of a MigCluster, MigStorage or MigHook it references, and a spec change (or creation,
 * deletion) of another plan sharing one of its namespaces, which may start or end a PlanConflict.
 */
final class PlanEventSources {
  private PlanEventSources() {
  }

  static List<EventSource<?, MigPlan>> create(EventSourceContext<MigPlan> context) {
    IndexerResourceCache<MigPlan> plans = context.getPrimaryCache();
    return List.of(
        referenced(context, plans, MigCluster.class, "plan-clusters",
            (plan, c) -> names(plan, plan.getSpec().getSrcMigClusterRef(), c)
                || names(plan, plan.getSpec().getDestMigClusterRef(), c)),
        referenced(context, plans, MigStorage.class, "plan-storages",
            (plan, s) -> names(plan, plan.getSpec().getMigStorageRef(), s)),
        referenced(context, plans, MigHook.class, "plan-hooks",
            (plan, h) -> plan.getSpec().getHooks() != null && plan.getSpec().getHooks().stream()
                .map(MigPlanHook::getReference).anyMatch(r -> names(plan, r, h))),
        peers(context, plans));
  }

  private static <R extends HasMetadata> InformerEventSource<R, MigPlan> referenced(
      EventSourceContext<MigPlan> context, IndexerResourceCache<MigPlan> plans, Class<R> type, String name,
      BiPredicate<MigPlan, R> references) {
    var config = InformerEventSourceConfiguration.from(type, MigPlan.class)
        .withName(name)
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper((R r) -> plans.list(p -> p.getSpec() != null && references.test(p, r))
            .map(ResourceID::fromResource).collect(Collectors.toSet()))
        .build();
    return new InformerEventSource<>(config, context);
  }

  private static InformerEventSource<MigPlan, MigPlan> peers(EventSourceContext<MigPlan> context,
                                                            IndexerResourceCache<MigPlan> plans) {
    var config = InformerEventSourceConfiguration.from(MigPlan.class, MigPlan.class)
        .withName("plan-peers")
        .withNamespacesInheritedFromController()
        // Status changes do not move namespaces between plans; only spec changes can.
        .withOnUpdateFilter((MigPlan now, MigPlan before) ->
            !Objects.equals(now.getMetadata().getGeneration(), before.getMetadata().getGeneration()))
        .withSecondaryToPrimaryMapper((MigPlan changed) -> {
          Set<String> theirs = sources(changed);
          return plans.list(p -> !p.getMetadata().getName().equals(changed.getMetadata().getName())
                  && sources(p).stream().anyMatch(theirs::contains))
              .map(ResourceID::fromResource).collect(Collectors.toSet());
        })
        .build();
    return new InformerEventSource<>(config, context);
  }

  private static Set<String> sources(MigPlan plan) {
    return plan.getSpec() == null ? Set.of() : NamespacePair.parseAll(plan.getSpec().getNamespaces()).stream()
        .map(NamespacePair::source).collect(Collectors.toSet());
  }

  private static boolean names(MigPlan plan, ObjectReference ref, HasMetadata target) {
    if (ref == null || ref.getName() == null) {
      return false;
    }
    String ns = ref.getNamespace() == null || ref.getNamespace().isBlank() ? plan.getMetadata().getNamespace()
        : ref.getNamespace();
    return ref.getName().equals(target.getMetadata().getName()) && ns.equals(target.getMetadata().getNamespace());
  }
}
