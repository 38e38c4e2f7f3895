package dev.ferry.controller.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.controller.FerryOperator;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.RemoteAccess;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.EstablishedCrds;
import dev.ferry.testsupport.MigrationRuns;
import dev.ferry.testsupport.PlanFixture;
import dev.ferry.testsupport.SampleApps;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests under {@code deploy/} are accepted by a real API server, and the RBAC they grant
 * the controller's ServiceAccount is enough for the whole operator to run a cutover: the plan
 * reconciler makes the plan Ready and the migration reconciler completes it, both acting only
 * with a token of {@code openshift-migration/migration-controller}.
 */
@ExtendWith(TestbedExtension.class)
class DeployManifestsIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;
  private static final String SA = "migration-controller";

  @Test
  void deployManifestsAreAcceptedAndTheirRbacRunsACutover(Testbed testbed, @TempDir Path repository)
      throws IOException {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = source.client();
    // This test proves what deploy/'s RBAC alone grants. Another test of this JVM may have bound the
    // same service account to cluster-admin on this shared cluster (RemoteAccess, the remote-cluster
    // fixture); that binding goes for the length of this test (a later fixture applies it again).
    host.rbac().clusterRoleBindings().withName(RemoteAccess.SERVICE_ACCOUNT + "-cluster-admin").delete();
    Path deploy = Path.of(System.getProperty("ferry.repo.root", "..")).resolve("deploy");

    // (1) Every document of deploy/, server-side applied; openshift-config must exist for its RoleBinding.
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("openshift-config").endMetadata()
        .build()).fieldManager("ferry-test").forceConflicts().serverSideApply();
    List<Path> files = new ArrayList<>(List.of(deploy.resolve("namespace.yaml"), deploy.resolve("rbac.yaml"),
        deploy.resolve("controller.yaml")));
    try (Stream<Path> crds = Files.list(deploy.resolve("crds"))) {
      crds.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(files::add);
    }
    // CRDs first, so that nothing depends on order within the list above.
    files.sort((a, b) -> Boolean.compare(!a.getParent().endsWith("crds"), !b.getParent().endsWith("crds")));
    List<HasMetadata> applied = new ArrayList<>();
    for (Path file : files) {
      List<HasMetadata> items;
      try (InputStream in = Files.newInputStream(file)) {
        items = host.load(in).items();
      }
      assertThat(items).as("documents of %s", file).isNotEmpty();
      for (HasMetadata item : items) {
        host.resource(item).fieldManager("ferry-test").forceConflicts().serverSideApply();
        applied.add(item);
        if (item instanceof CustomResourceDefinition) {
          EstablishedCrds.await(host, item.getMetadata().getName());
        }
      }
    }
    assertThat(applied).extracting(HasMetadata::getKind).contains("Namespace", "ServiceAccount", "Role",
        "RoleBinding", "ClusterRole", "ClusterRoleBinding", "Deployment", "Service", "CustomResourceDefinition");
    assertThat(applied).filteredOn(i -> i instanceof CustomResourceDefinition).hasSize(15);
    for (HasMetadata item : applied) {
      assertThat(host.resource(item).get()).as("%s %s/%s", item.getKind(), item.getMetadata().getNamespace(),
          item.getMetadata().getName()).isNotNull();
    }
    // The Deployment's image is not run on this testbed: scale it away so it cannot matter.
    host.apps().deployments().inNamespace(NS).withName(SA).scale(0);

    // (2) The operator, acting only as the controller's ServiceAccount.
    TokenRequest request = host.serviceAccounts().inNamespace(NS).withName(SA).tokenRequest(new TokenRequestBuilder()
        .withNewSpec().withExpirationSeconds(3600L).endSpec().build());
    String token = request.getStatus().getToken();
    assertThat(token).isNotBlank();
    Config restricted = new ConfigBuilder(source.adminConfig()).withOauthToken(token).withHttp2Disable(true).build();

    String s = UUID.randomUUID().toString().substring(0, 6);
    String app = "deploy-" + s;
    try (KubernetesClient controller = new KubernetesClientBuilder().withConfig(restricted).build()) {
      // Not a blanket cluster-admin (4), checked first so a failure here is cheap.
      assertThat(allowed(controller, "", "users", "impersonate")).as("impersonate users").isFalse();
      assertThat(allowed(controller, "", "serviceaccounts", "impersonate")).as("impersonate serviceaccounts").isFalse();
      assertThat(allowed(controller, "certificates.k8s.io", "certificatesigningrequests/approval", "approve"))
          .as("approve CSRs").isFalse();
      // The ClusterRole's apiGroups/resources "*" with verb create also covers tokenreviews: allowed, as is.
      assertThat(allowed(controller, "authentication.k8s.io", "tokenreviews", "create")).as("create tokenreviews")
          .isTrue();
      assertThat(allowed(controller, "migration.openshift.io", "migmigrations", "list")).as("list migmigrations")
          .isTrue();

      try (FerryOperator operator = new FerryOperator(controller, NS, Clock.systemUTC()).start()) {
        // (3) A cutover declared with the admin client.
        PlanFixture.apply(host, SampleApps.of(SampleApps.namespace(app), SampleApps.settings(app),
            SampleApps.web(app, 2, "registry.example/web:1", false)));
        host.apps().deployments().inNamespace(app).withName("web").waitUntilCondition(d -> d.getStatus() != null
            && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()), 90, TimeUnit.SECONDS);
        PlanFixture.declare(host, destination, s, repository, app, "");

        MigPlan plan = host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).waitUntilCondition(p ->
            p != null && p.getStatus() != null && p.getStatus().getConditions() != null
                && p.getStatus().getConditions().stream().anyMatch(c -> Condition.READY.equals(c.getType()) && "True".equals(c.getStatus())),
            120, TimeUnit.SECONDS);
        assertThat(plan.getStatus().getConditions()).extracting(Condition::getType).contains(Condition.READY);

        MigMigration cutover = MigrationRuns.run(host, MigrationRuns.cutover(s, true));
        assertThat(cutover.getStatus().getPhase()).as("%s", cutover.getStatus().getErrors()).isEqualTo("Completed");

        KubernetesClient dest = destination.client();
        assertThat(dest.configMaps().inNamespace(app).withName("settings").get().getData())
            .containsEntry("currency", "EUR");
        Deployment quiesced = host.apps().deployments().inNamespace(app).withName("web").get();
        assertThat(quiesced.getSpec().getReplicas()).isZero();
        assertThat(quiesced.getMetadata().getAnnotations()).containsEntry(QuiesceRules.REPLICAS, "2");
      }
    } finally {
      host.resources(MigMigration.class).inNamespace(NS).withName("cutover-" + s).delete();
      host.resources(MigPlan.class).inNamespace(NS).withName("plan-" + s).delete();
      host.resources(MigCluster.class).inNamespace(NS).withName("host-" + s).delete();
      host.resources(MigCluster.class).inNamespace(NS).withName("dest-" + s).delete();
      host.resources(MigStorage.class).inNamespace(NS).withName("repo-" + s).delete();
      host.secrets().inNamespace(NS).withName("dest-" + s).delete();
      host.namespaces().withName(app).delete();
      destination.client().namespaces().withName(app).delete();
    }
  }

  private static boolean allowed(KubernetesClient client, String group, String resource, String verb) {
    String[] parts = resource.split("/", 2);
    SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview()
        .create(new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes()
            .withGroup(group).withResource(parts[0]).withSubresource(parts.length > 1 ? parts[1] : null)
            .withVerb(verb).endResourceAttributes().endSpec().build());
    return review.getStatus().getAllowed();
  }
}
