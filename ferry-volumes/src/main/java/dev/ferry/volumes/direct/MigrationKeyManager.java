package dev.ferry.volumes.direct;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the one certificate and key of this side of a migration. It replaces an in-memory
 * PKCS12 KeyStore + KeyManagerFactory: PKCS12 protects every key entry with PBKDF2 (10 000
 * HMAC-SHA256 rounds to store it, as many again to read it back), which a fresh mover JVM pays
 * in interpreted code for each context — measured as a large part of a transfer's fixed CPU
 * cost (docs/benchmarks.md) — for a key that never leaves memory anyway.
 */
final class MigrationKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "migration";
  private final PrivateKey key;
  private final X509Certificate[] chain;

  MigrationKeyManager(PrivateKey key, X509Certificate[] chain) {
    this.key = key;
    this.chain = chain.clone();
  }

  private String aliasFor(String keyType) {
    String alg = key.getAlgorithm();
    boolean fits = keyType == null || keyType.equalsIgnoreCase(alg)
        || (alg.equals("EC") && keyType.startsWith("EC")) // TLS 1.2 names it EC_EC
        || (alg.equals("RSA") && keyType.equals("RSASSA-PSS"));
    return fits ? ALIAS : null;
  }

  private String aliasFor(String[] keyTypes) {
    if (keyTypes == null) {
      return ALIAS;
    }
    for (String t : keyTypes) {
      if (aliasFor(t) != null) {
        return ALIAS;
      }
    }
    return null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return aliasFor(keyType) == null ? null : new String[] {ALIAS};
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return aliasFor(keyType) == null ? null : new String[] {ALIAS};
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return aliasFor(keyType);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return aliasFor(keyType);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }
}
