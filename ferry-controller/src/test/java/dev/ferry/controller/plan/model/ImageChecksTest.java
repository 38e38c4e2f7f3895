package dev.ferry.controller.plan.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warnings of a plan whose namespaces hold image streams but whose clusters expose no registry. */
class ImageChecksTest {

  private static PlanSnapshot withImageStreams(PlanSnapshot s, List<String> streams) {
    ClusterInspection src = s.sourceCluster();
    return new PlanSnapshot(s.plan(), s.settings(), s.source(), s.destination(), s.storageRef(), s.storage(),
        new ClusterInspection(src.inspected(), src.error(), src.namespaces(), src.pods(), src.volumes(), src.claims(),
            src.storageClasses(), streams), s.destinationCluster(), s.otherPlans(), s.hooks(),
        s.incompatibleNamespaces());
  }

  private static List<Condition> registryConditions(PlanSnapshot s) {
    return PlanValidator.validate(s).conditions().stream()
        .filter(c -> c.getType().endsWith("NoRegistryPath")).toList();
  }

  @Test
  void warnsForEachClusterWithoutRegistryPathWhenThereAreImageStreams() {
    PlanSnapshot s = withImageStreams(new Snapshots().build(), List.of("shop/web", "shop/db"));
    s.destination().cluster().getSpec().setExposedRegistryPath("registry.dest.example.com");

    List<Condition> conditions = registryConditions(s);

    assertThat(conditions).singleElement().satisfies(c -> {
      assertThat(c.getType()).isEqualTo(PlanConditions.SOURCE_CLUSTER_NO_REGISTRY_PATH);
      assertThat(c.getCategory()).isEqualTo(Category.WARN);
      assertThat(c.getMessage()).contains(s.source().name()).contains("2 image stream(s)")
          .contains("exposedRegistryPath");
      assertThat(c.getItems()).containsExactly("shop/web", "shop/db");
    });
  }

  @Test
  void noWarningWithoutImageStreamsOrWithBothRegistries() {
    assertThat(registryConditions(new Snapshots().build())).isEmpty();
    PlanSnapshot s = withImageStreams(new Snapshots().build(), List.of("shop/web"));
    s.source().cluster().getSpec().setExposedRegistryPath("registry.src.example.com");
    s.destination().cluster().getSpec().setExposedRegistryPath("registry.dest.example.com");
    assertThat(registryConditions(s)).isEmpty();
    PlanSnapshot neither = withImageStreams(new Snapshots().build(), List.of("shop/web"));
    assertThat(registryConditions(neither)).extracting(Condition::getType).containsExactly(
        PlanConditions.SOURCE_CLUSTER_NO_REGISTRY_PATH, PlanConditions.DESTINATION_CLUSTER_NO_REGISTRY_PATH);
  }
}
