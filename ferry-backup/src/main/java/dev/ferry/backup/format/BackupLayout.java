package dev.ferry.backup.format;

import java.util.Objects;

/**
 * Object-store keys of Velero's layout, optionally under a BackupStorageLocation's
 * {@code objectStorage.prefix}:
 * <pre>
 *   [prefix/]backups/&lt;b&gt;/velero-backup.json, &lt;b&gt;.tar.gz, &lt;b&gt;-logs.gz,
 *                        &lt;b&gt;-resource-list.json.gz, &lt;b&gt;-results.gz
 *   [prefix/]restores/&lt;r&gt;/restore-&lt;r&gt;-logs.gz, restore-&lt;r&gt;-results.gz
 * </pre>
 */
public record BackupLayout(String prefix) {

  /** Keys at the bucket root (no prefix). */
  public static final BackupLayout ROOT = new BackupLayout("");

  public BackupLayout {
    prefix = prefix == null ? "" : stripSlashes(prefix);
  }

  public static BackupLayout withPrefix(String prefix) {
    return new BackupLayout(prefix);
  }

  /** {@code [prefix/]backups/} — list it to find every backup. */
  public String backupsRoot() {
    return root() + "backups/";
  }

  public String restoresRoot() {
    return root() + "restores/";
  }

  public String backupDir(String backup) {
    return backupsRoot() + checkName(backup) + "/";
  }

  public String backupMetadata(String backup) {
    return backupDir(backup) + "velero-backup.json";
  }

  public String backupTarball(String backup) {
    return backupDir(backup) + backup + ".tar.gz";
  }

  public String backupLogs(String backup) {
    return backupDir(backup) + backup + "-logs.gz";
  }

  public String backupResourceList(String backup) {
    return backupDir(backup) + backup + "-resource-list.json.gz";
  }

  public String backupResults(String backup) {
    return backupDir(backup) + backup + "-results.gz";
  }

  /** Gzipped JSON list of PodVolumeBackups; Velero's describe reads it when present. */
  public String backupPodVolumeBackups(String backup) {
    return backupDir(backup) + backup + "-podvolumebackups.json.gz";
  }

  /** Gzipped JSON list of native volume snapshots; Velero's describe reads it when present. */
  public String backupVolumeSnapshots(String backup) {
    return backupDir(backup) + backup + "-volumesnapshots.json.gz";
  }

  /** Gzipped JSON list of asynchronous backup item operations (Velero's plugins). */
  public String backupItemOperations(String backup) {
    return backupDir(backup) + backup + "-itemoperations.json.gz";
  }

  /** Gzipped JSON list of Velero's BackupVolumeInfo, one per PersistentVolume (Velero 1.13+). */
  public String backupVolumeInfo(String backup) {
    return backupDir(backup) + backup + "-volumeinfo.json.gz";
  }

  public String restoreDir(String restore) {
    return restoresRoot() + checkName(restore) + "/";
  }

  public String restoreLogs(String restore) {
    return restoreDir(restore) + "restore-" + restore + "-logs.gz";
  }

  public String restoreResults(String restore) {
    return restoreDir(restore) + "restore-" + restore + "-results.gz";
  }

  public String restoreResourceList(String restore) {
    return restoreDir(restore) + "restore-" + restore + "-resource-list.json.gz";
  }

  private String root() {
    return prefix.isEmpty() ? "" : prefix + "/";
  }

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("invalid backup/restore name: '" + name + "'");
    }
    return name;
  }

  private static String stripSlashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '/') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(start, end);
  }
}
