package dev.ferry.console;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A Kubernetes API error as one line for the browser: what the API server said, and what to do. */
final class KubeErrors {
  private KubeErrors() {
  }

  static String message(KubernetesClientException e) {
    String said = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
        : firstLine(e.getMessage());
    return switch (e.getCode()) {
      case 401 -> "the API server rejected your kubeconfig credentials (401): " + said + "; log in again";
      case 403 -> "your kubeconfig identity may not do this (403): " + said;
      case 409 -> said + " (409: choose another name, or reload)";
      case 0 -> "cannot reach the API server: " + said;
      default -> said + " (" + e.getCode() + ")";
    };
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
