package dev.ferry.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api.md must be what ApiDocRenderer renders from the CRDs; -Dferry.updateDocs=true rewrites it. */
class ApiDocIsCurrentTest {

  @Test
  void apiDocIsCurrent() throws IOException {
    Path doc = TestSupport.repoRoot().resolve("docs/api.md");
    String rendered = ApiDocRenderer.render(Crds.all());
    if (Boolean.getBoolean("ferry.updateDocs")) {
      Files.createDirectories(doc.getParent());
      Files.writeString(doc, rendered, StandardCharsets.UTF_8);
      return;
    }
    String hint = doc + " is not the current render of the CRDs; regenerate it from the repository root with: "
        + ApiDocRenderer.REGENERATE_COMMAND;
    assertThat(doc).as(hint).exists();
    assertThat(Files.readString(doc, StandardCharsets.UTF_8)).as(hint).isEqualTo(rendered);
  }

  @Test
  void rendersEveryKindAndField() {
    String rendered = ApiDocRenderer.render(Crds.all());
    for (Crds.Crd crd : Crds.all()) {
      assertThat(rendered).contains("## " + crd.kind() + "\n");
    }
    assertThat(rendered)
        .contains("| `spec.hooks[].phase` | string |  | `PostBackup`, `PostRestore`, `PreBackup`, `PreRestore` |")
        .contains("| `spec.activeDeadlineSeconds` | integer | `1800` |")
        .contains("| `spec.srcMigClusterRef` | ObjectReference |")
        .contains("| `spec.persistentVolumes[].capacity` | int-or-string |")
        .contains("| `spec.mig_namespace_limit` | int-or-string | `\"10\"` |")
        .doesNotContain("| `spec.srcMigClusterRef.name` |");
  }
}
