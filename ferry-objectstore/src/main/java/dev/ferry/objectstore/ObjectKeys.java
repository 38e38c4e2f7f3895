package dev.ferry.objectstore;

import java.nio.charset.StandardCharsets;

/**
 * The rules every key and list prefix must follow, whatever the store. They are the intersection
 * of what S3 accepts and what maps safely onto a directory tree: relative, '/'-separated, no empty,
 * "." or ".." segments, no backslashes or control characters. Keys come from resource names that
 * users (or a hostile backup) control, so a key must never be able to name a file outside the
 * filesystem store's root; checking here, once, keeps every store consistent.
 */
public final class ObjectKeys {
  /** S3's limit on a key, in UTF-8 bytes; the store prefix counts towards it. */
  static final int MAX_KEY_BYTES = 1024;

  private ObjectKeys() {
  }

  /** Returns {@code key} if it is a valid object key, else throws {@link InvalidKeyException}. */
  public static String requireValidKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidKeyException("an object key must not be empty");
    }
    if (key.endsWith("/")) {
      throw new InvalidKeyException("object key '" + printable(key) + "' ends with '/': it names a folder, not an "
          + "object");
    }
    checkSegments(key, key);
    return key;
  }

  /**
   * Returns {@code prefix} if it is a valid list prefix: empty, or a key, or a key followed by one
   * '/'. The part after the last '/' may be a partial name ("backups/b1/b1-lo").
   */
  public static String requireValidPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    String body = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    if (body.isEmpty()) {
      throw new InvalidKeyException("list prefix '/' is absolute; use \"\" to list every key");
    }
    checkSegments(prefix, body);
    return prefix;
  }

  private static void checkSegments(String original, String body) {
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new InvalidKeyException("object key '" + printable(original).substring(0, 64) + "…' is longer than "
          + MAX_KEY_BYTES + " bytes");
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\') {
        throw invalid(original, "contains a backslash");
      }
      if (c < 0x20 || c == 0x7f) {
        throw invalid(original, "contains a control character");
      }
    }
    if (body.startsWith("/")) {
      throw invalid(original, "is absolute (starts with '/')");
    }
    for (String segment : body.split("/", -1)) {
      if (segment.isEmpty()) {
        throw invalid(original, "has an empty path segment ('//')");
      }
      if (segment.equals(".") || segment.equals("..")) {
        throw invalid(original, "has a '" + segment + "' path segment");
      }
    }
  }

  private static InvalidKeyException invalid(String key, String why) {
    return new InvalidKeyException("object key '" + printable(key) + "' " + why
        + "; keys are relative paths like backups/<name>/<name>.tar.gz");
  }

  /** The key with control characters escaped, so a hostile key cannot forge log lines. */
  /** Checks a byte range of {@link ObjectStore#get(String, long, long)}. */
  static void requireValidRange(long offset, long length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("a byte range needs offset >= 0 and length >= 0, not " + offset + " and "
          + length);
    }
  }

  /**
   * Objects other tools left in a bucket may have keys Ferry cannot address ("folder/" markers
   * from web consoles, "a//b"); listings leave them out rather than fail.
   */
  static boolean isAddressable(String key) {
    try {
      requireValidKey(key);
      return true;
    } catch (InvalidKeyException e) {
      return false;
    }
  }

  static String printable(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
