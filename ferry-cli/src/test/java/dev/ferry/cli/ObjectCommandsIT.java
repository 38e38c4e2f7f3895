package dev.ferry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RemoteAccess;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * cluster, storage, hook and plan create/get/describe/delete against the testbed, with Ferry's
 * controller in-process validating what the commands create (Ready only after a real connection
 * check and storage probe).
 */
@ExtendWith(TestbedExtension.class)
class ObjectCommandsIT {

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void declareEverythingAPlanNeedsThenDeleteIt(Testbed testbed, @TempDir Path dir) throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    new CrdInstaller(host).install(Crds.definitions(), 60);
    Path kubeconfig = dir.resolve("kubeconfig");
    source.writeKubeconfig(kubeconfig);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String ns = "objects-" + s; // a namespace of its own: no other test's objects in the tables
    Path tokenFile = Files.writeString(dir.resolve("token"), RemoteAccess.clusterAdminToken(destination.client()));
    Path ca = Files.writeString(dir.resolve("ca.pem"), destination.caPem());
    Path repository = Files.createDirectories(dir.resolve("repository"));

    try (FerryOperator operator = new FerryOperator(host, ns, Clock.systemUTC()).start()) {
      CliRun hostCluster = cli(kubeconfig, ns, "cluster", "create", "host", "--host", "--wait");
      assertThat(hostCluster.exitCode()).as(hostCluster.out() + hostCluster.err()).isZero();
      assertThat(hostCluster.out()).contains("migcluster.migration.openshift.io/host created").contains("host is Ready");

      CliRun remote = cli(kubeconfig, ns, "cluster", "create", "dest", "--url", destination.url(),
          "--token-file", tokenFile.toString(), "--ca-bundle", ca.toString(), "--wait");
      assertThat(remote.exitCode()).as(remote.out() + remote.err()).isZero();
      assertThat(remote.out()).contains("secret/dest-token created").contains("dest is Ready")
          .doesNotContain(Files.readString(tokenFile));
      assertThat(host.secrets().inNamespace("openshift-config").withName("dest-token").get().getData())
          .containsKey("saToken");

      CliRun again = cli(kubeconfig, ns, "cluster", "create", "dest", "--url", destination.url(),
          "--token-secret", "dest-token");
      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err()).contains("cluster dest already exists in namespace " + ns);
      CliRun missingSecret = cli(kubeconfig, ns, "cluster", "create", "other", "--url", destination.url(),
          "--token-secret", "no-such-" + s);
      assertThat(missingSecret.err()).contains("Secret openshift-config/no-such-" + s + " (--token-secret) does not exist");

      // --wait stops at the controller's Critical verdict instead of waiting out its timeout, and says why.
      CliRun unreachable = cli(kubeconfig, ns, "cluster", "create", "down", "--url", "https://127.0.0.1:1",
          "--token-file", tokenFile.toString(), "--insecure", "--wait");
      assertThat(unreachable.exitCode()).as(unreachable.out() + unreachable.err()).isEqualTo(1);
      assertThat(unreachable.err()).contains("down is not Ready: ").doesNotContain("after 90s");
      cli(kubeconfig, ns, "cluster", "delete", "down");

      CliRun clusters = cli(kubeconfig, ns, "cluster", "get");
      assertThat(clusters.out().lines().findFirst().orElseThrow()).matches("NAME\\s+READY\\s+HOST\\s+URL\\s+REGISTRY\\s+AGE");
      assertThat(clusters.out()).containsPattern("dest\\s+True\\s+false\\s+" + destination.url().replace(".", "\\.")
          + "\\s+\\d+s").containsPattern("host\\s+True\\s+true\\s+\\d+s");
      CliRun described = cli(kubeconfig, ns, "cluster", "describe", "dest");
      assertThat(described.out()).contains("Token secret:").contains("openshift-config/dest-token")
          .containsPattern("Ready\\s+Required");

      CliRun storage = cli(kubeconfig, ns, "storage", "create", "repo", "--provider", "filesystem", "--path",
          repository.toString(), "--wait");
      assertThat(storage.exitCode()).as(storage.out() + storage.err()).isZero();
      assertThat(cli(kubeconfig, ns, "storage", "get").out()).containsPattern("repo\\s+True\\s+filesystem\\s+"
          + repository + "\\s+\\d+s");
      CliRun noCreds = cli(kubeconfig, ns, "storage", "create", "s3", "--provider", "aws", "--bucket", "b-" + s,
          "--credentials-secret", "no-creds-" + s);
      assertThat(noCreds.err()).contains("(--credentials-secret) does not exist").contains("aws-access-key-id");

      CliRun hook = cli(kubeconfig, ns, "hook", "create", "prep", "--image", "quay.io/ferry/prep:1",
          "--target-cluster", "source", "--deadline", "300");
      assertThat(hook.exitCode()).as(hook.err()).isZero();
      assertThat(cli(kubeconfig, ns, "hook", "get").out()).containsPattern("prep\\s+\\w+\\s+quay\\.io/ferry/prep:1\\s+"
          + "source\\s+300s");
      assertThat(cli(kubeconfig, ns, "hook", "describe", "prep").out()).contains("Custom image:").contains("yes");

      CliRun missingRef = cli(kubeconfig, ns, "plan", "create", "p", "--source", "host", "--destination", "nowhere",
          "--storage", "repo", "--namespaces", "shop");
      assertThat(missingRef.exitCode()).isEqualTo(2);
      assertThat(missingRef.err()).isEqualTo("ferry: error: cluster nowhere not found in namespace " + ns
          + "; list them with: ferry cluster get -n " + ns + "\n");

      host.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
          .withName("app-" + s).endMetadata().build()).create();
      CliRun plan = cli(kubeconfig, ns, "plan", "create", "p", "--source", "host", "--destination", "dest",
          "--storage", "repo", "--namespaces", "app-" + s + ":moved-" + s, "--hook", "prep:PreBackup:app-" + s
          + ":default", "--wait");
      assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
      assertThat(cli(kubeconfig, ns, "plan", "get").out()).containsPattern("p\\s+True\\s+host\\s+dest\\s+repo\\s+app-"
          + s + ":moved-" + s);

      CliRun deletedPlan = cli(kubeconfig, ns, "plan", "delete", "p", "--wait");
      assertThat(deletedPlan.exitCode()).as(deletedPlan.err()).isZero();
      assertThat(deletedPlan.out()).isEqualTo("migplan.migration.openshift.io/p deleted\n");
      CliRun deletedCluster = cli(kubeconfig, ns, "cluster", "delete", "dest", "--wait");
      assertThat(deletedCluster.out()).contains("secret/dest-token deleted");
      assertThat(host.resources(MigCluster.class).inNamespace(ns).withName("dest").get()).isNull();
      assertThat(host.secrets().inNamespace("openshift-config").withName("dest-token").get()).isNull();
      CliRun gone = cli(kubeconfig, ns, "storage", "describe", "nope");
      assertThat(gone.err()).startsWith("ferry: error: storage nope not found in namespace " + ns);
    }
  }

  private static CliRun cli(Path kubeconfig, String namespace, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--kubeconfig";
    all[args.length + 1] = kubeconfig.toString();
    all[args.length + 2] = "-n";
    all[args.length + 3] = namespace;
    return CliRun.of(all);
  }
}
