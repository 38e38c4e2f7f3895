package dev.ferry.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestGuardTest {
  private final RequestGuard guard = RequestGuard.forLoopback("127.0.0.1", 9090);

  @Test
  void readsNeedOnlyTheConsolesOwnHost() {
    assertThat(guard.refusal("GET", "127.0.0.1:9090", null, null)).isNull();
    assertThat(guard.refusal("GET", "localhost:9090", null, null)).isNull();
    // DNS rebinding: a foreign name resolving to 127.0.0.1 arrives with its own Host header.
    assertThat(guard.refusal("GET", "evil.example:9090", null, null)).contains("unexpected Host header");
    assertThat(guard.refusal("GET", null, null, null)).contains("unexpected Host header");
  }

  @Test
  void writesNeedTheHeaderAndTheSameOrigin() {
    assertThat(guard.refusal("POST", "127.0.0.1:9090", "http://127.0.0.1:9090", "1")).isNull();
    assertThat(guard.refusal("DELETE", "127.0.0.1:9090", null, "1")).isNull();
    assertThat(guard.refusal("POST", "127.0.0.1:9090", "http://127.0.0.1:9090", null))
        .contains("X-Ferry-Console");
    assertThat(guard.refusal("PATCH", "127.0.0.1:9090", "http://evil.example", "1")).contains("cross-origin");
    assertThat(guard.refusal("POST", "127.0.0.1:9090", "http://127.0.0.1:9091", "1")).contains("cross-origin");
    assertThat(guard.refusal("POST", "127.0.0.1:9090", "null", "1")).contains("opaque origin");
  }
}
