package dev.ferry.controller.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.analytics.AnalyticsNamespace;
import dev.ferry.api.migration.analytics.AnalyticsResource;
import dev.ferry.api.migration.analytics.MigAnalytic;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.InProcessController;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's MigAnalytic, reconciled against a real source cluster: objects by kind for the
 * plan's namespace, the claim's requested and bound capacity; a plan that does not exist is a
 * Critical condition, not a silent empty report.
 */
@ExtendWith(TestbedExtension.class)
class MigAnalyticIT {
  private static final String NS = PlanFixture.NS;

  @Test
  void analyzesThePlansNamespaceOnTheSource(Testbed testbed, @TempDir Path repository) {
    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "analytic-" + s;
    KubernetesClient host = testbed.source().client();
    FerryCrds.install(host);
    PlanFixture.apply(host, SampleApps.of(SampleApps.namespace(app), """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: one, namespace: %1$s}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: two, namespace: %1$s}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: %1$s}
        stringData: {password: not-in-any-status}
        """.formatted(app), SampleApps.web(app, 0, "registry.example/web:1", false), SampleApps.dataClaim(app)));
    PlanFixture.declare(host, testbed.destination(), s, repository, app, "");

    try (InProcessController controller = InProcessController.on(host).analytics().start()) {
      host.resource(Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigAnalytic
          metadata:
            name: plan-%1$s-analytics
            namespace: %2$s
            annotations: {migplan: plan-%1$s}
            labels: {migplan: plan-%1$s}
          spec:
            analyzeImageCount: true
            analyzeK8SResources: true
            analyzePVCapacity: true
            listImages: false
            listImagesLimit: 50
            migPlanRef: {name: plan-%1$s, namespace: %2$s}
          """.formatted(s, NS), MigAnalytic.class)).create();
      MigAnalytic done = host.resources(MigAnalytic.class).inNamespace(NS).withName("plan-" + s + "-analytics")
          .waitUntilCondition(a -> a.getStatus() != null && a.getStatus().conditions().ready(), 120, TimeUnit.SECONDS);

      AnalyticsNamespace ns = done.getStatus().getAnalytics().getNamespaces().get(0);
      assertThat(ns.getNamespace()).isEqualTo(app);
      assertThat(ns.getK8sResources()).extracting(r -> r.getKind() + "=" + r.getCount())
          .contains("ConfigMap=3", "Secret=1", "Deployment=1", "PersistentVolumeClaim=1")
          .as("kube-root-ca.crt is the third ConfigMap; the Deployment's ReplicaSet is counted too")
          .anyMatch(k -> k.startsWith("ReplicaSet="));
      assertThat(ns.getK8sResources()).extracting(AnalyticsResource::getGroup).contains("", "apps");
      assertThat(ns.getPvCount()).isEqualTo(1);
      assertThat(ns.getPersistentVolumes().get(0).getRequestedCapacity()).hasToString("1Gi");
      assertThat(done.getStatus().getAnalytics().getK8sResourceTotal()).isEqualTo(ns.getK8sResourceTotal())
          .isGreaterThanOrEqualTo(7);
      assertThat(done.getStatus().getAnalytics().getImageCount()).isZero();
      assertThat(Serialization.asJson(done.getStatus())).doesNotContain("not-in-any-status");

      // A plan that does not exist: a Critical condition that names it.
      host.resource(Serialization.unmarshal("""
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigAnalytic
          metadata: {name: missing-%1$s, namespace: %2$s}
          spec:
            analyzeK8SResources: true
            migPlanRef: {name: no-such-plan-%1$s, namespace: %2$s}
          """.formatted(s, NS), MigAnalytic.class)).create();
      MigAnalytic missing = host.resources(MigAnalytic.class).inNamespace(NS).withName("missing-" + s)
          .waitUntilCondition(a -> a.getStatus() != null && a.getStatus().conditions().has("InvalidPlanRef"),
              60, TimeUnit.SECONDS);
      assertThat(missing.getStatus().conditions().find("InvalidPlanRef")).get().extracting(Condition::getMessage)
          .asString().contains("no-such-plan-" + s).contains("does not exist");
      assertThat(missing.getStatus().conditions().ready()).isFalse();
    }
  }
}
