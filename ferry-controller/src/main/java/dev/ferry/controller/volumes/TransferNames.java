package dev.ferry.controller.volumes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Names of one claim's transfer objects (progress CR, Jobs, Service, Secret): readable (the
 * claim's name) and unique (a hash of the migration and the claim's namespace/name), short enough
 * for Job pod names and label values. Model only.
 */
public final class TransferNames {
  private TransferNames() {
  }

  public static String of(String dvmUid, String sourceNamespace, String sourceClaim) {
    String hash = sha256(dvmUid + "/" + sourceNamespace + "/" + sourceClaim).substring(0, 8);
    String readable = sourceClaim.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (readable.length() > 30) {
      readable = readable.substring(0, 30);
    }
    readable = readable.replaceAll("^-+|-+$", "");
    return (readable.isEmpty() ? "pvc" : readable) + "-" + hash;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
