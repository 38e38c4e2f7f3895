package dev.ferry.testbed;

import io.fabric8.crdv2.generator.v1.JsonSchema;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.openshift.api.model.DeploymentConfig;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.ImageStreamTag;
import io.fabric8.openshift.api.model.Route;
import io.fabric8.openshift.api.model.SecurityContextConstraints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * OpenShift's Route, ImageStream, ImageStreamTag, DeploymentConfig and SecurityContextConstraints
 * served as CRDs, so OpenShift-specific code paths run against a real API server. The schemas
 * come from fabric8's OpenShift model (itself generated from OpenShift's Go types); on a real
 * OpenShift these kinds are served by openshift-apiserver instead, with the same shape.
 */
public final class OpenShiftApis {
  record Kind(Class<? extends HasMetadata> type, String group, String plural, String singular, String kind,
              boolean namespaced, boolean statusSubresource, List<String> shortNames) {
  }

  static final List<Kind> KINDS = List.of(
      new Kind(Route.class, "route.openshift.io", "routes", "route", "Route", true, true, List.of()),
      new Kind(ImageStream.class, "image.openshift.io", "imagestreams", "imagestream", "ImageStream", true, true,
          List.of("is")),
      new Kind(ImageStreamTag.class, "image.openshift.io", "imagestreamtags", "imagestreamtag", "ImageStreamTag",
          true, false, List.of("istag")),
      new Kind(DeploymentConfig.class, "apps.openshift.io", "deploymentconfigs", "deploymentconfig",
          "DeploymentConfig", true, true, List.of("dc")),
      new Kind(SecurityContextConstraints.class, "security.openshift.io", "securitycontextconstraints",
          "securitycontextconstraints", "SecurityContextConstraints", false, false, List.of("scc")));

  private OpenShiftApis() {
  }

  public static List<CustomResourceDefinition> crds() {
    return KINDS.stream().map(OpenShiftApis::crd).toList();
  }

  static CustomResourceDefinition crd(Kind kind) {
    JSONSchemaProps schema = JsonSchema.from(kind.type());
    Map<String, JSONSchemaProps> properties = new LinkedHashMap<>(schema.getProperties());
    // A CRD may not constrain metadata beyond name/generateName; the API server owns it.
    properties.put("metadata", new JSONSchemaPropsBuilder().withType("object").build());
    schema.setProperties(properties);
    return new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName(kind.plural() + "." + kind.group()).endMetadata()
        .withNewSpec().withGroup(kind.group()).withScope(kind.namespaced() ? "Namespaced" : "Cluster")
        .withNewNames().withKind(kind.kind()).withPlural(kind.plural()).withSingular(kind.singular())
        .withShortNames(kind.shortNames()).endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSchema().withOpenAPIV3Schema(schema).endSchema()
        .withNewSubresources().withStatus(kind.statusSubresource() ? new io.fabric8.kubernetes.api.model
            .apiextensions.v1.CustomResourceSubresourceStatus() : null).endSubresources()
        .endVersion().endSpec().build();
  }

  /** Installs the CRDs and waits until the API server serves them. */
  public static void install(KubernetesClient client) {
    List<CustomResourceDefinition> applied = crds().stream()
        .map(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd)
            .fieldManager("ferry-testbed").forceConflicts().serverSideApply())
        .toList();
    for (CustomResourceDefinition crd : applied) {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
          .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
              && c.getStatus().getConditions().stream()
              .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    }
  }
}
