package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class MetricsAddressTest {

  @Test
  void hostAndPortAsGiven() {
    InetSocketAddress a = MetricsAddress.parse("127.0.0.1:8095", null);
    assertThat(a.getAddress().isLoopbackAddress()).isTrue();
    assertThat(a.getPort()).isEqualTo(8095);
    assertThat(MetricsAddress.parse(":8080", null).getAddress().isAnyLocalAddress()).isTrue();
    assertThat(MetricsAddress.parse("[::1]:9000", null).getPort()).isEqualTo(9000);
  }

  @Test
  void portZeroTurnsMetricsOffAndThePortOptionOverrides() {
    assertThat(MetricsAddress.parse("127.0.0.1:0", null)).isNull();
    assertThat(MetricsAddress.parse(":8080", 0)).isNull();
    assertThat(MetricsAddress.parse("127.0.0.1:8080", 9001).getPort()).isEqualTo(9001);
  }

  @Test
  void badInputSaysWhatToWrite() {
    assertThatThrownBy(() -> MetricsAddress.parse("localhost", null)).hasMessageContaining("[HOST]:PORT");
    assertThatThrownBy(() -> MetricsAddress.parse(":http", null)).hasMessageContaining("numeric port");
    assertThatThrownBy(() -> MetricsAddress.parse(":70000", null)).hasMessageContaining("out of range");
  }
}
