package dev.ferry.backup.format;

import dev.ferry.api.velero.backup.Backup;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels and annotations Velero puts on a Backup before writing its velero-backup.json, so a
 * Velero syncing Ferry's backup from a shared location sees what it would have written itself:
 * the storage location label, and the source cluster's Kubernetes version (Velero's restore
 * compares it with the destination's).
 */
public final class VeleroBackupMetadata {

  public static final String STORAGE_LOCATION_LABEL = "velero.io/storage-location";
  public static final String GIT_VERSION = "velero.io/source-cluster-k8s-gitversion";
  public static final String MAJOR_VERSION = "velero.io/source-cluster-k8s-major-version";
  public static final String MINOR_VERSION = "velero.io/source-cluster-k8s-minor-version";

  private VeleroBackupMetadata() {
  }

  /** Adds the label and annotations to {@code backup} (in place); {@code version} may be null. */
  public static void apply(Backup backup, String location, VersionInfo version) {
    if (location != null && !location.isBlank()) {
      Map<String, String> labels = backup.getMetadata().getLabels() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(backup.getMetadata().getLabels());
      labels.put(STORAGE_LOCATION_LABEL, location);
      backup.getMetadata().setLabels(labels);
    }
    if (version != null) {
      Map<String, String> annotations = backup.getMetadata().getAnnotations() == null ? new LinkedHashMap<>()
          : new LinkedHashMap<>(backup.getMetadata().getAnnotations());
      annotations.put(GIT_VERSION, version.getGitVersion());
      annotations.put(MAJOR_VERSION, version.getMajor());
      annotations.put(MINOR_VERSION, version.getMinor());
      backup.getMetadata().setAnnotations(annotations);
    }
  }

  /** The body of Velero's per-backup list files ({@code -podvolumebackups}, {@code -volumesnapshots}, {@code -itemoperations}) when a backup has none: a gzipped empty JSON list. */
  public static byte[] emptyList() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write("[]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
