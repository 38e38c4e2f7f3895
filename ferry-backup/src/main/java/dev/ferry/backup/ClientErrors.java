package dev.ferry.backup;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** What the API server said when a request failed, as one line for results files and operation logs. */
public final class ClientErrors {
  private ClientErrors() {
  }

  /** The server's status message, else the exception's first line (fabric8 appends the whole request). */
  public static String reason(KubernetesClientException e) {
    if (e.getStatus() != null && e.getStatus().getMessage() != null) {
      return e.getStatus().getMessage();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
