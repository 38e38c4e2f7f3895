package dev.ferry.backup.restore;

import dev.ferry.backup.OperationLog;
import dev.ferry.backup.format.ResourceListFile;
import dev.ferry.backup.model.Results;

/**
 * What a restore reports: warnings and errors (cluster-scoped ones under Cluster, the rest under
 * their namespace), the restore log, and what happened to each item, as Velero records it
 * ({@code ns/name(created|updated|skipped|failed)}). Safe to use from the parallel workers.
 */
final class RestoreJournal {
  private static final String SOURCE = "dev/ferry/backup/restore/Restorer.java";

  final OperationLog log;
  final Results warnings = new Results();
  final Results errors = new Results();
  final ResourceListFile resourceList = new ResourceListFile();

  RestoreJournal(OperationLog log) {
    this.log = log;
  }

  void info(String message) {
    log.info(SOURCE, message);
  }

  void warn(String namespace, String message) {
    add(warnings, namespace, message);
    log.warn(SOURCE, message);
  }

  void error(String namespace, String message) {
    add(errors, namespace, message);
    log.error(SOURCE, message);
  }

  /** Under its namespace, or under Cluster for a cluster-scoped item ({@code namespace} null). */
  private static void add(Results results, String namespace, String message) {
    if (namespace == null) {
      results.addCluster(message);
    } else {
      results.addNamespace(namespace, message);
    }
  }

  void record(String apiVersion, String kind, String namespace, String name, String outcome) {
    resourceList.add(apiVersion, kind, namespace, name + "(" + outcome + ")");
  }
}
