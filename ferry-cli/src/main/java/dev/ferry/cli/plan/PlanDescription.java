package dev.ferry.cli.plan;

import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.plan.MigPlanSpec;
import dev.ferry.api.migration.plan.PlanVolume;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.cli.output.VeleroFormat;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;

/**
 * {@code ferry plan describe}: the spec in short, the conditions that hold and the discovered
 * persistent volumes (PVC, CAPACITY, STORAGE CLASS, ACTION). Pure.
 */
public final class PlanDescription {
  static final String[] VOLUME_HEADERS = {"PVC", "CAPACITY", "STORAGE CLASS", "ACTION"};
  private final MigPlan plan;

  PlanDescription(MigPlan plan) {
    this.plan = plan;
  }

  String text() {
    MigPlanSpec spec = plan.getSpec() == null ? new MigPlanSpec() : plan.getSpec();
    TabAligner d = new TabAligner();
    d.printf("Name:\t%s\n", plan.getMetadata().getName());
    d.printf("Namespace:\t%s\n", MigrationFormat.nullToEmpty(plan.getMetadata().getNamespace()));
    d.printf("Source cluster:\t%s\n", orNone(PlanTable.ref(spec.getSrcMigClusterRef())));
    d.printf("Target cluster:\t%s\n", orNone(PlanTable.ref(spec.getDestMigClusterRef())));
    d.printf("Storage:\t%s\n", orNone(PlanTable.ref(spec.getMigStorageRef())));
    d.printf("Namespaces:\t%s\n", VeleroFormat.list(spec.getNamespaces(), VeleroFormat.NONE));
    d.printf("Closed:\t%s\n", PlanTable.closed(plan) ? "yes" : "no");
    d.printf("Ready:\t%s\n", PlanTable.ready(plan) ? "True" : "False");
    StringBuilder out = new StringBuilder(d.aligned());
    out.append("\nConditions:\n").append(MigrationFormat.conditions(
        plan.getStatus() == null ? null : plan.getStatus().getConditions()));
    out.append("\nPersistent volumes:\n");
    List<PlanVolume> volumes = spec.getPersistentVolumes() == null ? List.of() : spec.getPersistentVolumes();
    if (volumes.isEmpty()) {
      out.append("  ").append(VeleroFormat.NONE).append('\n');
    } else {
      out.append(MigrationFormat.indent(MigrationFormat.table(VOLUME_HEADERS, volumes.stream().map(v -> new String[] {
          claim(v), quantity(v.getCapacity()), storageClass(v),
          v.getSelection() == null || v.getSelection().getAction() == null ? "" : v.getSelection().getAction().value()})
          .toList())));
    }
    return out.toString();
  }

  private static String claim(PlanVolume volume) {
    if (volume.getPvc() == null) {
      return MigrationFormat.nullToEmpty(volume.getName());
    }
    String ns = volume.getPvc().getNamespace();
    return (ns == null ? "" : ns + "/") + MigrationFormat.nullToEmpty(volume.getPvc().getName());
  }

  /** The source class, and the destination's after an arrow when the selection changes it. */
  private static String storageClass(PlanVolume volume) {
    String source = MigrationFormat.nullToEmpty(volume.getStorageClass());
    String target = volume.getSelection() == null ? null : volume.getSelection().getStorageClass();
    return target == null || target.equals(source) ? source : source + " -> " + target;
  }

  private static String quantity(Quantity q) {
    return q == null ? "" : MigrationFormat.nullToEmpty(q.getAmount()) + MigrationFormat.nullToEmpty(q.getFormat());
  }

  private static String orNone(String value) {
    return value.isEmpty() ? VeleroFormat.NONE : value;
  }
}
