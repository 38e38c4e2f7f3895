package dev.ferry.controller.analytics.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.analytics.AnalyticsNamespace;
import dev.ferry.api.migration.analytics.AnalyticsPlan;
import dev.ferry.api.migration.analytics.AnalyticsResource;
import dev.ferry.api.migration.analytics.MigAnalyticSpec;
import dev.ferry.controller.analytics.model.NamespaceInventory.Image;
import dev.ferry.controller.analytics.model.NamespaceInventory.ResourceCount;
import dev.ferry.controller.analytics.model.NamespaceInventory.Volume;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyticsReportTest {

  private static final NamespaceInventory SHOP = new NamespaceInventory("shop", List.of(
      new ResourceCount("", "v1", "ConfigMap", 3, false, false),
      new ResourceCount("apps", "v1", "Deployment", 2, false, false),
      new ResourceCount("", "v1", "Event", 40, true, false),
      new ResourceCount("example.com", "v1beta1", "Widget", 5, false, true)),
      List.of(new Volume("data", new Quantity("1Gi"), new Quantity("2Gi")),
          new Volume("pending", new Quantity("512Mi"), null)),
      List.of(new Image("web:1", "registry/shop/web@sha256:aa"), new Image("web:2", "registry/shop/web@sha256:bb"),
          new Image("db:latest", "registry/shop/db@sha256:cc")));
  private static final NamespaceInventory EMPTY = new NamespaceInventory("empty", List.of(), List.of(), List.of());

  private static MigAnalyticSpec everything() {
    MigAnalyticSpec spec = new MigAnalyticSpec();
    spec.setAnalyzeK8SResources(true);
    spec.setAnalyzePVCapacity(true);
    spec.setAnalyzeImageCount(true);
    return spec;
  }

  @Test
  void countsObjectsByKindSplittingExcludedAndIncompatible() {
    AnalyticsPlan report = AnalyticsReport.of("shop-plan", everything(), List.of(SHOP, EMPTY));

    assertThat(report.getPlan()).isEqualTo("shop-plan");
    assertThat(report.getPercentComplete()).isEqualTo(100);
    assertThat(report.getK8sResourceTotal()).isEqualTo(3 + 2 + 5);
    assertThat(report.getExcludedK8sResourceTotal()).isEqualTo(40);
    assertThat(report.getIncompatibleK8sResourceTotal()).isEqualTo(5);
    AnalyticsNamespace shop = report.getNamespaces().get(0);
    assertThat(shop.getK8sResources()).extracting(AnalyticsResource::getKind)
        .containsExactly("ConfigMap", "Deployment", "Widget");
    assertThat(shop.getExcludedK8SResources()).extracting(AnalyticsResource::getKind).containsExactly("Event");
    assertThat(shop.getIncompatibleK8SResources()).singleElement()
        .satisfies(r -> assertThat(r.getGroup() + "/" + r.getVersion() + " " + r.getCount())
            .isEqualTo("example.com/v1beta1 5"));
    assertThat(report.getNamespaces().get(1).getK8sResourceTotal()).isZero();
  }

  @Test
  void capacityUsesTheBoundSizeAndFallsBackToTheRequest() {
    AnalyticsPlan report = AnalyticsReport.of("p", everything(), List.of(SHOP, EMPTY));

    assertThat(report.getPvCount()).isEqualTo(2);
    // 2Gi bound + 512Mi requested (unbound) = 2560Mi
    assertThat(report.getPvCapacity()).hasToString("2560Mi");
    assertThat(report.getNamespaces().get(0).getPersistentVolumes()).first()
        .satisfies(v -> {
          assertThat(v.getRequestedCapacity()).isEqualTo(new Quantity("1Gi"));
          assertThat(v.getActualCapacity()).isEqualTo(new Quantity("2Gi"));
        });
    assertThat(report.getNamespaces().get(1).getPvCapacity()).hasToString("0");
  }

  @Test
  void imagesAreCountedAndListedOnlyWhenAskedUpToTheLimit() {
    MigAnalyticSpec spec = everything();
    AnalyticsPlan counted = AnalyticsReport.of("p", spec, List.of(SHOP));
    assertThat(counted.getImageCount()).isEqualTo(3);
    assertThat(counted.getNamespaces().get(0).getImages()).isNull();

    spec.setListImages(true);
    spec.setListImagesLimit(2);
    AnalyticsPlan listed = AnalyticsReport.of("p", spec, List.of(SHOP));
    assertThat(listed.getNamespaces().get(0).getImages()).extracting(i -> i.getName())
        .containsExactly("web:1", "web:2");
    assertThat(listed.getImageCount()).as("the count is not limited").isEqualTo(3);
  }

  @Test
  void partsTheSpecDoesNotAskForStayEmpty() {
    MigAnalyticSpec spec = new MigAnalyticSpec();
    spec.setAnalyzeImageCount(true);
    AnalyticsPlan report = AnalyticsReport.of("p", spec, List.of(SHOP));
    assertThat(report.getK8sResourceTotal()).isNull();
    assertThat(report.getPvCount()).isNull();
    assertThat(report.getNamespaces().get(0).getK8sResources()).isNull();
    assertThat(report.getImageCount()).isEqualTo(3);
  }

  @Test
  void quantitiesUseTheLargestUnitThatDividesThem() {
    assertThat(AnalyticsReport.quantity(BigDecimal.valueOf(3L << 30))).hasToString("3Gi");
    assertThat(AnalyticsReport.quantity(BigDecimal.valueOf(1536))).hasToString("1536");
    assertThat(AnalyticsReport.quantity(BigDecimal.ZERO)).hasToString("0");
  }
}
