package dev.ferry.volumes.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ChunkIdTest {
  @Test
  void hexRoundTripEqualityAndOrder() throws Exception {
    byte[] sha = MessageDigest.getInstance("SHA-256").digest("abc".getBytes());
    ChunkId id = ChunkId.of(sha);
    assertThat(id.toString()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(ChunkId.fromHex(id.toString())).isEqualTo(id).hasSameHashCodeAs(id);
    sha[0] = 0; // of() copies
    assertThat(id.bytes()[0]).isEqualTo((byte) 0xba);
    assertThat(ChunkId.of(sha)).isLessThan(id);
  }

  @Test
  void rejectsWrongLengths() {
    assertThatThrownBy(() -> ChunkId.of(new byte[31])).hasMessageContaining("32-byte");
    assertThatThrownBy(() -> ChunkId.fromHex("abcd")).hasMessageContaining("64 hex");
  }
}
