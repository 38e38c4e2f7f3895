package dev.ferry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each testbed cluster has a real registry: an image pushed by tag is pulled back by digest. */
@ExtendWith(TestbedExtension.class)
class RegistryIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void pushedImageIsPulledByDigest(Testbed testbed) throws Exception {
    String registry = testbed.source().registry().orElseThrow().url();
    String repo = "shop/web";
    byte[] layer = "layer bytes of a tiny image".getBytes(StandardCharsets.UTF_8);
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
        .getBytes(StandardCharsets.UTF_8);
    String layerDigest = upload(registry, repo, layer);
    String configDigest = upload(registry, repo, config);
    String manifest = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}"""
        .formatted(configDigest, config.length, layerDigest, layer.length);
    byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(registry + "/v2/" + repo + "/manifests/v1"))
        .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifestBytes)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    String manifestDigest = digest(manifestBytes);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(manifestDigest);

    HttpResponse<byte[]> byDigest = http.send(HttpRequest.newBuilder(
            URI.create(registry + "/v2/" + repo + "/manifests/" + manifestDigest))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(byDigest.statusCode()).isEqualTo(200);
    assertThat(byDigest.body()).isEqualTo(manifestBytes);
    HttpResponse<byte[]> blob = http.send(HttpRequest.newBuilder(
        URI.create(registry + "/v2/" + repo + "/blobs/" + layerDigest)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(blob.body()).isEqualTo(layer);
    assertThat(testbed.destination().registry().orElseThrow().url()).isNotEqualTo(registry);
  }

  private String upload(String registry, String repo, byte[] content) throws Exception {
    HttpResponse<Void> start = http.send(HttpRequest.newBuilder(URI.create(registry + "/v2/" + repo + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(start.statusCode()).isEqualTo(202);
    String location = start.headers().firstValue("Location").orElseThrow();
    URI uploadUri = URI.create(registry).resolve(location);
    String digest = digest(content);
    String sep = uploadUri.getQuery() == null ? "?" : "&";
    HttpResponse<Void> done = http.send(HttpRequest.newBuilder(URI.create(uploadUri + sep + "digest=" + digest))
        .header("Content-Type", "application/octet-stream")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(done.statusCode()).isEqualTo(201);
    return digest;
  }

  private static String digest(byte[] content) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
