package dev.ferry.controller.hook.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.hook.MigHookSpec;
import dev.ferry.api.migration.hook.TargetCluster;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HookValidatorTest {

  @Test
  void aCustomHookWithAnImageIsValid() {
    assertThat(HookValidator.validate(custom("quay.io/konveyor/hook-runner:latest"))).isEmpty();
    assertThat(HookValidator.validate(custom("registry.local:5000/team/hook@sha256:" + "a".repeat(64)))).isEmpty();
    assertThat(HookValidator.validate(custom("busybox"))).isEmpty();
  }

  @Test
  void aCustomHookNeedsAValidImage() {
    assertThat(HookValidator.validate(custom(null))).extracting(Condition::getType, Condition::getReason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(HookValidator.INVALID_IMAGE, "NotSet"));
    assertThat(HookValidator.validate(custom("Bad Image:1"))).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo(HookValidator.INVALID_IMAGE);
      assertThat(c.getMessage()).contains("Bad Image:1").contains("registry/repository:tag");
    });
  }

  @Test
  void anAnsibleHookNeedsABase64PlaybookThatIsAListOfPlays() {
    assertThat(HookValidator.validate(ansible(b64("- hosts: localhost\n  tasks: []\n")))).isEmpty();
    assertThat(HookValidator.validate(ansible(null))).singleElement()
        .satisfies(c -> assertThat(c.getMessage()).contains("not set"));
    assertThat(HookValidator.validate(ansible("%%% not base64"))).singleElement()
        .satisfies(c -> assertThat(c.getMessage()).contains("not base64"));
    assertThat(HookValidator.validate(ansible(b64("hosts: localhost\n")))).singleElement()
        .satisfies(c -> assertThat(c.getMessage()).contains("not a list of plays"));
    assertThat(HookValidator.validate(ansible(b64("- [unclosed\n")))).singleElement()
        .satisfies(c -> assertThat(c.getMessage()).contains("not YAML"));
  }

  @Test
  void targetClusterAndDeadlineAreChecked() {
    MigHookSpec spec = custom("busybox");
    spec.setTargetCluster(null);
    spec.setActiveDeadlineSeconds(0L);
    assertThat(HookValidator.validate(spec)).extracting(Condition::getType)
        .containsExactly(HookValidator.INVALID_TARGET_CLUSTER, HookValidator.INVALID_DEADLINE);
  }

  private static MigHookSpec custom(String image) {
    MigHookSpec spec = new MigHookSpec();
    spec.setCustom(true);
    spec.setImage(image);
    spec.setTargetCluster(TargetCluster.SOURCE);
    return spec;
  }

  private static MigHookSpec ansible(String playbook) {
    MigHookSpec spec = new MigHookSpec();
    spec.setCustom(false);
    spec.setPlaybook(playbook);
    spec.setTargetCluster(TargetCluster.DESTINATION);
    return spec;
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
