package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry demo} end to end on a testbed of its own: the shop is deployed, staged, cut over into
 * shop-prod, summarised side by side, and the testbed is stopped afterwards.
 */
class DemoIT {

  @Test
  void stageThenCutoverIntoTheMappedNamespaceThenTeardown(@TempDir Path dir) throws Exception {
    CliRun demo = CliRun.of("demo", "--dir", dir.toString());
    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    String out = demo.out();
    assertThat(out).containsPattern("==> \\[ *[\\d.]+s\\] deploying the shop in namespace shop on the source cluster")
        .contains("StatefulSet shop-db").contains("Shop kayaks")
        .contains("MigPlan openshift-migration/shop-plan")
        .contains("Migration shop-stage completed.")
        .contains("Migration shop-cutover completed.")
        // The pipeline is printed as the cutover goes.
        .containsPattern("Migration shop-cutover: \\w+\nSTEP\\s+STATUS")
        .containsPattern("Restore\\s+Completed");
    assertThat(out.indexOf("shop-stage completed")).isLessThan(out.indexOf("the shop took an order meanwhile"));
    String summary = out.substring(out.indexOf("the shop on both clusters"));
    assertThat(summary).containsPattern("SOURCE source/shop\\s+DESTINATION destination/shop-prod")
        .containsPattern("Deployment\\s+1\\s+1\n").containsPattern("StatefulSet\\s+1\\s+1\n")
        .containsPattern("Service\\s+2\\s+2\n").containsPattern("ConfigMap\\s+1\\s+1\n")
        .containsPattern("Secret\\s+1\\s+1\n").containsPattern("PersistentVolumeClaim\\s+1\\s+1\n")
        .containsPattern("Shop \\(demo\\.ferry\\.dev\\)\\s+1\\s+1\n")
        // Quiesced on the source, running on the destination.
        .containsPattern("deployment/shop replicas\\s+0 \\(ready 0\\)\\s+2 \\(ready \\d\\)")
        .containsPattern("statefulset/shop-db replicas\\s+0 \\(ready 0\\)\\s+1 \\(ready \\d\\)")
        .containsPattern("pvc\\s+data-shop-db-0 Bound\\s+data-shop-db-0 Bound")
        // Three files, then a changed orders.csv and a new log: 4 files, 103 bytes on the source.
        .containsPattern("data files / bytes\\s+4 / 103\\s+\\d+ / \\d+")
        .containsPattern("data sha256\\s+[0-9a-f]{16}\\s+");
    assertThat(out).contains("testbed stopped");

    TestbedState state = new TestbedState(dir);
    assertThat(state.read()).isEmpty();
    assertThat(CliRun.of("testbed", "status", "--dir", dir.toString()).exitCode()).isEqualTo(3);
  }
}
