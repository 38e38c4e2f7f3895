package dev.ferry.images;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code WWW-Authenticate} header: {@code Bearer realm="https://auth/token",service="registry",
 * scope="repository:shop/web:pull"} or {@code Basic realm="Registry"}.
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

  public static AuthChallenge parse(String header) {
    if (header == null || header.isBlank()) {
      return new AuthChallenge("", Map.of());
    }
    String h = header.trim();
    int space = h.indexOf(' ');
    String scheme = (space < 0 ? h : h.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? h.length() : space + 1;
    while (i < h.length()) {
      while (i < h.length() && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
        i++;
      }
      int eq = h.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = h.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < h.length() && h.charAt(i) == '"') {
        i++;
        while (i < h.length() && h.charAt(i) != '"') {
          if (h.charAt(i) == '\\' && i + 1 < h.length()) {
            i++;
          }
          value.append(h.charAt(i++));
        }
        i++; // closing quote
      } else {
        while (i < h.length() && h.charAt(i) != ',') {
          value.append(h.charAt(i++));
        }
      }
      params.put(key, value.toString().trim());
    }
    return new AuthChallenge(scheme, params);
  }

  public boolean isBearer() {
    return "bearer".equals(scheme);
  }

  public boolean isBasic() {
    return "basic".equals(scheme);
  }

  public String realm() {
    return params.get("realm");
  }
}
