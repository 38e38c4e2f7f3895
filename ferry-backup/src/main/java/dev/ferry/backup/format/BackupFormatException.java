package dev.ferry.backup.format;

/** A backup in object storage is not in Velero's format, is corrupt, or is unsafe to extract. */
public class BackupFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BackupFormatException(String message) {
    super(message);
  }

  public BackupFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
