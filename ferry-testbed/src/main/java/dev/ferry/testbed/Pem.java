package dev.ferry.testbed;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Key material for a local control plane, in the PEM forms its binaries read. */
final class Pem {
  private Pem() {
  }

  /** An RSA private key as PKCS#8 PEM; kube-apiserver derives the public key from the same file. */
  static String newServiceAccountKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return encode("PRIVATE KEY", pair.getPrivate().getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no RSA", e);
    }
  }

  static String encode(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
