package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OpenShift manifests, as users write them, are accepted by the testbed's API server. */
@ExtendWith(TestbedExtension.class)
class OpenShiftApisIT {

  @Test
  void acceptsOpenShiftManifests(TestNamespace ns) {
    KubernetesClient client = ns.cluster().client();
    String manifests = """
        apiVersion: route.openshift.io/v1
        kind: Route
        metadata: {name: web}
        spec:
          host: web.apps.example.com
          to: {kind: Service, name: web, weight: 100}
          port: {targetPort: 8080}
          tls: {termination: edge, insecureEdgeTerminationPolicy: Redirect}
        ---
        apiVersion: image.openshift.io/v1
        kind: ImageStream
        metadata: {name: web}
        spec:
          lookupPolicy: {local: false}
          tags:
          - name: latest
            from: {kind: DockerImage, name: "quay.io/example/web:1.0"}
            importPolicy: {scheduled: false}
            referencePolicy: {type: Source}
        ---
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {app: web}
          strategy: {type: Rolling}
          triggers:
          - type: ConfigChange
          - type: ImageChange
            imageChangeParams:
              automatic: true
              containerNames: [web]
              from: {kind: ImageStreamTag, name: "web:latest"}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: image-registry.openshift-image-registry.svc:5000/shop/web@sha256:0000000000000000000000000000000000000000000000000000000000000000
                ports: [{containerPort: 8080}]
        """;
    for (String doc : manifests.split("(?m)^---$")) {
      GenericKubernetesResource resource = Serialization.unmarshal(doc, GenericKubernetesResource.class);
      GenericKubernetesResource created = client.genericKubernetesResources(resource.getApiVersion(), resource.getKind())
          .inNamespace(ns.name()).resource(resource).create();
      assertThat(created.getMetadata().getUid()).isNotBlank();
      assertThat(created.getAdditionalProperties().get("spec")).isEqualTo(resource.getAdditionalProperties().get("spec"));
    }

    GenericKubernetesResource scc = Serialization.unmarshal("""
        apiVersion: security.openshift.io/v1
        kind: SecurityContextConstraints
        metadata: {name: %s-scc}
        allowPrivilegedContainer: false
        allowHostNetwork: false
        runAsUser: {type: MustRunAsRange}
        seLinuxContext: {type: MustRunAs}
        fsGroup: {type: MustRunAs}
        supplementalGroups: {type: RunAsAny}
        users: ["system:serviceaccount:%s:default"]
        volumes: [configMap, persistentVolumeClaim, secret]
        """.formatted(ns.name(), ns.name()), GenericKubernetesResource.class);
    GenericKubernetesResource createdScc = client.genericKubernetesResources("security.openshift.io/v1",
        "SecurityContextConstraints").resource(scc).create();
    assertThat(createdScc.getAdditionalProperties()).containsEntry("users",
        java.util.List.of("system:serviceaccount:" + ns.name() + ":default"));
    client.genericKubernetesResources("security.openshift.io/v1", "SecurityContextConstraints")
        .withName(scc.getMetadata().getName()).delete();

    // ImageStreamTag is served, but a CRD cannot accept OpenShift's "stream:tag" names (CRD object
    // names must be DNS subdomains); image migration therefore records tags in ImageStream status.
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName("imagestreamtags.image.openshift.io")
        .get()).isNotNull();
    GenericKubernetesResource stream = client.genericKubernetesResources("image.openshift.io/v1", "ImageStream")
        .inNamespace(ns.name()).withName("web").get();
    stream.getAdditionalProperties().put("status", Map.of("dockerImageRepository", "registry.local/shop/web",
        "tags", java.util.List.of(Map.of("tag", "latest", "items", java.util.List.of(Map.of(
            "created", "2026-01-01T00:00:00Z", "dockerImageReference", "registry.local/shop/web@sha256:" + "0".repeat(64),
            "image", "sha256:" + "0".repeat(64), "generation", 1))))));
    GenericKubernetesResource updated = client.genericKubernetesResources("image.openshift.io/v1", "ImageStream")
        .inNamespace(ns.name()).resource(stream).updateStatus();
    assertThat(String.valueOf(updated.getAdditionalProperties().get("status"))).contains("sha256:" + "0".repeat(64));
  }
}
