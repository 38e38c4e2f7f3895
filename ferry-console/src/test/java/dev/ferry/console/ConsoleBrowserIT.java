package dev.ferry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.Crds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RemoteAccess;
import dev.ferry.testbed.TestNamespace;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The seed's whole workflow in a real browser (Debian's headless Chromium): add the host and a
 * remote cluster and a repository, create a plan through the wizard, stage, cut over, inspect the
 * migration's resources and copy a describe command, roll back. The console is served with the
 * user's kubeconfig (contexts source and destination; the destination is the host), Ferry's
 * reconcilers run in-process as {@code ferry console --in-process} runs them. Screenshots go to
 * docs/console/.
 */
@ExtendWith(TestbedExtension.class)
class ConsoleBrowserIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void wholeWorkflowInTheBrowser(Testbed testbed, TestNamespace app, @TempDir Path dir) throws Exception {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = destination.client();
    installCrds(host);
    Path kubeconfig = dir.resolve("kubeconfig");
    LocalCluster.writeKubeconfig(kubeconfig, List.of(source, destination));
    String suffix = app.name().substring(app.name().lastIndexOf('-') + 1);
    String moved = app.name() + "-moved";
    deployApp(source.client(), app.name());

    Path screenshots = Path.of(System.getProperty("ferry.repo.root", "..")).resolve("docs/console");
    try (FerryOperator controller = new FerryOperator(host, NS, Clock.systemUTC()).start();
         ConsoleApi api = new ConsoleApi(host, NS, KubeConfigUtils.parseConfig(kubeconfig.toFile()),
             destination.name(), Clock.systemUTC());
         ConsoleServer server = ConsoleServer.start(api, "127.0.0.1", 0);
         Browser browser = new Browser(screenshots)) {
      String base = server.url();

      // First load, measured by the browser's navigation timing (printed, not asserted).
      browser.open(base + "#/clusters");
      browser.find(By.id("add-cluster"));
      Object load = browser.script("const n = performance.getEntriesByType('navigation')[0];"
          + "return Math.round(n.loadEventEnd > 0 ? n.loadEventEnd : performance.now());");
      System.out.println("console first page load: " + load + " ms");

      // Clusters: the host, then the source with its URL, a service account token and its CA.
      String hostCluster = "host-" + suffix;
      String sourceCluster = "src-" + suffix;
      browser.clickId("add-cluster");
      browser.type("cluster-name", hostCluster);
      browser.clickId("cluster-host");
      browser.clickId("add-cluster-submit");
      browser.waitAttribute(By.id("cluster-status-" + hostCluster), "data-usable", "true");
      String token = RemoteAccess.clusterAdminToken(source.client());
      browser.clickId("add-cluster");
      browser.type("cluster-name", sourceCluster);
      browser.type("cluster-url", source.url());
      browser.type("cluster-token", token);
      browser.find(By.cssSelector("textarea#cluster-ca, #add-cluster-modal textarea")).sendKeys(source.caPem());
      browser.clickId("add-cluster-submit");
      browser.waitAttribute(By.id("cluster-status-" + sourceCluster), "data-usable", "true");
      // Refresh sets spec.refresh; the controller checks the cluster again and clears it (two spec edits).
      var clusterResource = host.resources(dev.ferry.api.migration.cluster.MigCluster.class).inNamespace(NS)
          .withName(sourceCluster);
      long generation = clusterResource.get().getMetadata().getGeneration();
      browser.clickId("refresh-cluster-" + sourceCluster);
      clusterResource.waitUntilCondition(c -> c.getMetadata().getGeneration() >= generation + 2
          && !Boolean.TRUE.equals(c.getSpec().getRefresh()), 60, TimeUnit.SECONDS);
      browser.waitAttribute(By.id("cluster-status-" + sourceCluster), "data-usable", "true");
      // Edit: a new Azure resource group and the token typed again; the token lands in the Secret
      // the cluster already references (no new Secret), and the cluster stays usable.
      var tokenRef = clusterResource.get().getSpec().getServiceAccountSecretRef();
      browser.clickId("edit-cluster-" + sourceCluster);
      assertThat(browser.find(By.id("cluster-url")).getDomProperty("value")).isEqualTo(source.url());
      assertThat(browser.find(By.id("cluster-token")).getDomProperty("value")).isEmpty();
      browser.type("cluster-azure-rg", "rg-edited");
      browser.type("cluster-token", token);
      browser.screenshot("edit-cluster");
      browser.clickId("add-cluster-submit");
      clusterResource.waitUntilCondition(c -> "rg-edited".equals(c.getSpec().getAzureResourceGroup()), 30,
          TimeUnit.SECONDS);
      assertThat(clusterResource.get().getSpec().getServiceAccountSecretRef()).isEqualTo(tokenRef);
      assertThat(new String(java.util.Base64.getDecoder().decode(host.secrets().inNamespace(tokenRef.getNamespace())
          .withName(tokenRef.getName()).get().getData().get("saToken")), StandardCharsets.UTF_8)).isEqualTo(token);
      browser.waitAttribute(By.id("cluster-status-" + sourceCluster), "data-usable", "true");
      browser.screenshot("clusters");

      // Replication repository: a local directory.
      String repository = "repo-" + suffix;
      browser.open(base + "#/storages");
      browser.clickId("add-storage");
      browser.select("storage-provider", "filesystem");
      browser.type("storage-name", repository);
      browser.type("storage-filesystemPath", Files.createDirectories(dir.resolve("repository")).toString());
      browser.screenshot("add-repository");
      browser.clickId("add-storage-submit");
      browser.waitAttribute(By.id("storage-status-" + repository), "data-usable", "true");
      // Edit: another directory; the controller probes the new location and the repository is usable again.
      String moredir = Files.createDirectories(dir.resolve("repository-2")).toString();
      browser.clickId("edit-storage-" + repository);
      browser.type("storage-filesystemPath", moredir);
      browser.clickId("add-storage-submit");
      var storageResource = host.resources(dev.ferry.api.migration.storage.MigStorage.class).inNamespace(NS)
          .withName(repository);
      storageResource.waitUntilCondition(m -> moredir.equals(m.getSpec().getBackupStorageConfig().getFilesystemPath()),
          30, TimeUnit.SECONDS);
      browser.waitAttribute(By.id("storage-status-" + repository), "data-usable", "true");
      browser.screenshot("repositories");

      // The plan wizard: general → namespaces (renamed) → volumes → options → hooks → validation.
      String plan = "plan-" + suffix;
      browser.open(base + "#/plans");
      browser.clickId("create-plan");
      browser.type("plan-name", plan);
      browser.select("plan-source", sourceCluster);
      browser.select("plan-destination", hostCluster);
      browser.select("plan-storage", repository);
      browser.screenshot("wizard-general");
      browser.clickId("wizard-next");
      browser.click(By.cssSelector("tr[data-namespace='" + app.name() + "'] input[type=checkbox]"));
      browser.type("target-" + app.name(), moved);
      browser.screenshot("wizard-namespaces");
      browser.clickId("wizard-next");
      // The claim's volume, as the controller discovered it: copy it, and verify every file afterwards.
      browser.click(By.cssSelector("#volumes-table input[type=checkbox]"));
      browser.screenshot("wizard-volumes");
      browser.clickId("wizard-next");
      browser.find(By.id("opt-indirect-images"));
      browser.clickId("wizard-next");
      browser.find(By.id("hook-name"));
      browser.clickId("wizard-next");
      browser.waitAttribute(By.id("wizard-plan-status"), "data-usable", "true");
      browser.screenshot("wizard-validation");
      browser.clickId("wizard-next");
      browser.waitAttribute(By.id("plan-status"), "data-usable", "true");
      var planSpec = host.resources(dev.ferry.api.migration.plan.MigPlan.class).inNamespace(NS).withName(plan).get()
          .getSpec();
      assertThat(planSpec.getNamespaces()).containsExactly(app.name() + ":" + moved);
      assertThat(planSpec.getPersistentVolumes()).singleElement()
          .satisfies(pv -> assertThat(pv.getSelection().getVerify()).isTrue());

      // Edit the plan: the wizard opens on what the plan holds; Finish writes it back unchanged.
      browser.clickId("plan-actions-" + plan);
      browser.clickId("action-edit");
      browser.waitText(By.tagName("h1"), "Edit migration plan " + plan);
      browser.until(d -> repository.equals(d.findElement(By.id("plan-storage")).getDomProperty("value")) ? true : null,
          "the plan's repository in the wizard");
      browser.clickId("wizard-next");
      browser.until(d -> d.findElement(By.cssSelector("tr[data-namespace='" + app.name() + "'] input[type=checkbox]"))
          .isSelected() ? true : null, "the plan's namespace selected");
      assertThat(browser.find(By.id("target-" + app.name())).getDomProperty("value")).isEqualTo(moved);
      browser.screenshot("edit-plan");
      for (int step = 2; step <= 5; step++) {
        browser.clickId("wizard-next");
      }
      browser.waitAttribute(By.id("wizard-plan-status"), "data-usable", "true");
      browser.clickId("wizard-next");
      browser.waitAttribute(By.id("plan-status"), "data-usable", "true");
      var edited = host.resources(dev.ferry.api.migration.plan.MigPlan.class).inNamespace(NS).withName(plan).get()
          .getSpec();
      assertThat(edited.getNamespaces()).containsExactly(app.name() + ":" + moved);
      assertThat(edited.getMigStorageRef().getName()).isEqualTo(repository);
      assertThat(edited.getPersistentVolumes()).singleElement()
          .satisfies(pv -> assertThat(pv.getSelection().getVerify()).isTrue());

      // Stage, then cutover with the source quiesced.
      String stage = runAction(browser, plan, "action-stage", null);
      assertThat(stage).startsWith(plan + "-stage-");
      browser.screenshot("migration-stage");
      browser.open(base + "#/plans/" + plan);
      String cutover = runAction(browser, plan, "action-cutover", true);
      browser.screenshot("migration-details");
      // View logs: the migration's merged log holds its Backups' and Restores' operation logs.
      browser.click(By.xpath("//button[.//*[normalize-space(text())='Logs']]"));
      browser.until(d -> d.findElements(By.cssSelector("#logs-table tr[data-source^='backup/']")).isEmpty() ? null : true,
          "a Backup's log in View logs");
      browser.until(d -> d.findElements(By.cssSelector("#logs-table tr[data-source^='restore/']")).isEmpty() ? null : true,
          "a Restore's log in View logs");
      browser.screenshot("migration-logs");
      assertThat(host.configMaps().inNamespace(moved).withName("settings").get().getData())
          .containsEntry("currency", "EUR");
      assertThat(host.persistentVolumeClaims().inNamespace(moved).withName("data").get()).isNotNull();
      assertThat(source.client().apps().deployments().inNamespace(app.name()).withName("web").get()
          .getSpec().getReplicas()).isZero();
      var migration = host.resources(dev.ferry.api.migration.migration.MigMigration.class).inNamespace(NS)
          .withName(cutover).get();
      assertThat(migration.getSpec().getQuiescePods()).isTrue();
      assertThat(migration.getSpec().getStage()).isFalse();

      // The migration's resources: the tree, a copied describe command (run, where kubectl is installed), its JSON.
      browser.click(By.xpath("//button[.//*[normalize-space(text())='Migration resources']]"));
      browser.waitAttribute(By.cssSelector("#resources-table tr[data-kind]"), "data-kind", "MigMigration");
      browser.waitAttribute(By.cssSelector("#resources-table tr[data-kind]"), "data-kind", "MigPlan");
      browser.waitAttribute(By.cssSelector("#resources-table tr[data-kind]"), "data-kind", "DirectVolumeMigration");
      browser.waitAttribute(By.cssSelector("#resources-table tr[data-kind]"), "data-kind",
          "DirectVolumeMigrationProgress");
      browser.screenshot("migration-resources");
      browser.clickId("menu-migmigration-" + cutover);
      browser.clickId("describe-migmigration-" + cutover);
      String copied = browser.find(By.cssSelector("#copied-command input")).getDomProperty("value");
      assertThat(copied).isEqualTo("kubectl describe migmigrations.migration.openshift.io " + cutover + " -n " + NS
          + " --context " + destination.name());
      browser.screenshot("copied-describe-command");
      Path kubectl = kubectl();
      if (kubectl != null) {
        List<String> words = new java.util.ArrayList<>(List.of(copied.split(" ")));
        words.set(0, kubectl.toString());
        ProcessBuilder pb = new ProcessBuilder(words).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", kubeconfig.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("Name:         " + cutover).contains("MigMigration");
      }
      browser.clickId("menu-migmigration-" + cutover);
      browser.clickId("json-migmigration-" + cutover);
      browser.waitText(By.id("json-text"), "\"name\": \"" + cutover + "\"");
      browser.screenshot("view-json");

      // Rollback: the plan's objects leave the destination, the source runs again.
      browser.open(base + "#/plans/" + plan);
      runAction(browser, plan, "action-rollback", null);
      assertThat(host.configMaps().inNamespace(moved).withName("settings").get()).isNull();
      assertThat(source.client().apps().deployments().inNamespace(app.name()).withName("web").get()
          .getSpec().getReplicas()).isEqualTo(1);
      browser.open(base + "#/plans");
      browser.waitText(By.id("plan-last-" + plan), "Rollback: Completed");
      browser.screenshot("plans");
      // The plan's View logs: every migration of the plan (stage, cutover, rollback).
      browser.clickId("plan-actions-" + plan);
      browser.clickId("action-logs");
      browser.waitText(By.tagName("h1"), "Logs of " + plan);
      browser.until(d -> d.findElements(By.cssSelector("#logs-table tr[data-source^='backup/']")).isEmpty() ? null : true,
          "the plan's Backup logs");
      browser.screenshot("plan-logs");

      // Everything the page loaded came from the console itself.
      @SuppressWarnings("unchecked")
      List<String> requested = (List<String>) browser.script(
          "return performance.getEntriesByType('resource').map(e => e.name)");
      assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base));

      checkApiSecurity(base, token, plan);
    }
  }

  /** Runs a plan action through its confirmation and waits until the migration it opens has completed. */
  private static String runAction(Browser browser, String plan, String action, Boolean quiesce) {
    browser.clickId("plan-actions-" + plan);
    browser.clickId(action);
    if (quiesce != null) {
      assertThat(browser.find(By.id("confirm-check")).isSelected()).isEqualTo(quiesce);
    }
    browser.clickId("confirm-button");
    String name = browser.until(d -> {
      String hash = (String) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return location.hash");
      return hash.startsWith("#/migrations/") ? hash.substring("#/migrations/".length()) : null;
    }, "the migration page");
    browser.waitAttribute(By.id("migration-state"), "data-done", "true");
    assertThat(browser.find(By.id("migration-state")).getDomAttribute("data-state")).startsWith("Completed");
    return name;
  }

  /** No token or Secret data in what the API returns; writes without the console's header or from elsewhere fail. */
  private static void checkApiSecurity(String base, String token, String plan) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("api/clusters", "api/storages", "api/plans", "api/migrations",
        "api/logs/" + plan + "?since=24h")) {
      String body = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(body).doesNotContain(token);
    }
    HttpResponse<String> noHeader = http.send(HttpRequest.newBuilder(URI.create(base + "api/plans"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(noHeader.statusCode()).isEqualTo(403);
    HttpResponse<String> crossOrigin = http.send(HttpRequest.newBuilder(URI.create(base + "api/plans"))
        .header(RequestGuard.HEADER, "1").header("Origin", "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(crossOrigin.statusCode()).isEqualTo(403);
    HttpResponse<String> secret = http.send(HttpRequest.newBuilder(URI.create(base
        + "api/object?apiVersion=v1&kind=Secret&resource=secrets&namespace=openshift-config&name=x")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(secret.statusCode()).isEqualTo(403);
  }

  /** A kubectl to run the copied command with: the machine's, or the one the testbed binaries include; else none. */
  private static Path kubectl() {
    Path cached = dev.ferry.testbed.Binaries.cacheRoot().resolve("bin")
        .resolve("kubernetes-" + System.getProperty("ferry.k8s.version", "v1.34.4")).resolve("kubectl");
    for (Path candidate : List.of(Path.of("/usr/bin/kubectl"), cached)) {
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    System.out.println("no kubectl on this machine: the copied describe command is checked, not run");
    return null;
  }

  private static void deployApp(KubernetesClient source, String namespace) {
    source.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("settings")
        .endMetadata().addToData("currency", "EUR").build()).create();
    source.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder().withNewMetadata()
        .withName("web").endMetadata().withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web")
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("web").withImage("registry.example/web:1").endContainer().endSpec().endTemplate()
        .endSpec().build()).create();
    source.persistentVolumeClaims().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model
        .PersistentVolumeClaimBuilder().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage",
            new io.fabric8.kubernetes.api.model.Quantity("1Mi")).endResources().endSpec().build()).create();
  }

  private static void installCrds(KubernetesClient client) {
    for (CustomResourceDefinition crd : Crds.definitions()) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("ferry-test")
          .forceConflicts().serverSideApply();
    }
    for (CustomResourceDefinition crd : Crds.definitions()) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
              && c.getStatus().getConditions().stream()
                  .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60,
              TimeUnit.SECONDS);
    }
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .fieldManager("ferry-test").serverSideApply();
  }

}
