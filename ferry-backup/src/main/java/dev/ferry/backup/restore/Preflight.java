package dev.ferry.backup.restore;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.discovery.ApiDiscovery;
import dev.ferry.backup.format.BackupFormatException;
import dev.ferry.backup.format.ExtractedBackup;
import dev.ferry.backup.format.ItemRef;
import dev.ferry.backup.model.GroupResource;

/**
 * The pass over every item before the first create. Ferry's rule for malformed items: an item
 * that cannot be decoded within the limits (not JSON, not an object, too large, too deep, a
 * string too long) means the backup cannot be read, and the restore fails <em>before anything is
 * created</em> — a {@code Failed} restore has changed nothing. Items that decode but disagree with
 * their path are counted here and become item errors in the restore pass (never created; the rest
 * is restored, {@code PartiallyFailed}). Streaming: one item in memory at a time.
 */
final class Preflight {

  private Preflight() {
  }

  /**
   * @return how many items disagree with their entry (by the destination's discovery now)
   * @throws BackupFormatException naming the first item that cannot be decoded
   */
  static int check(ExtractedBackup backup, ApiDiscovery discovery, RestoreJournal journal) {
    int disagreeing = 0;
    for (GroupResource gr : backup.groupResources()) {
      for (ItemRef ref : backup.items(gr)) {
        ObjectNode content = backup.read(ref);
        String problem = EntryAgreement.disagreement(ref, backup.entryName(ref), content, discovery.find(gr));
        if (problem != null) {
          disagreeing++;
        }
      }
    }
    journal.info("Pre-flight: " + backup.itemCount() + " items decoded"
        + (disagreeing == 0 ? "" : ", " + disagreeing + " disagree with their path and will not be restored"));
    return disagreeing;
  }
}
