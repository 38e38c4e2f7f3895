package dev.ferry.controller.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.settings.MigrationController;
import dev.ferry.backup.format.BackupLayout;
import dev.ferry.controller.FerryCrds;
import dev.ferry.controller.FerryOperator;
import dev.ferry.controller.cluster.MigFixtures;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.objectstore.S3ObjectStore;
import dev.ferry.objectstore.S3Settings;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.LocalS3;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import dev.ferry.testsupport.CraftedTarball;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Self-service migrations with real RBAC on two real API servers: alice is a service account
 * holding {@code admin} in namespace {@code a} only, on both clusters; she declares her plans and
 * migrations in {@code a} with her own client, and the controller runs them with her tokens. She
 * migrates {@code a}; trying {@code b}, a mapping into {@code kube-system}, another tenant's
 * MigStorage, or a crafted backup that writes into {@code b} and grants her cluster-admin is
 * refused with a clear condition, and nothing is created where she may not write.
 */
@ExtendWith(TestbedExtension.class)
class SelfServiceMigrationIT {
  private static final String NS = FerryOperator.DEFAULT_NAMESPACE;

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void aNamespaceOwnerMigratesOnlyWhatTheyOwn(Testbed testbed) throws IOException {
    LocalCluster source = testbed.source();
    LocalCluster destination = testbed.destination();
    KubernetesClient host = destination.client();
    FerryCrds.install(host);
    String s = UUID.randomUUID().toString().substring(0, 6);
    String a = "a-" + s;
    String b = "b-" + s;
    String other = "c-" + s;
    for (LocalCluster cluster : List.of(source, destination)) {
      for (String ns : List.of(a, b, other)) {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
            .build()).create();
      }
    }
    host.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .serverSideApply();
    applyDeployDocument(host, "ferry-self-service");
    source.client().configMaps().inNamespace(a).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("settings").endMetadata().addToData("currency", "EUR").build()).create();
    source.client().configMaps().inNamespace(b).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("private").endMetadata().addToData("k", "v").build()).create();
    String sourceToken = adminOfNamespace(source.client(), a);
    String destinationToken = adminOfNamespace(destination.client(), a);

    // The cluster admin publishes the clusters (the controller's credentials stay theirs).
    MigFixtures.hostCluster(host, "host-" + s);
    MigFixtures.remoteCluster(host, "src-" + s, source);

    LocalS3 s3 = testbed.s3();
    String bucket = "tenant-" + s;
    S3Settings bucketSettings = S3Settings.builder().bucket(bucket).region(LocalS3.REGION).forcePathStyle(true)
        .endpoint(s3.endpoint()).credentials(s3.accessKey(), s3.secretKey()).build();
    try (S3Client client = S3Client.builder().endpointOverride(URI.create(s3.endpoint()))
        .region(Region.of(LocalS3.REGION)).forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
            s3.secretKey()))).build()) {
      client.createBucket(c -> c.bucket(bucket));
    }

    // Alice works in her namespace with her own client: her tokens, her repository, her plans.
    try (KubernetesClient alice = new KubernetesClientBuilder()
             .withConfig(asUser(host.getConfiguration(), destinationToken)).build();
         FerryOperator operator = new FerryOperator(host, NS, Clock.systemUTC()).start()) {
      alice.resource(new SecretBuilder().withNewMetadata().withName("src-token").withNamespace(a).endMetadata()
          .addToStringData("token", sourceToken).build()).create();
      alice.resource(new SecretBuilder().withNewMetadata().withName("dest-token").withNamespace(a).endMetadata()
          .addToStringData("token", destinationToken).build()).create();
      alice.resource(new SecretBuilder().withNewMetadata().withName("s3").withNamespace(a).endMetadata()
          .addToStringData("aws-access-key-id", s3.accessKey())
          .addToStringData("aws-secret-access-key", s3.secretKey()).build()).create();
      apply(alice, """
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigStorage
          metadata: {name: repo, namespace: %1$s}
          spec:
            backupStorageProvider: aws
            backupStorageConfig:
              awsBucketName: %2$s
              awsRegion: us-east-1
              awsS3Url: %3$s
              awsS3ForcePathStyle: true
              credsSecretRef: {name: s3}
          """.formatted(a, bucket, s3.endpoint()));
      plan(alice, a, "mine", s, a, "{name: repo}");

      // Off unless the cluster admin enables it.
      MigMigration off = migrate(alice, host, a, "off", "mine");
      assertFailed(off, "SelfServiceDisabled", "self-service migrations are off: a cluster admin turns them on "
          + "with spec.self_service.enabled: true on the MigrationController in namespace " + NS);
      apply(host, """
          apiVersion: migration.openshift.io/v1alpha1
          kind: MigrationController
          metadata: {name: a-self-service-%s, namespace: %s}
          spec:
            self_service:
              enabled: true
              cluster_scoped_allow_list: [priorityclasses.scheduling.k8s.io]
          """.formatted(s, NS));
      plan(alice, a, "theirs", s, b, "{name: repo}");
      plan(alice, a, "system", s, a + ":kube-system", "{name: repo}");
      plan(alice, a, "borrowed", s, a, "{name: repo, namespace: " + other + "}");
      // The plan says so before any migration is run.
      MigPlan theirs = host.resources(MigPlan.class).inNamespace(a).withName("theirs").waitUntilCondition(p ->
          p.getStatus() != null && p.getStatus().getConditions() != null
              && p.getStatus().getConditions().stream().anyMatch(c -> "Forbidden".equals(c.getType())),
          60, TimeUnit.SECONDS);
      assertThat(theirs.getStatus().getConditions()).singleElement().satisfies(c -> {
        assertThat(c.getCategory()).isEqualTo(Category.CRITICAL);
        assertThat(c.getMessage()).contains("user system:serviceaccount:" + a + ":alice cannot get namespace " + b
            + " on the source cluster");
      });

      // Her own namespace: migrated, as her.
      MigMigration mine = migrate(alice, host, a, "first", "mine");
      assertThat(mine.getStatus().getPhase()).as(String.valueOf(mine.getStatus().getConditions()))
          .isEqualTo("Completed");
      assertThat(condition(mine, "Succeeded").getMessage()).contains("as system:serviceaccount:" + a + ":alice");
      assertThat(mine.getStatus().getErrors()).as("kinds she may not list are left out, not failed on").isNull();
      assertThat(host.configMaps().inNamespace(a).withName("settings").get().getData())
          .containsEntry("currency", "EUR");
      assertThat(host.configMaps().inNamespace(a).withName("settings").get().getMetadata().getLabels())
          .containsKey("migration.openshift.io/migrated-by-migplan");

      // Someone else's namespace, or a mapping into kube-system: refused before anything is read or written.
      assertFailed(migrate(alice, host, a, "second", "theirs"), "Forbidden",
          "user system:serviceaccount:" + a + ":alice cannot get namespace " + b + " on the source cluster");
      assertThat(host.configMaps().inNamespace(b).withName("private").get()).isNull();
      assertFailed(migrate(alice, host, a, "third", "system"), "Forbidden",
          "user system:serviceaccount:" + a + ":alice cannot create configmaps in namespace kube-system on the "
              + "destination cluster");
      assertThat(host.configMaps().inNamespace("kube-system").withName("settings").get()).isNull();

      // Another tenant's repository (and with it their backups and credentials).
      assertFailed(migrate(alice, host, a, "fourth", "borrowed"), "InvalidSelfServicePlan",
          "spec.migStorageRef names MigStorage " + other + "/repo; a self-service plan may only use a MigStorage "
              + "of its own namespace " + a);

      // A crafted backup in her own bucket (she owns it, so it is untrusted): an item filed under a
      // that names b, an item filed under b, a ClusterRoleBinding making her cluster-admin, and an
      // allow-listed PriorityClass that the controller creates for her.
      String crafted = "fifth";
      String priorityClass = "tenant-" + s;
      try (ObjectStore store = new S3ObjectStore(bucketSettings)) {
        store.put(BackupLayout.ROOT.backupMetadata(crafted), "{}".getBytes(StandardCharsets.UTF_8));
        store.put(BackupLayout.ROOT.backupTarball(crafted), CraftedTarball.velero()
            .file("resources/configmaps/namespaces/" + a + "/escape.json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"escape\",\"namespace\":\""
                    + b + "\"}}")
            .file("resources/configmaps/namespaces/" + b + "/planted.json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"planted\"}}")
            .file("resources/clusterrolebindings.rbac.authorization.k8s.io/cluster/alice-" + s + ".json",
                "{\"apiVersion\":\"rbac.authorization.k8s.io/v1\",\"kind\":\"ClusterRoleBinding\",\"metadata\":"
                    + "{\"name\":\"alice-" + s + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
                    + "\"kind\":\"ClusterRole\",\"name\":\"cluster-admin\"},\"subjects\":[{\"kind\":"
                    + "\"ServiceAccount\",\"name\":\"alice\",\"namespace\":\"" + a + "\"}]}")
            .file("resources/priorityclasses.scheduling.k8s.io/cluster/" + priorityClass + ".json",
                "{\"apiVersion\":\"scheduling.k8s.io/v1\",\"kind\":\"PriorityClass\",\"metadata\":{\"name\":\""
                    + priorityClass + "\"},\"value\":1000}")
            .file("resources/configmaps/namespaces/" + a + "/restored.json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"restored\"}}").bytes());
      }
      MigMigration fifth = migrate(alice, host, a, crafted, "mine");
      assertThat(fifth.getStatus().getPhase()).isEqualTo("Completed");
      assertThat(condition(fifth, "SucceededWithWarnings")).isNotNull();
      assertThat(fifth.getStatus().getErrors()).anySatisfy(e -> assertThat(e).contains("backup entry resources/"
          + "configmaps/namespaces/" + a + "/escape.json names namespace " + b + " in metadata.namespace"))
          .anySatisfy(e -> assertThat(e).startsWith("error restoring clusterrolebindings.rbac.authorization.k8s.io/"
              + "alice-" + s + ": ").contains("forbidden"));
      assertThat(host.configMaps().inNamespace(b).list().getItems()).extracting(c -> c.getMetadata().getName())
          .doesNotContain("escape", "planted");
      assertThat(host.rbac().clusterRoleBindings().withName("alice-" + s).get()).isNull();
      assertThat(host.configMaps().inNamespace(a).withName("restored").get()).isNotNull();
      assertThat(host.scheduling().v1().priorityClasses().withName(priorityClass).get()).isNotNull();

      // Volume data is not copied for tenants yet: a namespace with claims is refused, not moved empty.
      apply(source.client(), """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: data, namespace: %s}
          spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Mi}}}
          """.formatted(a));
      assertFailed(migrate(alice, host, a, "sixth", "mine"), "VolumesNotSupported",
          "self-service migrations do not copy volume data yet, and namespace " + a + " (1 claim)");
    } finally {
      host.resources(MigrationController.class).inNamespace(NS).withName("a-self-service-" + s).delete();
      host.scheduling().v1().priorityClasses().withName("tenant-" + s).delete();
    }
  }

  /** A service account {@code alice} bound to {@code admin} in {@code namespace} only; returns her token. */
  private static String adminOfNamespace(KubernetesClient client, String namespace) {
    client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("alice").endMetadata().build()).create();
    client.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder().withNewMetadata()
        .withName("alice-admin").endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("admin")
        .endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("alice").withNamespace(namespace).endSubject()
        .build()).create();
    return client.serviceAccounts().inNamespace(namespace).withName("alice").tokenRequest(new TokenRequestBuilder()
        .withNewSpec().withExpirationSeconds(3600L).endSpec().build()).getStatus().getToken();
  }

  private static Config asUser(Config admin, String token) {
    return new ConfigBuilder(Config.empty()).withMasterUrl(admin.getMasterUrl()).withCaCertData(admin.getCaCertData())
        .withCaCertFile(admin.getCaCertFile()).withOauthToken(token).build();
  }

  private static void plan(KubernetesClient alice, String ns, String name, String s, String namespaces,
      String storage) {
    apply(alice, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          srcMigClusterRef: {name: src-%3$s, namespace: %5$s}
          destMigClusterRef: {name: host-%3$s, namespace: %5$s}
          migStorageRef: %6$s
          srcMigTokenRef: {name: src-token}
          destMigTokenRef: {name: dest-token}
          namespaces: ["%4$s"]
        """.formatted(name, ns, s, namespaces, NS, storage));
  }

  private static MigMigration migrate(KubernetesClient alice, KubernetesClient host, String ns, String name,
      String plan) {
    apply(alice, """
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigMigration
        metadata: {name: %s, namespace: %s}
        spec: {migPlanRef: {name: %s}, stage: false}
        """.formatted(name, ns, plan));
    return host.resources(MigMigration.class).inNamespace(ns).withName(name).waitUntilCondition(m ->
        m.getStatus() != null && ("Completed".equals(m.getStatus().getPhase())
            || "Failed".equals(m.getStatus().getPhase())), 120, TimeUnit.SECONDS);
  }

  private static void assertFailed(MigMigration migration, String reason, String message) {
    assertThat(migration.getStatus().getPhase()).isEqualTo("Failed");
    Condition failed = condition(migration, "Failed");
    assertThat(failed.getReason()).isEqualTo(reason);
    assertThat(failed.getMessage()).contains(message);
  }

  private static Condition condition(MigMigration migration, String type) {
    return migration.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + migration.getStatus()
            .getConditions()));
  }

  private static void apply(KubernetesClient client, String yaml) {
    client.resource((HasMetadata) Serialization.unmarshal(yaml)).create();
  }

  /** The document of deploy/rbac.yaml named {@code name}, applied as the cluster admin would. */
  private static void applyDeployDocument(KubernetesClient client, String name) throws IOException {
    Path rbac = Path.of(System.getProperty("ferry.repo.root", "..")).resolve("deploy/rbac.yaml");
    for (String doc : Files.readString(rbac).split("(?m)^---$")) {
      if (doc.contains("name: " + name + "\n")) {
        client.resource((HasMetadata) Serialization.unmarshal(doc)).serverSideApply();
        return;
      }
    }
    throw new AssertionError("no " + name + " in " + rbac);
  }
}
