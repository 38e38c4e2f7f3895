package dev.ferry.cli.migration;

import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.migration.MigMigrationSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds the MigMigration that {@code ferry migrate} and {@code ferry rollback} create. Pure. */
public final class MigrationRequest {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
      .withZone(ZoneOffset.UTC);

  private MigrationRequest() {
  }

  /** {@code PLAN-<type>-<yyyyMMddHHmmss>} (UTC). */
  static String defaultName(String plan, String type, Clock clock) {
    return plan + "-" + type + "-" + STAMP.format(clock.instant());
  }

  static MigMigration migration(String name, String namespace, String plan, MigMigrationSpec spec) {
    ObjectReference ref = new ObjectReference();
    ref.setName(plan);
    ref.setNamespace(namespace);
    spec.setMigPlanRef(ref);
    MigMigration migration = new MigMigration();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    metadata.setNamespace(namespace);
    migration.setMetadata(metadata);
    migration.setSpec(spec);
    return migration;
  }

  static MigMigrationSpec cutover(boolean quiesce, boolean verify) {
    MigMigrationSpec spec = new MigMigrationSpec();
    spec.setStage(false);
    spec.setQuiescePods(quiesce);
    spec.setVerify(verify ? Boolean.TRUE : null);
    return spec;
  }

  static MigMigrationSpec stage() {
    MigMigrationSpec spec = new MigMigrationSpec();
    spec.setStage(true);
    spec.setQuiescePods(false);
    return spec;
  }

  static MigMigrationSpec rollback() {
    MigMigrationSpec spec = new MigMigrationSpec();
    spec.setRollback(true);
    spec.setStage(false);
    return spec;
  }
}
