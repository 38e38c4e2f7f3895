package dev.ferry.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/crds/ must hold exactly the CRDs the build produces (with printer columns in declared
 * order); {@code -Dferry.updateDocs=true} rewrites them.
 */
class DeployCrdsAreCurrentTest {

  @Test
  void deployCrdsAreCurrent() throws IOException {
    Path dir = TestSupport.repoRoot().resolve("deploy/crds");
    if (Boolean.getBoolean("ferry.updateDocs")) {
      Files.createDirectories(dir);
      for (Crds.Crd crd : Crds.all()) {
        Files.writeString(dir.resolve(crd.fileName()), crd.yaml(), StandardCharsets.UTF_8);
      }
    }
    String hint = " is not the current CRD; regenerate deploy/crds from the repository root with: "
        + "mvn -B -q test -pl ferry-api -Dtest=DeployCrdsAreCurrentTest -Dferry.updateDocs=true";
    for (Crds.Crd crd : Crds.all()) {
      Path file = dir.resolve(crd.fileName());
      assertThat(file).as(file + hint).exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file + hint).isEqualTo(crd.yaml());
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("files in deploy/crds that are not Ferry CRDs")
          .containsExactlyInAnyOrderElementsOf(Crds.all().stream().map(Crds.Crd::fileName).toList());
    }
  }

  @Test
  void printerColumnsFollowTheDeclaredOrder() {
    assertThat(Crds.of(dev.ferry.api.migration.plan.MigPlan.class).definition().getSpec().getVersions().get(0)
        .getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
        .first().isEqualTo("Ready");
    assertThat(Crds.of(dev.ferry.api.migration.plan.MigPlan.class).definition().getSpec().getVersions().get(0)
        .getAdditionalPrinterColumns()).extracting(CustomResourceColumnDefinition::getName)
        .last().isEqualTo("Age");
  }
}
