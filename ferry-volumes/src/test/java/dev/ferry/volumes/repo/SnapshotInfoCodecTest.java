package dev.ferry.volumes.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotInfoCodecTest {
  @Test
  void roundTripsAwkwardTagsDeterministically() {
    Map<String, String> tags = Map.of("plan", "p1", "pvc", "ns/data-0", "odd key=:#!", " lead and trail ",
        "line", "a\nb\\c", "unicode", "卷迁移");
    SnapshotInfo info = new SnapshotInfo("id", Instant.parse("2026-11-28T14:00:00.123456789Z"), tags, "parent1",
        "ab".repeat(32), 10, 7, 12345, 9, 4000);
    byte[] bytes = SnapshotInfoCodec.encode(info);
    assertThat(SnapshotInfoCodec.encode(info)).isEqualTo(bytes);
    assertThat(SnapshotInfoCodec.decode("id", bytes, "x")).isEqualTo(info);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("tag.plan=p1\n");
    assertThat(info.matches(Map.of("plan", "p1", "pvc", "ns/data-0"))).isTrue();
    assertThat(info.matches(Map.of("plan", "p2"))).isFalse();
  }

  @Test
  void foreignContentIsAClearError() {
    assertThatThrownBy(() -> SnapshotInfoCodec.decode("id", "format=other\n".getBytes(), "snapshot object S"))
        .isInstanceOf(RepositoryCorruptException.class).hasMessageContaining("snapshot object S");
  }
}
