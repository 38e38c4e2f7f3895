package dev.ferry.images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** OCI content digests; Ferry reads and writes sha256 only (what every registry uses). */
public final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

  private Digests() {
  }

  public static String sha256(byte[] content) {
    MessageDigest md = newSha256();
    return format(md.digest(content));
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String format(byte[] sha256) {
    return "sha256:" + HexFormat.of().formatHex(sha256);
  }

  public static boolean isDigest(String reference) {
    return reference != null && reference.startsWith("sha256:");
  }

  /** Rejects anything but a well-formed sha256 digest (digests end up in object keys and URLs). */
  public static String requireValid(String digest, String what) {
    if (digest == null || !SHA256.matcher(digest).matches()) {
      throw new ImageException(what + " has digest '" + digest + "', which is not a sha256 digest "
          + "(sha256: followed by 64 lowercase hex digits); only sha256 content is supported");
    }
    return digest;
  }

  /** The hex part of a sha256 digest. */
  static String hex(String digest) {
    return digest.substring("sha256:".length());
  }
}
