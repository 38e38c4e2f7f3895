package dev.ferry.controller.plan.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamespacePairTest {
  @Test
  void parsesSourceAndOptionalDestination() {
    assertThat(NamespacePair.parse("shop")).isEqualTo(new NamespacePair("shop", "shop", "shop"));
    assertThat(NamespacePair.parse(" shop:store ")).isEqualTo(new NamespacePair("shop:store", "shop", "store"));
    assertThat(NamespacePair.parse("shop:store").mapped()).isTrue();
    assertThat(NamespacePair.parse("shop:shop").mapped()).isFalse();
  }

  @Test
  void bothNamesMustBeDnsLabels() {
    assertThat(NamespacePair.parse("shop-1:store-2").valid()).isTrue();
    assertThat(NamespacePair.parse("shop:").valid()).isFalse();
    assertThat(NamespacePair.parse(":store").valid()).isFalse();
    assertThat(NamespacePair.parse("a:b:c").valid()).isFalse();
    assertThat(NamespacePair.parse("-shop").valid()).isFalse();
    assertThat(NamespacePair.parse("a".repeat(63)).valid()).isTrue();
    assertThat(NamespacePair.parse("a".repeat(64)).valid()).isFalse();
  }
}
