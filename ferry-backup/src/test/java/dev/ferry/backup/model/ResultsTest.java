package dev.ferry.backup.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {

  @Test
  void serialisesLikeVelero() throws Exception {
    Results results = new Results()
        .addVelero("error getting backup store")
        .addCluster("could not restore persistentvolumes/pv-1")
        .addNamespace("shop", "could not restore pods/web-0")
        .addNamespace("billing", "could not restore services/api")
        .addNamespace("shop", "could not restore routes/web");

    assertThat(Json.MAPPER.writeValueAsString(results)).isEqualTo(
        "{\"velero\":[\"error getting backup store\"],"
            + "\"cluster\":[\"could not restore persistentvolumes/pv-1\"],"
            + "\"namespaces\":{\"billing\":[\"could not restore services/api\"],"
            + "\"shop\":[\"could not restore pods/web-0\",\"could not restore routes/web\"]}}");
  }

  @Test
  void emptyPartsAreOmittedAndReadBackAsEmpty() throws Exception {
    assertThat(Json.MAPPER.writeValueAsString(new Results())).isEqualTo("{}");
    assertThat(Json.MAPPER.writeValueAsString(new Results().addNamespace("a", "m")))
        .isEqualTo("{\"namespaces\":{\"a\":[\"m\"]}}");

    Results read = Json.MAPPER.readValue("{\"cluster\":[\"c\"]}", Results.class);
    assertThat(read.velero()).isEmpty();
    assertThat(read.namespaces()).isEmpty();
    assertThat(read.cluster()).containsExactly("c");
    assertThat(Json.MAPPER.readValue("{\"velero\":null,\"namespaces\":null}", Results.class)
        .isEmpty()).isTrue();
  }

  @Test
  void roundTrips() throws Exception {
    Results results = new Results().addVelero("v").add(null, "c").add("", "c2").add("ns", "n");
    Results read = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(results), Results.class);
    assertThat(read).isEqualTo(results);
    assertThat(read.cluster()).containsExactly("c", "c2");
  }

  @Test
  void mergeCountAndIsEmpty() {
    Results a = new Results().addVelero("v1").addNamespace("shop", "n1");
    Results b = new Results().addCluster("c1").addNamespace("shop", "n2")
        .addNamespace("other", "o1");
    assertThat(new Results().isEmpty()).isTrue();
    assertThat(a.count()).isEqualTo(2);

    a.merge(b);

    assertThat(a.count()).isEqualTo(5);
    assertThat(a.isEmpty()).isFalse();
    assertThat(a.velero()).containsExactly("v1");
    assertThat(a.cluster()).containsExactly("c1");
    assertThat(a.namespaces().get("shop")).containsExactly("n1", "n2");
    assertThat(a.namespaces().get("other")).containsExactly("o1");
    assertThat(b.count()).isEqualTo(3);
  }
}
