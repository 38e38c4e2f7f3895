package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.analytics.AnalyticsNamespace;
import dev.ferry.api.migration.analytics.AnalyticsPlan;
import dev.ferry.api.migration.analytics.AnalyticsResource;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzeTableTest {

  private static AnalyticsResource resource(String group, String kind, int count) {
    AnalyticsResource r = new AnalyticsResource();
    r.setGroup(group);
    r.setVersion("v1");
    r.setKind(kind);
    r.setCount(count);
    return r;
  }

  @Test
  void printsTotalsPerNamespaceAndTheKindsOfEach() {
    AnalyticsNamespace shop = new AnalyticsNamespace();
    shop.setNamespace("shop");
    shop.setK8sResources(List.of(resource("", "ConfigMap", 3), resource("apps", "Deployment", 1)));
    shop.setK8sResourceTotal(4);
    shop.setExcludedK8SResourceTotal(7);
    shop.setIncompatibleK8SResourceTotal(0);
    shop.setPvCount(1);
    shop.setPvCapacity(new Quantity("1Gi"));
    shop.setImageCount(2);
    AnalyticsPlan plan = new AnalyticsPlan();
    plan.setNamespaces(List.of(shop));
    plan.setK8sResourceTotal(4);
    plan.setExcludedK8sResourceTotal(7);
    plan.setIncompatibleK8sResourceTotal(0);
    plan.setPvCount(1);
    plan.setPvCapacity(new Quantity("1Gi"));
    plan.setImageCount(2);

    assertThat(AnalyzeCommand.table(plan)).isEqualTo("""
        NAMESPACE  OBJECTS  EXCLUDED  INCOMPATIBLE  PVCS  PV CAPACITY  IMAGES
        shop       4        7         0             1     1Gi          2
        TOTAL      4        7         0             1     1Gi          2

        SHOP        GROUP/VERSION  COUNT
        ConfigMap   v1             3
        Deployment  apps/v1        1
        """);
  }
}
