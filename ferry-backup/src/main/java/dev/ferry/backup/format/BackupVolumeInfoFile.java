package dev.ferry.backup.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.Gzip;
import dev.ferry.backup.model.Json;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

/**
 * Velero's {@code <backup>-volumeinfo.json.gz} (Velero 1.13+): a gzipped JSON list with one entry
 * per PersistentVolume in the backup, saying how its data was backed up. Ferry's resource backup
 * takes no snapshot of a volume, so every entry is what Velero writes for a volume it skipped
 * (no snapshotter applies): {@code skipped: true}, no {@code backupMethod}, the PV's reclaim policy
 * and labels. Velero's restore reads this list and, finding the PV in it, re-provisions a volume
 * whose reclaim policy is Delete and restores a Retain one as it is, without falling back to its
 * pre-1.13 path (which logs "Cannot find BackupVolumeInfo for PV").
 */
public final class BackupVolumeInfoFile {
  /** Velero's approach name and reason for a volume no snapshotter handled, in its "approach: reason;" form. */
  static final String SKIPPED_REASON = "volumeSnapshot: no applicable volumesnapshotter found;";

  private BackupVolumeInfoFile() {
  }

  /** The JSON list for these volumes, sorted by name. */
  public static String toJson(List<PersistentVolume> volumes) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    volumes.stream().sorted(Comparator.comparing(v -> v.getMetadata().getName())).forEach(pv -> {
      ObjectNode entry = list.addObject();
      var claim = pv.getSpec() == null ? null : pv.getSpec().getClaimRef();
      if (claim != null && claim.getName() != null) {
        entry.put("pvcName", claim.getName());
        entry.put("pvcNamespace", claim.getNamespace());
      }
      entry.put("pvName", pv.getMetadata().getName());
      entry.put("snapshotDataMoved", false);
      entry.put("preserveLocalSnapshot", false);
      entry.put("skipped", true);
      entry.put("skippedReason", SKIPPED_REASON);
      ObjectNode info = entry.putObject("pvInfo");
      info.put("reclaimPolicy", pv.getSpec() == null ? "" : pv.getSpec().getPersistentVolumeReclaimPolicy());
      if (pv.getMetadata().getLabels() == null || pv.getMetadata().getLabels().isEmpty()) {
        info.putNull("labels");
      } else {
        info.set("labels", Json.MAPPER.valueToTree(new java.util.TreeMap<>(pv.getMetadata().getLabels())));
      }
    });
    try {
      return Json.MAPPER.writeValueAsString(list) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] toGzip(List<PersistentVolume> volumes) {
    return Gzip.compress(toJson(volumes).getBytes(StandardCharsets.UTF_8));
  }
}
