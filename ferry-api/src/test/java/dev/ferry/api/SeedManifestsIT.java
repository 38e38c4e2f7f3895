package dev.ferry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.ferry.testbed.LocalCluster;
import dev.ferry.testbed.Testbed;
import dev.ferry.testbed.TestbedExtension;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every manifest of the user's source document (the seed), placeholders filled in, is accepted
 * unchanged by a real kube-apiserver with Ferry's CRDs installed, keeps every field the user
 * wrote, and survives a round trip through Ferry's model with nothing lost.
 */
@ExtendWith(TestbedExtension.class)
class SeedManifestsIT {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static KubernetesClient client;

  @BeforeAll
  static void installCrds() {
    LocalCluster cluster = Testbed.shared().source();
    client = cluster.client();
    for (CustomResourceDefinition crd : Crds.definitions()) {
      client.apiextensions().v1().customResourceDefinitions().resource(crd).fieldManager("ferry-test")
          .forceConflicts().serverSideApply();
    }
    for (CustomResourceDefinition crd : Crds.definitions()) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
              && c.getStatus().getConditions().stream()
              .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    }
    if (client.namespaces().withName("openshift-migration").get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("openshift-migration")
          .endMetadata().build()).create();
    }
  }

  @TestFactory
  Stream<DynamicTest> everySeedManifestIsAcceptedAndRoundTrips() throws IOException, URISyntaxException {
    Path dir = Path.of(SeedManifestsIT.class.getResource("/seed").toURI());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).as("seed fixtures in %s", dir).hasSizeGreaterThanOrEqualTo(15);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      List<ObjectNode> documents = documents(file);
      for (int i = 0; i < documents.size(); i++) {
        ObjectNode manifest = documents.get(i);
        tests.add(DynamicTest.dynamicTest(file.getFileName() + "#" + i, () -> applyAndCompare(manifest)));
      }
    }
    return tests.stream();
  }

  private void applyAndCompare(ObjectNode manifest) throws IOException {
    String apiVersion = manifest.get("apiVersion").asText();
    String kind = manifest.get("kind").asText();
    ObjectNode body = manifest.deepCopy();
    JsonNode status = body.remove("status");
    ObjectNode meta = (ObjectNode) body.get("metadata");
    boolean namespaced = !kind.equals("Namespace");
    String namespace = meta.has("namespace") ? meta.get("namespace").asText() : "openshift-migration";
    if (namespaced) {
      meta.put("namespace", namespace);
      ensureNamespace(namespace);
    }
    GenericKubernetesResource resource = Serialization.unmarshal(JSON.writeValueAsString(body),
        GenericKubernetesResource.class);
    var all = client.genericKubernetesResources(apiVersion, kind);
    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
        Resource<GenericKubernetesResource>> op = namespaced ? all.inNamespace(namespace) : all;
    String name = meta.has("name") ? meta.get("name").asText() : null;
    if (name != null) {
      op.withName(name).delete();
      op.withName(name).waitUntilCondition(r -> r == null, 30, TimeUnit.SECONDS);
    }
    // Strict: the server rejects any field its schema does not know, instead of dropping it.
    GenericKubernetesResource created = op.resource(resource).fieldValidation(Validation.STRICT).create();
    name = created.getMetadata().getName();
    if (status != null) {
      created.getAdditionalProperties().put("status", JSON.convertValue(status, Map.class));
      if (apiVersion.startsWith("velero.io/")) {
        // Velero's CRDs (and Ferry's, which match them) have no status subresource.
        op.resource(created).fieldValidation(Validation.STRICT).update();
      } else {
        op.resource(created).fieldValidation(Validation.STRICT).updateStatus();
      }
    }
    GenericKubernetesResource stored = op.withName(name).get();
    JsonNode server = JSON.readTree(Serialization.asJson(stored));

    // 1. Nothing the user wrote was dropped or changed by the server.
    assertContains(server, manifest, "");

    // 2. Ferry's model reads the stored object and writes it back with no field lost.
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    var type = ApiTypes.forKind(group, kind);
    if (type.isPresent()) {
      Object model = Serialization.unmarshal(server.toString(), type.get());
      JsonNode back = JSON.readTree(Serialization.asJson(model));
      assertThat(withoutNulls(back)).as("%s %s round trip through %s", kind, name, type.get().getSimpleName())
          .isEqualTo(withoutNulls(server));
    }
  }

  @Test
  void unknownFieldIsRejectedNamingTheField() {
    assertThatThrownBy(() -> create("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: typo-plan, namespace: openshift-migration}
        spec:
          namespacez: [shop]
        """, Validation.STRICT))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("unknown field \"spec.namespacez\"");
  }

  @Test
  void invalidEnumValuesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> create("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: bad-hook, namespace: openshift-migration}
        spec:
          custom: true
          image: quay.io/konveyor/hook-runner:latest
          targetCluster: elsewhere
        """, null))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.targetCluster")
        .hasMessageContaining("Unsupported value: \"elsewhere\"");

    assertThatThrownBy(() -> create("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigPlan
        metadata: {name: bad-phase, namespace: openshift-migration}
        spec:
          hooks:
          - phase: DuringLunch
            reference: {name: h, namespace: openshift-migration}
        """, null))
        .hasMessageContaining("spec.hooks[0].phase")
        .hasMessageContaining("PreBackup");

    assertThatThrownBy(() -> create("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigStorage
        metadata: {name: bad-provider, namespace: openshift-migration}
        spec:
          backupStorageProvider: dropbox
        """, null))
        .hasMessageContaining("spec.backupStorageProvider")
        .hasMessageContaining("filesystem");
  }

  /** Creates the object of {@code yaml} in its namespace; {@code validation}: the field validation asked for, or none. */
  private static GenericKubernetesResource create(String yaml, Validation validation) {
    GenericKubernetesResource object = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    var resource = client.genericKubernetesResources(object.getApiVersion(), object.getKind())
        .inNamespace(object.getMetadata().getNamespace()).resource(object);
    return validation == null ? resource.create() : resource.fieldValidation(validation).create();
  }

  @Test
  void defaultsFromTheSeedAreAppliedByTheServer() {
    GenericKubernetesResource hook = Serialization.unmarshal("""
        apiVersion: migration.openshift.io/v1alpha1
        kind: MigHook
        metadata: {name: defaulted-hook, namespace: openshift-migration}
        spec:
          custom: false
          playbook: LS0tCg==
          targetCluster: destination
        """, GenericKubernetesResource.class);
    var hooks = client.genericKubernetesResources("migration.openshift.io/v1alpha1", "MigHook")
        .inNamespace("openshift-migration");
    hooks.withName("defaulted-hook").delete();
    hooks.withName("defaulted-hook").waitUntilCondition(r -> r == null, 30, TimeUnit.SECONDS);
    GenericKubernetesResource created = hooks.resource(hook).create();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) created.getAdditionalProperties().get("spec");
    assertThat(((Number) spec.get("activeDeadlineSeconds")).longValue()).isEqualTo(1800L);
  }

  private static void ensureNamespace(String namespace) {
    if (client.namespaces().withName(namespace).get() == null) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
          .build()).create();
    }
  }

  /** Every non-null value in {@code expected} is present and equal in {@code actual}. */
  private static void assertContains(JsonNode actual, JsonNode expected, String path) {
    if (expected == null || expected.isNull()) {
      return;
    }
    assertThat(actual).as("field %s was dropped by the server", path.isEmpty() ? "(root)" : path).isNotNull();
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.size()).as("length of %s", path).isEqualTo(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
      }
    } else if (expected.isNumber()) {
      assertThat(actual.isNumber() ? actual.decimalValue().stripTrailingZeros() : actual.asText())
          .as("value of %s", path).isEqualTo(expected.decimalValue().stripTrailingZeros());
    } else {
      assertThat(actual.asText()).as("value of %s", path).isEqualTo(expected.asText());
    }
  }

  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          copy.set(e.getKey(), withoutNulls(e.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      var copy = JSON.createArrayNode();
      node.forEach(n -> copy.add(withoutNulls(n)));
      return copy;
    }
    return node;
  }

  private static List<ObjectNode> documents(Path file) throws IOException {
    List<ObjectNode> docs = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
      var values = YAML.readValues(parser, JsonNode.class);
      while (values.hasNext()) {
        JsonNode doc = values.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          docs.add((ObjectNode) doc);
        }
      }
    }
    return docs;
  }
}
