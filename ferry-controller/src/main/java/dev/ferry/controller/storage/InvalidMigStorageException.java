package dev.ferry.controller.storage;

import dev.ferry.objectstore.ObjectStoreException;

/**
 * A MigStorage that cannot describe a repository, with the condition type and reason to report.
 * It is an {@link ObjectStoreException}, so callers that only want "cannot open the repository"
 * need not tell the two apart.
 */
public class InvalidMigStorageException extends ObjectStoreException {
  private final String conditionType;
  private final String reason;

  public InvalidMigStorageException(String conditionType, String reason, String message) {
    super(message);
    this.conditionType = conditionType;
    this.reason = reason;
  }

  public String conditionType() {
    return conditionType;
  }

  public String reason() {
    return reason;
  }
}
