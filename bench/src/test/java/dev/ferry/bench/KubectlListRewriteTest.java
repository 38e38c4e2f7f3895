package dev.ferry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class KubectlListRewriteTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void movesItemsToTheNewNamespaceAndDropsWhatTheServerOwns() throws Exception {
    JsonNode list = JSON.readTree("""
        {"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":""},"items":[
          {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kube-root-ca.crt","namespace":"a"},"data":{}},
          {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"a","uid":"u","resourceVersion":"7",
            "creationTimestamp":"t","managedFields":[],"labels":{"x":"y"}},"data":{"k":"v"}},
          {"apiVersion":"v1","kind":"Service","metadata":{"name":"s","namespace":"a","uid":"u2"},
            "spec":{"clusterIP":"10.96.0.9","clusterIPs":["10.96.0.9"],"ports":[{"port":80}]},
            "status":{"loadBalancer":{}}},
          {"apiVersion":"v1","kind":"Service","metadata":{"name":"h","namespace":"a"},
            "spec":{"clusterIP":"None","clusterIPs":["None"]}}]}
        """);

    JsonNode out = KubectlListRewrite.rewrite(list, "b");

    assertThat(out.get("items")).hasSize(3);
    JsonNode configMap = out.get("items").get(0);
    assertThat(configMap.get("metadata").toString())
        .isEqualTo("{\"name\":\"c\",\"namespace\":\"b\",\"labels\":{\"x\":\"y\"}}");
    assertThat(configMap.get("data").get("k").asText()).isEqualTo("v");
    JsonNode service = out.get("items").get(1);
    assertThat(service.get("spec").toString()).isEqualTo("{\"ports\":[{\"port\":80}]}");
    assertThat(service.has("status")).isFalse();
    assertThat(out.get("items").get(2).get("spec").get("clusterIP").asText()).isEqualTo("None");
  }
}
