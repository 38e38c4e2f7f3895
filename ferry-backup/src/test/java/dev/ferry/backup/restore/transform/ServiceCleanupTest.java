package dev.ferry.backup.restore.transform;

import static dev.ferry.backup.restore.transform.TransformTesting.json;
import static dev.ferry.backup.restore.transform.TransformTesting.transformed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceCleanupTest {

  private static final String NODE_PORT_SERVICE = """
      {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": "web", "namespace": "shop"},
        "spec": {
          "type": "LoadBalancer",
          "clusterIP": "172.30.12.7",
          "clusterIPs": ["172.30.12.7"],
          "externalTrafficPolicy": "Local",
          "healthCheckNodePort": 31999,
          "ipFamilies": ["IPv4"],
          "ports": [
            {"name": "http", "port": 80, "protocol": "TCP", "targetPort": 8080, "nodePort": 30080},
            {"name": "https", "port": 443, "protocol": "TCP", "targetPort": 8443, "nodePort": 30443}
          ],
          "selector": {"app": "web"}
        }
      }
      """;

  private final ServiceCleanup transform = new ServiceCleanup();

  @Test
  void dropsClusterIpsAndNodePorts() {
    ObjectNode result = transformed(transform, "services", json(NODE_PORT_SERVICE),
        TransformContext.defaults());

    assertThat(result.path("spec")).isEqualTo(json("""
        {
          "type": "LoadBalancer",
          "externalTrafficPolicy": "Local",
          "ipFamilies": ["IPv4"],
          "ports": [
            {"name": "http", "port": 80, "protocol": "TCP", "targetPort": 8080},
            {"name": "https", "port": 443, "protocol": "TCP", "targetPort": 8443}
          ],
          "selector": {"app": "web"}
        }
        """));
  }

  @Test
  void preservesNodePortsWhenAsked() {
    TransformContext context = new TransformContext(Map.of(), null, null, false, Set.of(), true);
    ObjectNode result = transformed(transform, "services", json(NODE_PORT_SERVICE), context);

    assertThat(result.path("spec").has("clusterIP")).isFalse();
    assertThat(result.path("spec").path("ports").get(1).path("nodePort").asInt()).isEqualTo(30443);
    assertThat(result.path("spec").path("healthCheckNodePort").asInt()).isEqualTo(31999);
  }

  @Test
  void headlessServiceKeepsClusterIpNone() {
    ObjectNode headless = json("""
        {
          "apiVersion": "v1", "kind": "Service",
          "metadata": {"name": "db", "namespace": "shop"},
          "spec": {"clusterIP": "None", "clusterIPs": ["None"],
                   "ports": [{"port": 5432, "targetPort": 5432}], "selector": {"app": "db"}}
        }
        """);
    TransformResult result = transform.apply(TransformTesting.key("services", headless), headless,
        TransformContext.defaults());
    assertThat(result.isNoChange()).isTrue();
  }

  @Test
  void otherResourcesAreIgnored() {
    ObjectNode notAService = json("""
        {"apiVersion": "example.com/v1", "kind": "Proxy", "metadata": {"name": "p"},
         "spec": {"clusterIP": "10.0.0.1"}}
        """);
    assertThat(transform.apply(TransformTesting.key("proxies.example.com", notAService),
        notAService, TransformContext.defaults()).isNoChange()).isTrue();
  }

  @Test
  void keepsANodePortTheUserAppliedAndDropsTheAllocatedOne() {
    ObjectNode service = json(NODE_PORT_SERVICE);
    ((ObjectNode) service.path("metadata")).putObject("annotations").put(
        "kubectl.kubernetes.io/last-applied-configuration",
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"spec\":{\"type\":\"LoadBalancer\","
            + "\"ports\":[{\"name\":\"http\",\"port\":80,\"nodePort\":30080},"
            + "{\"name\":\"https\",\"port\":443}]}}");

    ObjectNode result = transformed(transform, "services", service, TransformContext.defaults());

    assertThat(result.path("spec").path("ports").get(0).path("nodePort").asInt()).isEqualTo(30080);
    assertThat(result.path("spec").path("ports").get(1).has("nodePort")).isFalse();
    assertThat(result.path("spec").has("healthCheckNodePort")).isFalse();
  }

  @Test
  void keepsANodePortAManagerOwnsInManagedFields() {
    ObjectNode service = json(NODE_PORT_SERVICE);
    ((ObjectNode) service.path("metadata")).set("managedFields", json("""
        {"list": [
          {"manager": "kubectl-create", "operation": "Update", "fieldsType": "FieldsV1",
           "fieldsV1": {"f:spec": {"f:healthCheckNodePort": {}, "f:ports": {
             ".": {},
             "k:{\\"port\\":443,\\"protocol\\":\\"TCP\\"}": {".": {}, "f:nodePort": {}, "f:port": {}},
             "k:{\\"port\\":80,\\"protocol\\":\\"TCP\\"}": {".": {}, "f:port": {}}}}}}
        ]}
        """).path("list"));

    ObjectNode result = transformed(transform, "services", service, TransformContext.defaults());

    assertThat(result.path("spec").path("ports").get(0).has("nodePort")).isFalse();
    assertThat(result.path("spec").path("ports").get(1).path("nodePort").asInt()).isEqualTo(30443);
    assertThat(result.path("spec").path("healthCheckNodePort").asInt()).isEqualTo(31999);
  }

  @Test
  void unreadableLastAppliedConfigurationKeepsNothing() {
    ObjectNode service = json(NODE_PORT_SERVICE);
    ((ObjectNode) service.path("metadata")).putObject("annotations").put(
        "kubectl.kubernetes.io/last-applied-configuration", "{not json");

    ObjectNode result = transformed(transform, "services", service, TransformContext.defaults());

    assertThat(result.path("spec").path("ports").get(0).has("nodePort")).isFalse();
    assertThat(result.path("spec").path("ports").get(1).has("nodePort")).isFalse();
  }
}
