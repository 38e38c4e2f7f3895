package dev.ferry.cli.demo;

import dev.ferry.cli.CliRun;
import dev.ferry.cli.testbed.TestbedState;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    System.out.println(out);
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
        .containsPattern("data files / bytes\\s+4 / 103\\s+")
        .contains("Volume data: identical on both sides.");
    // The controller compared every file after the copy (the plan's selection has verify: true),
    // and the destination volume holds exactly the source's data.
    assertThat(out).containsPattern("volume copy of shop/data-shop-db-0 \\(DirectVolumeMigration [\\w-]+\\): "
        + "Completed: 4 files, .*; verified\n");
    assertThat(columns(summary, "data files / bytes", "(\\d+ / \\d+)")).containsExactly("4 / 103", "4 / 103");
    List<String> sha = columns(summary, "data sha256", "([0-9a-f]{16})");
    assertThat(sha.get(1)).isEqualTo(sha.get(0));

    // The storefront image: from the source registry on the source, from the destination's (same
    // digest, served there) on the destination.
    List<String> registries = columns(summary, "image registry", "(127\\.0\\.0\\.1:\\d+)");
    assertThat(registries.get(0)).isNotEqualTo(registries.get(1));
    List<String> images = columns(summary, "deployment/shop image", "(\\S+)");
    assertThat(images.get(0)).matches(Pattern.quote(registries.get(0)) + "/shop/storefront@sha256:[0-9a-f]{12}");
    assertThat(images.get(1)).matches(Pattern.quote(registries.get(1)) + "/shop-prod/storefront@sha256:[0-9a-f]{12}");
    String digest = images.get(0).substring(images.get(0).indexOf('@') + 1);
    assertThat(images.get(1)).endsWith("@" + digest);
    assertThat(columns(summary, "  registry serves", "(sha256:[0-9a-f]{12})")).containsExactly(digest, digest);
    assertThat(summary).contains("Image of deployment/shop: the destination registry serves it with the source's "
        + "digest " + digest + ".");
    assertThat(out).contains("testbed stopped");

    TestbedState state = new TestbedState(dir);
    assertThat(state.read()).isEmpty();
    assertThat(CliRun.of("testbed", "status", "--dir", dir.toString()).exitCode()).isEqualTo(3);
  }

  /** The source and destination columns of the summary row {@code label}, each matching {@code cell}. */
  private static List<String> columns(String summary, String label, String cell) {
    Matcher m = Pattern.compile("(?m)^ *" + Pattern.quote(label.strip()) + "\\s+" + cell + "\\s+" + cell + "\\s*$")
        .matcher(summary);
    assertThat(m.find()).as("row %s in%n%s", label, summary).isTrue();
    return List.of(m.group(1), m.group(2));
  }
}
