package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The create commands' manifests (--dry-run -o yaml, no cluster) and their flag checks. */
class CreateCommandsTest {

  @Test
  void remoteClusterIsTheManualsShapeAndTheTokenIsNeverPrinted() {
    CliRun run = CliRun.of("cluster", "create", "dest", "--url", "https://127.0.0.1:6443", "--token", "s3cr3t-token",
        "--exposed-registry-path", "127.0.0.1:5000", "--dry-run", "-o", "yaml");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("s3cr3t-token");
    List<String> docs = documents(run.out());
    assertThat(docs).hasSize(2);
    Secret secret = Serialization.unmarshal(docs.get(0), Secret.class);
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("openshift-config");
    assertThat(secret.getStringData()).containsOnlyKeys("saToken");
    MigCluster cluster = Serialization.unmarshal(docs.get(1), MigCluster.class);
    assertThat(cluster.getApiVersion()).isEqualTo("migration.openshift.io/v1alpha1");
    assertThat(cluster.getMetadata().getNamespace()).isEqualTo("openshift-migration");
    assertThat(cluster.getMetadata().getLabels()).containsEntry("controller-tools.k8s.io", "1.0");
    assertThat(cluster.getSpec().getIsHostCluster()).isFalse();
    assertThat(cluster.getSpec().getUrl()).isEqualTo("https://127.0.0.1:6443");
    assertThat(cluster.getSpec().getServiceAccountSecretRef().getName()).isEqualTo("dest-token");
    assertThat(cluster.getSpec().getServiceAccountSecretRef().getNamespace()).isEqualTo("openshift-config");
    assertThat(cluster.getSpec().getExposedRegistryPath()).isEqualTo("127.0.0.1:5000");
    assertThat(cluster.getStatus()).isNull();

    CliRun json = CliRun.of("cluster", "create", "dest", "--url", "https://127.0.0.1:6443", "--token", "s3cr3t-token",
        "--dry-run", "-o", "json");
    assertThat(json.out()).doesNotContain("s3cr3t-token").containsPattern("(?s)\\{\\s*\"apiVersion\" : \"v1\",\\s*"
        + "\"kind\" : \"List\",\\s*\"items\" : \\[.*\"kind\" : \"Secret\".*\"kind\" : \"MigCluster\"");
  }

  @Test
  void caBundleIsBase64OfThePem(@TempDir Path dir) throws Exception {
    String pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    Path ca = Files.writeString(dir.resolve("ca.pem"), pem);
    CliRun run = CliRun.of("cluster", "create", "dest", "--url", "https://10.0.0.1:6443", "--token-secret",
        "other/dest-sa", "--ca-bundle", ca.toString(), "--dry-run", "-o", "yaml");
    assertThat(run.exitCode()).as(run.err()).isZero();
    MigCluster cluster = Serialization.unmarshal(run.out(), MigCluster.class);
    assertThat(new String(Base64.getDecoder().decode(cluster.getSpec().getCaBundle()), StandardCharsets.UTF_8))
        .isEqualTo(pem);
    assertThat(cluster.getSpec().getServiceAccountSecretRef().getNamespace()).isEqualTo("other");
    assertThat(cluster.getSpec().getServiceAccountSecretRef().getName()).isEqualTo("dest-sa");
  }

  @Test
  void hostCluster() {
    CliRun run = CliRun.of("cluster", "create", "host", "--host", "--dry-run", "-o", "yaml");
    MigCluster cluster = Serialization.unmarshal(run.out(), MigCluster.class);
    assertThat(cluster.getSpec().getIsHostCluster()).isTrue();
    assertThat(cluster.getSpec().getUrl()).isNull();
    assertThat(CliRun.of("cluster", "create", "host", "--host", "--dry-run").out())
        .isEqualTo("migcluster.migration.openshift.io/host created (dry run)\n");
  }

  @Test
  void conflictingOrMissingClusterFlagsAreOneLineErrors(@TempDir Path dir) throws Exception {
    assertError(CliRun.of("cluster", "create", "x", "--host", "--url", "https://a:6443"), "--host declares");
    assertError(CliRun.of("cluster", "create", "x"), "give --host");
    assertError(CliRun.of("cluster", "create", "x", "--url", "http://a:6443", "--token", "t"), "not an https:// URL");
    assertError(CliRun.of("cluster", "create", "x", "--url", "https://a:6443"), "needs a service-account token");
    assertError(CliRun.of("cluster", "create", "x", "--url", "https://a:6443", "--token", "t", "--token-secret", "s"),
        "only one of");
    Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    assertError(CliRun.of("cluster", "create", "x", "--url", "https://a:6443", "--token", "t", "--insecure",
        "--ca-bundle", ca.toString()), "exclude each other");
    Path notPem = Files.writeString(dir.resolve("x.txt"), "hello");
    assertError(CliRun.of("cluster", "create", "x", "--url", "https://a:6443", "--token", "t",
        "--ca-bundle", notPem.toString()), "holds no PEM certificate");
  }

  @Test
  void s3AndFilesystemStorage(@TempDir Path dir) {
    CliRun s3 = CliRun.of("storage", "create", "repo", "--provider", "aws", "--bucket", "b1", "--region", "us-east-1",
        "--endpoint", "http://127.0.0.1:9000", "--force-path-style", "--credentials-secret", "s3-creds",
        "--dry-run", "-o", "yaml");
    assertThat(s3.exitCode()).as(s3.err()).isZero();
    MigStorage storage = Serialization.unmarshal(s3.out(), MigStorage.class);
    assertThat(storage.getSpec().getBackupStorageProvider().value()).isEqualTo("aws");
    var config = storage.getSpec().getBackupStorageConfig();
    assertThat(config.getAwsBucketName()).isEqualTo("b1");
    assertThat(config.getAwsRegion()).isEqualTo("us-east-1");
    assertThat(config.getAwsS3Url()).isEqualTo("http://127.0.0.1:9000");
    assertThat(config.getAwsS3ForcePathStyle()).isTrue();
    assertThat(config.getCredsSecretRef().getNamespace()).isEqualTo("openshift-config");
    assertThat(config.getCredsSecretRef().getName()).isEqualTo("s3-creds");

    CliRun fs = CliRun.of("storage", "create", "local", "--provider", "filesystem", "--path", dir.toString(),
        "--dry-run", "-o", "yaml");
    MigStorage local = Serialization.unmarshal(fs.out(), MigStorage.class);
    assertThat(local.getSpec().getBackupStorageConfig().getFilesystemPath()).isEqualTo(dir.toString());

    assertError(CliRun.of("storage", "create", "r", "--provider", "aws", "--bucket", "b"), "--credentials-secret");
    assertError(CliRun.of("storage", "create", "r", "--provider", "filesystem", "--path", "/x", "--bucket", "b"),
        "takes only --path");
    assertError(CliRun.of("storage", "create", "r", "--provider", "ftp"), "not supported");
  }

  @Test
  void playbookHookIsBase64AndCustomHookHasItsImage(@TempDir Path dir) throws Exception {
    Path playbook = Files.writeString(dir.resolve("pb.yaml"), "- hosts: localhost\n");
    CliRun run = CliRun.of("hook", "create", "pb", "--playbook", playbook.toString(), "--target-cluster",
        "destination", "--deadline", "600", "--dry-run", "-o", "yaml");
    assertThat(run.exitCode()).as(run.err()).isZero();
    MigHook hook = Serialization.unmarshal(run.out(), MigHook.class);
    assertThat(hook.getSpec().getCustom()).isFalse();
    assertThat(new String(Base64.getDecoder().decode(hook.getSpec().getPlaybook()), StandardCharsets.UTF_8))
        .isEqualTo("- hosts: localhost\n");
    assertThat(hook.getSpec().getTargetCluster().value()).isEqualTo("destination");
    assertThat(hook.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);

    MigHook custom = Serialization.unmarshal(CliRun.of("hook", "create", "c", "--image", "quay.io/x/y:1",
        "--target-cluster", "source", "--dry-run", "-o", "yaml").out(), MigHook.class);
    assertThat(custom.getSpec().getCustom()).isTrue();
    assertThat(custom.getSpec().getImage()).isEqualTo("quay.io/x/y:1");
    assertError(CliRun.of("hook", "create", "c", "--target-cluster", "source"), "give --image");
    assertError(CliRun.of("hook", "create", "c", "--image", "i", "--target-cluster", "moon"), "not source or destination");
  }

  @Test
  void planReferencesWithNamespaceAndHooks() {
    CliRun run = CliRun.of("plan", "create", "p", "--source", "host", "--destination", "dest", "--storage", "repo",
        "--namespaces", "shop:shop-prod,web", "--indirect-volumes", "--hook", "backup-db:PreBackup:shop:migration-controller",
        "--dry-run", "-o", "yaml");
    assertThat(run.exitCode()).as(run.err()).isZero();
    MigPlan plan = Serialization.unmarshal(run.out(), MigPlan.class);
    assertThat(plan.getSpec().getSrcMigClusterRef().getName()).isEqualTo("host");
    assertThat(plan.getSpec().getSrcMigClusterRef().getNamespace()).isEqualTo("openshift-migration");
    assertThat(plan.getSpec().getDestMigClusterRef().getName()).isEqualTo("dest");
    assertThat(plan.getSpec().getMigStorageRef().getName()).isEqualTo("repo");
    assertThat(plan.getSpec().getNamespaces()).containsExactly("shop:shop-prod", "web");
    assertThat(plan.getSpec().getIndirectVolumeMigration()).isTrue();
    assertThat(plan.getSpec().getIndirectImageMigration()).isFalse();
    assertThat(plan.getSpec().getHooks()).singleElement().satisfies(h -> {
      assertThat(h.getReference().getName()).isEqualTo("backup-db");
      assertThat(h.getPhase().value()).isEqualTo("PreBackup");
      assertThat(h.getExecutionNamespace()).isEqualTo("shop");
      assertThat(h.getServiceAccount()).isEqualTo("migration-controller");
    });
    String[] base = {"plan", "create", "p", "--source", "a", "--destination", "b", "--storage", "s", "--dry-run"};
    assertError(CliRun.of(concat(base, "--namespaces", "Shop")), "not a valid namespace name");
    assertError(CliRun.of(concat(base, "--namespaces", "a:x,b:x")), "two namespaces would land in x");
    assertError(CliRun.of(concat(base, "--namespaces", "a", "--hook", "h:Sometime:ns:sa")), "is not one of PreBackup");
    assertError(CliRun.of(concat(base, "--namespaces", "a", "--hook", "h:PreBackup")), "is not HOOK:PHASE:");
    assertError(CliRun.of("plan", "create", "p", "--source", "a", "--destination", "a", "--storage", "s",
        "--namespaces", "x"), "both a");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static void assertError(CliRun run, String contains) {
    assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
    assertThat(run.err()).startsWith("ferry: error: ").contains(contains);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  private static List<String> documents(String yaml) {
    return java.util.Arrays.stream(yaml.split("(?m)^---\\s*$")).filter(d -> !d.isBlank()).toList();
  }
}
