package dev.ferry.cli.plan;

import dev.ferry.cli.UserError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceMappingsTest {

  @Test
  void pairsInOrder() {
    assertThat(NamespaceMappings.parse(List.of("shop:shop-copy", " web : web-2 ")))
        .containsExactly(java.util.Map.entry("shop", "shop-copy"), java.util.Map.entry("web", "web-2"));
  }

  @Test
  void notAPair() {
    assertThatThrownBy(() -> NamespaceMappings.parse(List.of("shop=shop-copy"))).isInstanceOf(UserError.class)
        .hasMessage("--namespace-mappings: 'shop=shop-copy' is not SOURCE:DESTINATION "
            + "(e.g. --namespace-mappings shop:shop-copy,web:web-copy)");
    assertThatThrownBy(() -> NamespaceMappings.parse(List.of("a:b:c"))).hasMessageContaining("'a:b:c' is not");
    assertThatThrownBy(() -> NamespaceMappings.parse(List.of("shop:"))).hasMessageContaining("'shop:' is not");
  }

  @Test
  void invalidNamespaceNames() {
    assertThatThrownBy(() -> NamespaceMappings.parse(List.of("Shop:shop"))).isInstanceOf(UserError.class)
        .hasMessageContaining("'Shop' is not a valid namespace name");
    assertThatThrownBy(() -> NamespaceMappings.parse(List.of("shop:" + "x".repeat(64))))
        .hasMessageContaining("at most 63 characters");
  }

  @Test
  void conflicts() {
    assertThatThrownBy(() -> NamespaceMappings.parse(List.of("a:b", "a:c")))
        .hasMessage("--namespace-mappings: namespace a is mapped twice (to b and to c)");
    assertThatThrownBy(() -> NamespaceMappings.parse(List.of("a:c", "b:c")))
        .hasMessage("--namespace-mappings: namespaces a and b are both mapped to c");
  }
}
