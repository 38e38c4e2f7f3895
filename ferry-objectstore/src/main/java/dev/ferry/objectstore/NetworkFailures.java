package dev.ferry.objectstore;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Finds the network or TLS failure inside an SDK exception, however deeply the SDK wrapped it. */
final class NetworkFailures {
  private NetworkFailures() {
  }

  static Throwable tls(Throwable e) {
    return find(e, SSLException.class, CertificateException.class);
  }

  static Throwable network(Throwable e) {
    Throwable found = find(e, ConnectException.class, UnknownHostException.class, NoRouteToHostException.class,
        SocketTimeoutException.class, UnresolvedAddressException.class);
    if (found == null) {
      // Reactor Netty reports a refused connection as its own exception type, named like the JDK's.
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t.getClass().getSimpleName().contains("ConnectException")) {
          return t;
        }
      }
    }
    return found;
  }

  @SafeVarargs
  static Throwable find(Throwable e, Class<? extends Throwable>... types) {
    // SDKs hide the first failure as a suppressed exception when a retry fails differently.
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return t;
        }
      }
      for (Throwable suppressed : t.getSuppressed()) {
        Throwable found = find(suppressed, types);
        if (found != null) {
          return found;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
