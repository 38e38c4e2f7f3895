package dev.ferry.controller.tenancy;

/** A self-service migration may not run; the message says why and what to fix. */
public final class TenantAccessException extends RuntimeException {
  private final String reason;

  public TenantAccessException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The condition reason, e.g. TokenInvalid or Forbidden. */
  public String reason() {
    return reason;
  }
}
