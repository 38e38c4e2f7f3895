package dev.ferry.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** One API request: the path's captured parts, the query and the JSON body. */
final class Call {
  private static final int MAX_BODY = 1 << 20;
  private final HttpExchange exchange;
  private final Matcher path;
  private final ObjectMapper json;
  private final Map<String, String> query = new LinkedHashMap<>();

  Call(HttpExchange exchange, Matcher path, ObjectMapper json) {
    this.exchange = exchange;
    this.path = path;
    this.json = json;
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.put(key, value);
      }
    }
  }

  /** The n-th captured group of the route's pattern (URL-decoded). */
  String part(int n) {
    return URLDecoder.decode(path.group(n), StandardCharsets.UTF_8);
  }

  String query(String name) {
    return query.get(name);
  }

  HttpExchange exchange() {
    return exchange;
  }

  /** The body as a JSON object; a clear 400 when it is not one. */
  ObjectNode body() {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw ApiError.badRequest("request body over 1 MiB");
      }
      JsonNode node = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
      if (!(node instanceof ObjectNode object)) {
        throw ApiError.badRequest("the request body must be a JSON object");
      }
      return object;
    } catch (IOException e) {
      throw ApiError.badRequest("the request body is not valid JSON: " + e.getMessage());
    }
  }
}
