package dev.ferry.cli.output;

import dev.ferry.api.common.Condition;
import dev.ferry.api.common.ConditionedStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.util.List;

/**
 * How one kind of migration object is named, listed ({@code get}) and described ({@code describe})
 * by the CLI. Pure: implementations turn an object into text.
 */
public interface ObjectView<T extends HasMetadata> {
  Class<T> type();

  /** The word users see: "cluster", "storage", "hook", "migration plan". */
  String noun();

  /** The CLI group that lists these objects: "cluster", "storage", "hook", "plan". */
  String command();

  String[] headers();

  String[] row(T object, Clock clock);

  String describe(T object);

  default List<String[]> rows(List<T> objects, Clock clock) {
    return objects.stream().sorted(java.util.Comparator.comparing(o -> o.getMetadata().getName()))
        .map(o -> row(o, clock)).toList();
  }

  /** Whether the status holds a Ready condition (status True or unset, as MTC writes it). */
  static boolean ready(ConditionedStatus status) {
    return status != null && status.getConditions() != null && status.getConditions().stream()
        .anyMatch(c -> Condition.READY.equals(c.getType()) && (c.getStatus() == null
            || Condition.TRUE.equals(c.getStatus())));
  }

  static String readyColumn(ConditionedStatus status) {
    return ready(status) ? "True" : "False";
  }

  static String conditions(ConditionedStatus status) {
    return MigrationFormat.conditions(status == null ? null : status.getConditions());
  }
}
