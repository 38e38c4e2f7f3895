package dev.ferry.backup.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ResultsFileTest {

  @Test
  void writesGzippedJsonExactlyAsVeleroDoes() throws Exception {
    ResultsFile file = new ResultsFile(
        new Results().addNamespace("shop", "existing object differs: services/web"),
        new Results().addCluster("could not restore persistentvolumes/pv-1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    file.write(out);

    String json;
    try (GZIPInputStream gz = new GZIPInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      json = new String(gz.readAllBytes(), StandardCharsets.UTF_8);
    }
    // Go's json.Encoder: map keys sorted ("errors" < "warnings"), compact, newline-terminated.
    assertThat(json).isEqualTo(
        "{\"errors\":{\"cluster\":[\"could not restore persistentvolumes/pv-1\"]},"
            + "\"warnings\":{\"namespaces\":{\"shop\":[\"existing object differs: services/web\"]}}}"
            + "\n");
  }

  @Test
  void emptyFile() {
    assertThat(ResultsFile.empty().toJson()).isEqualTo("{\"errors\":{},\"warnings\":{}}\n");
  }

  @Test
  void readsVeleroOutputIncludingMissingParts() throws Exception {
    String velero = """
        {"errors":{"namespaces":{"shop":["error restoring pods/shop/web-0: pods \\"web-0\\" is forbidden"]}},\
        "warnings":{"velero":["restore of ns shop skipped"],"cluster":["could not restore, \
        CustomResourceDefinition \\"x\\" already exists"]}}
        """;
    ResultsFile read = ResultsFile.read(new ByteArrayInputStream(
        Gzip.compress(velero.getBytes(StandardCharsets.UTF_8))));

    assertThat(read.errors().namespaces().get("shop"))
        .containsExactly("error restoring pods/shop/web-0: pods \"web-0\" is forbidden");
    assertThat(read.warnings().velero()).containsExactly("restore of ns shop skipped");
    assertThat(read.warnings().count()).isEqualTo(2);

    ResultsFile onlyWarnings = ResultsFile.fromJson("{\"warnings\":{}}");
    assertThat(onlyWarnings.errors().isEmpty()).isTrue();
  }

  @Test
  void roundTrips() throws Exception {
    ResultsFile file = new ResultsFile(new Results().addVelero("w"),
        new Results().addNamespace("a", "e1").addNamespace("a", "e2"));
    ResultsFile read = ResultsFile.read(new ByteArrayInputStream(file.toGzip()));
    assertThat(read).isEqualTo(file);
  }
}
