package dev.ferry.cli.kube;

import dev.ferry.cli.UserError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorParserTest {

  @Test
  void equalityTermsBecomeMatchLabels() {
    LabelSelector s = LabelSelectorParser.parse("app=shop, app.kubernetes.io/part-of==store");
    assertThat(s.getMatchLabels()).isEqualTo(Map.of("app", "shop", "app.kubernetes.io/part-of", "store"));
    assertThat(s.getMatchExpressions()).isNull();
  }

  @Test
  void setAndExistenceTermsBecomeExpressions() {
    LabelSelector s = LabelSelectorParser.parse("tier in (web, api),env notin (dev),backup,!legacy,zone!=b");
    assertThat(s.getMatchExpressions()).extracting(e -> e.getKey() + " " + e.getOperator() + " " + e.getValues())
        .containsExactly("tier In [web, api]", "env NotIn [dev]", "backup Exists null", "legacy DoesNotExist null",
            "zone NotIn [b]");
  }

  @Test
  void badTermsAreOneLineUserErrors() {
    for (String bad : List.of("app=", "=shop", "app in ()", "app in (a", "a,,b", "app=sh op", "-x=y")) {
      if (bad.equals("app=")) {
        // an empty value is legal in Kubernetes
        assertThat(LabelSelectorParser.parse(bad).getMatchLabels()).containsEntry("app", "");
        continue;
      }
      assertThatThrownBy(() -> LabelSelectorParser.parse(bad)).as(bad).isInstanceOf(UserError.class)
          .hasMessageStartingWith("--selector: ");
    }
  }
}
