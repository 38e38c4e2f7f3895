package dev.ferry.console;

import java.util.regex.Pattern;

/** A method and path pattern of the API, and what answers it. */
record Route(String method, Pattern path, Handler handler) {
  /** A path segment naming an object (captured as a group). */
  static final String NAME = "([a-z0-9][-a-z0-9.]*)";

  /** Answers a call with an object the server writes as JSON (null: 204 No Content). */
  @FunctionalInterface
  interface Handler {
    Object handle(Call call) throws Exception;
  }

  static Route of(String method, String regex, Handler handler) {
    return new Route(method, Pattern.compile(regex), handler);
  }
}
