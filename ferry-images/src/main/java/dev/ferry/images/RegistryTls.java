package dev.ferry.images;

import dev.ferry.objectstore.CaBundle;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/** The TLS a registry endpoint asks for: the JDK's trust store, its own CA bundle, or (insecure) none. */
final class RegistryTls {
  private RegistryTls() {
  }

  static SSLContext sslContext(RegistryEndpoint endpoint) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      TrustManager[] trust;
      if (endpoint.transport() == RegistryEndpoint.Transport.HTTPS_INSECURE) {
        trust = new TrustManager[] {new TrustingAll()};
      } else if (endpoint.caPem() != null && !endpoint.caPem().isBlank()) {
        trust = CaBundle.parse(endpoint.caPem()).trustManagers();
      } else {
        trust = null;
      }
      ctx.init(null, trust, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS for registry " + endpoint.host(), e);
    }
  }

  /** For registries explicitly marked insecure: accepts any certificate and host name. */
  private static final class TrustingAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
