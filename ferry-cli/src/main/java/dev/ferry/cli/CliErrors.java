package dev.ferry.cli;

import dev.ferry.cli.kube.ClusterConnection;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** Turns any failure into one line that says what went wrong and what to do about it. */
public final class CliErrors {
  private CliErrors() {
  }

  static String describe(Throwable error) {
    if (error instanceof UserError || error instanceof OperationFailed) {
      return error.getMessage();
    }
    Throwable root = rootCause(error);
    Throwable connect = find(error, ConnectException.class);
    if (connect == null) {
      connect = find(error, HttpConnectTimeoutException.class);
    }
    if (connect != null) {
      return "cannot reach the cluster (" + oneLine(connect) + "); check the server address in the kubeconfig "
          + "context and that the API server is running";
    }
    UnknownHostException unknownHost = find(error, UnknownHostException.class);
    if (unknownHost != null) {
      return "cannot resolve the cluster's host name " + unknownHost.getMessage()
          + "; check the server address in the kubeconfig";
    }
    HttpTimeoutException timeout = find(error, HttpTimeoutException.class);
    if (timeout != null) {
      return "the cluster did not answer in time (" + oneLine(timeout) + "); check the network and the API server";
    }
    SSLException tls = find(error, SSLException.class);
    if (tls != null) {
      return "TLS handshake with the cluster failed (" + oneLine(tls) + "); check certificate-authority-data "
          + "in the kubeconfig (or the MigCluster caBundle)";
    }
    KubernetesClientException k8s = find(error, KubernetesClientException.class);
    if (k8s != null) {
      String reason = k8s.getStatus() != null && k8s.getStatus().getMessage() != null
          ? k8s.getStatus().getMessage() : oneLine(k8s);
      return switch (k8s.getCode()) {
        case 401 -> "the cluster rejected the credentials (401 Unauthorized); log in again or fix the token "
            + "in the kubeconfig";
        case 403 -> "permission denied (403): " + reason + "; ask a cluster administrator for the permission, "
            + "or use a context with more rights";
        case 404 -> "not found (404): " + reason;
        default -> k8s.getCode() > 0 ? "the cluster answered " + k8s.getCode() + ": " + reason : reason;
      };
    }
    if (root instanceof IOException) {
      return oneLine(root);
    }
    return oneLine(error);
  }

  static int exitCode(Throwable error) {
    return error instanceof UserError ? 2 : 1;
  }

  private static String oneLine(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return ClusterConnection.firstLine(message);
  }

  private static Throwable rootCause(Throwable t) {
    Throwable current = t;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable current = t; current != null; current = current.getCause()) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      if (current.getCause() == current) {
        break;
      }
    }
    return null;
  }
}
