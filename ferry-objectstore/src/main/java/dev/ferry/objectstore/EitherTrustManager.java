package dev.ferry.objectstore;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server chain if either of two trust managers does: the JDK's default store, or the
 * user's CA bundle. Extends {@link X509ExtendedTrustManager} so the JDK keeps its socket- and
 * engine-aware checks (algorithm constraints, endpoint identification) on both paths.
 */
final class EitherTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager first;
  private final X509ExtendedTrustManager second;

  EitherTrustManager(X509ExtendedTrustManager first, X509ExtendedTrustManager second) {
    this.first = first;
    this.second = second;
  }

  private interface Check {
    void run(X509ExtendedTrustManager tm) throws CertificateException;
  }

  private void either(Check check) throws CertificateException {
    try {
      check.run(first);
    } catch (CertificateException | RuntimeException firstFailure) {
      // RuntimeException: an empty JDK trust store (some slim images) fails with "trustAnchors
      // parameter must be non-empty" instead of a CertificateException; the bundle may still vouch.
      try {
        check.run(second);
      } catch (CertificateException secondFailure) {
        secondFailure.addSuppressed(firstFailure);
        throw secondFailure;
      }
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    either(tm -> tm.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    either(tm -> tm.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    either(tm -> tm.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    either(tm -> tm.checkClientTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    either(tm -> tm.checkClientTrusted(chain, authType, socket));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    either(tm -> tm.checkClientTrusted(chain, authType, engine));
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
        .toArray(X509Certificate[]::new);
  }
}
