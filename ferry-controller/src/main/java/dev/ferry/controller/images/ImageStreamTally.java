package dev.ferry.controller.images;

import dev.ferry.api.migration.images.DirectImageMigrationStatus;
import dev.ferry.api.migration.images.ImageStreamListItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each image stream of a DirectImageMigration stands, from its DirectImageStreamMigration's
 * phase: new (still running), successful or failed (with the stream migration's errors). Model
 * only: no cluster calls.
 */
final class ImageStreamTally {
  private final List<ImageStreamListItem> pending = new ArrayList<>();
  private final List<ImageStreamListItem> succeeded = new ArrayList<>();
  private final List<ImageStreamListItem> failed = new ArrayList<>();

  /** Counts {@code item}, whose stream migration is in {@code phase} with {@code errors}. */
  void add(ImageStreamListItem item, String phase, List<String> errors) {
    if (DirectImageStreamMigrationReconciler.COMPLETED.equals(phase)) {
      succeeded.add(item);
    } else if (DirectImageStreamMigrationReconciler.FAILED.equals(phase)) {
      item.setErrors(errors);
      if (errors != null && errors.stream().anyMatch(e -> e.contains("does not exist on the source cluster"))) {
        item.setNotFound(true);
      }
      failed.add(item);
    } else {
      pending.add(item);
    }
  }

  int total() {
    return pending.size() + succeeded.size() + failed.size();
  }

  boolean running() {
    return !pending.isEmpty();
  }

  int finished() {
    return succeeded.size() + failed.size();
  }

  boolean anyFailed() {
    return !failed.isEmpty();
  }

  /** The errors of the failed streams (a generic line for a stream that gave none). */
  List<String> errors() {
    List<String> errors = new ArrayList<>();
    failed.forEach(f -> errors.addAll(f.getErrors() == null ? List.of(f.getNamespace() + "/" + f.getName()
        + " failed") : f.getErrors()));
    return errors;
  }

  /** The condition message of a migration some of whose streams failed. */
  String failureMessage() {
    return failed.size() + " of " + total() + " image stream(s) failed to migrate. See: failedISs. " + errors().get(0);
  }

  void publish(DirectImageMigrationStatus status) {
    status.setNewISs(pending.isEmpty() ? null : pending);
    status.setSuccessfulISs(succeeded.isEmpty() ? null : succeeded);
    status.setFailedISs(failed.isEmpty() ? null : failed);
  }
}
