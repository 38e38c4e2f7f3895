package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeVersionsTest {

  @Test
  void gaThenBetaThenAlphaThenOthers() {
    List<String> versions = new ArrayList<>(List.of("v1alpha1", "foo", "v1beta1", "v2", "v1",
        "v2beta1", "v1beta2", "v10", "bar"));
    versions.sort(KubeVersions.PREFERRED_FIRST);
    assertThat(versions).containsExactly("v10", "v2", "v1", "v2beta1", "v1beta2", "v1beta1",
        "v1alpha1", "bar", "foo");
  }
}
