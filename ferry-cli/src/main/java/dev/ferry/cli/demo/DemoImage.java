package dev.ferry.cli.demo;

import dev.ferry.controller.images.ImageStreamMigrator;
import dev.ferry.images.Descriptor;
import dev.ferry.images.Digests;
import dev.ferry.images.Manifest;
import dev.ferry.images.MediaTypes;
import dev.ferry.images.RegistryClient;
import dev.ferry.images.RegistryEndpoint;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The shop's storefront image, built here (KWOK runs no containers, so it needs no runnable
 * content): one gzip tar layer with the storefront's page, an OCI config and an OCI manifest,
 * pushed to a cluster's internal registry; and the ImageStream that OpenShift's registry would
 * record for that push. The bytes are fixed, so the digest is the same on every run.
 */
public final class DemoImage {
  static final String STREAM = "storefront";
  static final String TAG = "1.0";
  /** Fixed file times in the layer (2026-01-01T00:00:00Z), so the layer's bytes never change. */
  private static final long MTIME = 1767225600L;

  private DemoImage() {
  }

  /** A pushed image: where it is, and its manifest digest. */
  record Pushed(String registry, String repository, String digest) {
    /** The reference a workload runs: {@code <registry>/<namespace>/<stream>@sha256:…}. */
    String reference() {
      return registry + "/" + repository + "@" + digest;
    }
  }

  /** Pushes the storefront to {@code registry} as {@code <namespace>/storefront:1.0}. */
  static Pushed push(String registry, String namespace) {
    String repository = namespace + "/" + STREAM;
    byte[] tar = layerTar(Map.of(
        "srv/storefront/index.html", "<h1>Ferry kayak shop</h1>\n<p>storefront " + TAG + "</p>\n",
        "srv/storefront/VERSION", TAG + "\n"));
    byte[] layer = gzip(tar);
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2026-01-01T00:00:00Z\","
        + "\"config\":{\"WorkingDir\":\"/srv/storefront\",\"Cmd\":[\"storefront\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digests.sha256(tar) + "\"]}}")
        .getBytes(StandardCharsets.UTF_8);
    Descriptor layerBlob = new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digests.sha256(layer), layer.length);
    Descriptor configBlob = new Descriptor(MediaTypes.OCI_CONFIG, Digests.sha256(config), config.length);
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
        + json(configBlob) + ",\"layers\":[" + json(layerBlob) + "]}").getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(manifest, MediaTypes.OCI_MANIFEST, "the demo's storefront image");
    try (RegistryClient client = new RegistryClient(RegistryEndpoint.anonymous(registry))) {
      for (Descriptor blob : new Descriptor[] {layerBlob, configBlob}) {
        byte[] content = blob == layerBlob ? layer : config;
        if (!client.blobExists(repository, blob.digest())) {
          client.pushBlob(repository, blob, new ByteArrayInputStream(content), n -> { });
        }
      }
      client.putManifest(repository, TAG, m);
    }
    return new Pushed(registry, repository, m.digest());
  }

  /**
   * The ImageStream {@code storefront} in the image's namespace, its status tag {@code 1.0}
   * pointing at the pushed image by digest, as OpenShift records a push to its registry.
   */
  static GenericKubernetesResource imageStream(KubernetesClient client, String namespace, Pushed image) {
    var streams = client.genericKubernetesResources(ImageStreamMigrator.IMAGE_STREAMS).inNamespace(namespace);
    GenericKubernetesResource stream = Serialization.unmarshal("""
        apiVersion: image.openshift.io/v1
        kind: ImageStream
        metadata: {name: %s, namespace: %s, labels: {app: shop}}
        spec:
          lookupPolicy: {local: false}
        """.formatted(STREAM, namespace), GenericKubernetesResource.class);
    GenericKubernetesResource applied = streams.resource(stream).fieldManager("ferry-demo").forceConflicts()
        .serverSideApply();
    GenericKubernetesResource status = Serialization.unmarshal("""
        status:
          dockerImageRepository: %1$s/%2$s
          tags:
          - tag: "%3$s"
            items:
            - created: "2026-01-01T00:00:00Z"
              dockerImageReference: %1$s/%2$s@%4$s
              image: %4$s
              generation: 1
        """.formatted(image.registry(), image.repository(), TAG, image.digest()), GenericKubernetesResource.class);
    applied.setAdditionalProperty("status", status.getAdditionalProperties().get("status"));
    return streams.resource(applied).updateStatus();
  }

  /**
   * The digest {@code registry} serves for {@code image}, if the image is in that registry
   * ({@code <registry>/<repository>@<digest>} or {@code :<tag>}); empty for images of other
   * registries or ones it does not have.
   */
  static Optional<String> servedDigest(String registry, String image) {
    if (registry == null || image == null || !image.startsWith(registry + "/")) {
      return Optional.empty();
    }
    String rest = image.substring(registry.length() + 1);
    String repository;
    String reference;
    int at = rest.indexOf('@');
    int colon = rest.lastIndexOf(':');
    if (at >= 0) {
      repository = rest.substring(0, at);
      reference = rest.substring(at + 1);
    } else if (colon > rest.lastIndexOf('/')) {
      repository = rest.substring(0, colon);
      reference = rest.substring(colon + 1);
    } else {
      repository = rest;
      reference = "latest";
    }
    try (RegistryClient client = new RegistryClient(RegistryEndpoint.anonymous(registry))) {
      return client.manifestDigest(repository, reference);
    }
  }

  private static String json(Descriptor d) {
    return "{\"mediaType\":\"" + d.mediaType() + "\",\"digest\":\"" + d.digest() + "\",\"size\":" + d.size() + "}";
  }

  /** A ustar archive of {@code files} (with their parent directories), sorted, root-owned. */
  static byte[] layerTar(Map<String, String> files) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    files.keySet().stream().sorted().forEach(path -> {
      String[] parts = path.split("/");
      StringBuilder dir = new StringBuilder();
      for (int i = 0; i < parts.length - 1; i++) {
        dir.append(parts[i]).append('/');
        entries.putIfAbsent(dir.toString(), null);
      }
      entries.put(path, files.get(path).getBytes(StandardCharsets.UTF_8));
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entries.forEach((name, content) -> {
      out.writeBytes(header(name, content));
      if (content != null) {
        out.writeBytes(content);
        out.writeBytes(new byte[(512 - content.length % 512) % 512]);
      }
    });
    out.writeBytes(new byte[1024]); // two zero blocks end the archive
    return out.toByteArray();
  }

  private static byte[] header(String name, byte[] content) {
    byte[] h = new byte[512];
    boolean directory = content == null;
    put(h, 0, 100, name);
    put(h, 100, 8, octal(directory ? 0755 : 0644, 7));
    put(h, 108, 8, octal(0, 7));
    put(h, 116, 8, octal(0, 7));
    put(h, 124, 12, octal(directory ? 0 : content.length, 11));
    put(h, 136, 12, octal(MTIME, 11));
    put(h, 148, 8, "        "); // checksum field counts as spaces while summing
    h[156] = (byte) (directory ? '5' : '0');
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    put(h, 265, 32, "root");
    put(h, 297, 32, "root");
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, 8, octal(sum, 6) + "\0 ");
    return h;
  }

  private static String octal(long value, int digits) {
    String s = Long.toOctalString(value);
    return "0".repeat(Math.max(0, digits - s.length())) + s;
  }

  private static void put(byte[] header, int offset, int length, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length > length) {
      throw new IllegalArgumentException("tar header field too long: " + value);
    }
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
