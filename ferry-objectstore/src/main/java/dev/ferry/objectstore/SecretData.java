package dev.ferry.objectstore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes a Secret's {@code data} (base64 values, as the API returns them); messages name keys, never values. */
final class SecretData {
  private SecretData() {
  }

  static Map<String, String> decode(String secretName, Map<String, String> base64Data) {
    Map<String, String> decoded = new LinkedHashMap<>();
    if (base64Data != null) {
      base64Data.forEach((k, v) -> {
        try {
          decoded.put(k, v == null ? null : new String(Base64.getMimeDecoder().decode(v), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new ObjectStoreException("Secret " + secretName + " key " + k + " is not valid base64");
        }
      });
    }
    return decoded;
  }

  static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
