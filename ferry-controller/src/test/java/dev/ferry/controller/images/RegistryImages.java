package dev.ferry.controller.images;

import dev.ferry.images.Descriptor;
import dev.ferry.images.Digests;
import dev.ferry.images.Manifest;
import dev.ferry.images.MediaTypes;
import dev.ferry.images.RegistryClient;
import dev.ferry.images.RegistryEndpoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Pushes small real images (random layer, config, OCI manifest) to a testbed registry. */
final class RegistryImages {
  private static final Random RANDOM = new Random();

  private RegistryImages() {
  }

  /** Pushes a fresh image to {@code registry/repo:tag} (tag may be null) and returns its manifest digest. */
  static String push(String registry, String repo, String tag) {
    RegistryClient client = new RegistryClient(RegistryEndpoint.anonymous(registry));
    byte[] layer = new byte[4096];
    RANDOM.nextBytes(layer);
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
        + Digests.sha256(layer) + "\"]}}").getBytes(StandardCharsets.UTF_8);
    Descriptor layerBlob = new Descriptor("application/vnd.oci.image.layer.v1.tar", Digests.sha256(layer), layer.length);
    Descriptor configBlob = new Descriptor(MediaTypes.OCI_CONFIG, Digests.sha256(config), config.length);
    client.pushBlob(repo, layerBlob, new ByteArrayInputStream(layer), n -> { });
    client.pushBlob(repo, configBlob, new ByteArrayInputStream(config), n -> { });
    byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"config\":"
        + json(configBlob) + ",\"layers\":[" + json(layerBlob) + "]}").getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(manifest, MediaTypes.OCI_MANIFEST, "test image");
    client.putManifest(repo, tag != null ? tag : m.digest(), m);
    return m.digest();
  }

  private static String json(Descriptor d) {
    return "{\"mediaType\":\"" + d.mediaType() + "\",\"digest\":\"" + d.digest() + "\",\"size\":" + d.size() + "}";
  }
}
