package dev.ferry.controller.logging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The MDC keys every Ferry log line carries while it works for a migration, so the log can be
 * filtered per migration ({@code ferry logs}): {@value #MIGRATION} (the MigMigration's name),
 * {@value #MIGRATION_UID}, {@value #PLAN} (the MigPlan's name) and {@value #COMPONENT} (which part
 * of Ferry wrote it: migration, volumes, mover, images, backup, restore, hook, analytics).
 * A scope restores the keys it replaced when it closes, so nested scopes (a reconciler calling
 * a helper that names its own component) compose.
 */
public final class LogContext implements AutoCloseable {
  public static final String MIGRATION = "migration";
  public static final String MIGRATION_UID = "migration_uid";
  public static final String PLAN = "plan";
  public static final String COMPONENT = "component";
  /** Labels Ferry puts on what it creates for a migration; their value is the MigMigration's uid. */
  private static final String[] MIGRATION_UID_LABELS = {"migmigration",
      "migration.openshift.io/migrated-by-migmigration", "migration.openshift.io/migmigration"};

  private final Map<String, String> replaced = new HashMap<>();

  private LogContext() {
  }

  /** Sets {@code component} only, keeping the migration and plan already in the MDC. */
  public static LogContext component(String component) {
    return new LogContext().put(COMPONENT, component);
  }

  /** A scope for work on the MigMigration {@code name} ({@code uid}) of plan {@code plan}; nulls are left out. */
  public static LogContext migration(String name, String uid, String plan, String component) {
    return new LogContext().put(MIGRATION, name).put(MIGRATION_UID, uid).put(PLAN, plan).put(COMPONENT, component);
  }

  /**
   * A scope for work on {@code resource}, a child of a migration (DirectVolumeMigration, Backup,
   * Restore, …): the migration is its owning MigMigration, or the uid its labels carry.
   */
  public static LogContext forChild(HasMetadata resource, String component) {
    String name = null;
    var owners = resource.getMetadata().getOwnerReferences();
    if (owners != null) {
      for (OwnerReference owner : owners) {
        if ("MigMigration".equals(owner.getKind())) {
          name = owner.getName();
        }
      }
    }
    String uid = null;
    Map<String, String> labels = resource.getMetadata().getLabels();
    if (labels != null) {
      for (String label : MIGRATION_UID_LABELS) {
        if (uid == null && labels.get(label) != null) {
          uid = labels.get(label);
        }
      }
    }
    return migration(name, uid, null, component);
  }

  /** The current MDC, to carry into work handed to another thread (see {@link #restore}). */
  public static Map<String, String> capture() {
    Map<String, String> copy = MDC.getCopyOfContextMap();
    return copy == null ? Map.of() : copy;
  }

  /** Sets {@code captured} (from {@link #capture}) on this thread until the scope closes. */
  public static LogContext restore(Map<String, String> captured) {
    LogContext scope = new LogContext();
    captured.forEach(scope::put);
    return scope;
  }

  private LogContext put(String key, String value) {
    if (value == null) {
      return this;
    }
    if (!replaced.containsKey(key)) {
      replaced.put(key, MDC.get(key));
    }
    MDC.put(key, value);
    return this;
  }

  @Override
  public void close() {
    replaced.forEach((key, previous) -> {
      if (previous == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, previous);
      }
    });
  }
}
