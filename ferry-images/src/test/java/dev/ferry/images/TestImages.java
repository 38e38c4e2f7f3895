package dev.ferry.images;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Builds real images in memory (gzip tar layers of random files, a config, manifests, an OCI index
 * of two platforms) and pushes them with Ferry's own client.
 */
final class TestImages {
  private TestImages() {
  }

  /** A layer: a gzip-compressed tar holding one file of {@code size} random bytes. */
  record Layer(byte[] gzip, String diffId) {
    Descriptor descriptor(String mediaType) {
      return new Descriptor(mediaType, Digests.sha256(gzip), gzip.length);
    }
  }

  static Layer randomLayer(Random random, String fileName, int size) {
    byte[] data = new byte[size];
    random.nextBytes(data);
    byte[] tar = tar(fileName, data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Layer(out.toByteArray(), Digests.sha256(tar));
  }

  /** A ustar archive of one regular file. */
  static byte[] tar(String name, byte[] data) {
    byte[] header = new byte[512];
    put(header, 0, name);
    put(header, 100, "0000644");
    put(header, 108, "0000000");
    put(header, 116, "0000000");
    put(header, 124, String.format("%011o", data.length));
    put(header, 136, String.format("%011o", 1_700_000_000L));
    java.util.Arrays.fill(header, 148, 156, (byte) ' ');
    header[156] = '0';
    put(header, 257, "ustar");
    put(header, 263, "00");
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    put(header, 148, String.format("%06o", sum));
    header[154] = 0;
    header[155] = ' ';
    int padded = (data.length + 511) / 512 * 512;
    byte[] out = new byte[512 + padded + 1024];
    System.arraycopy(header, 0, out, 0, 512);
    System.arraycopy(data, 0, out, 512, data.length);
    return out;
  }

  private static void put(byte[] buf, int off, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, buf, off, b.length);
  }

  /** Pushes an image of {@code layers} for one platform to repo (by digest only); returns its manifest. */
  static Manifest pushImage(RegistryClient registry, String repo, String os, String arch, List<Layer> layers,
      boolean oci) {
    StringBuilder diffIds = new StringBuilder();
    for (Layer l : layers) {
      diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(l.diffId()).append('"');
    }
    byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"" + os + "\",\"config\":{\"Cmd\":[\"/bin/sh\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
    String configType = oci ? MediaTypes.OCI_CONFIG : MediaTypes.DOCKER_CONFIG;
    String layerType = oci ? MediaTypes.OCI_LAYER_GZIP : MediaTypes.DOCKER_LAYER_GZIP;
    Descriptor configBlob = new Descriptor(configType, Digests.sha256(config), config.length);
    push(registry, repo, configBlob, config);
    List<String> layerJson = new ArrayList<>();
    for (Layer l : layers) {
      Descriptor d = l.descriptor(layerType);
      push(registry, repo, d, l.gzip());
      layerJson.add(json(d));
    }
    String mediaType = oci ? MediaTypes.OCI_MANIFEST : MediaTypes.DOCKER_MANIFEST;
    byte[] manifest = ("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + mediaType + "\",\n   \"config\": "
        + json(configBlob) + ",\n   \"layers\": [" + String.join(",", layerJson) + "]\n}")
        .getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(manifest, mediaType, "test image");
    registry.putManifest(repo, m.digest(), m);
    return m;
  }

  /** Pushes an index of the given platform manifests (already in repo) under {@code tag}. */
  static Manifest pushIndex(RegistryClient registry, String repo, String tag, List<Manifest> platforms,
      List<String> platformNames) {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < platforms.size(); i++) {
      Manifest p = platforms.get(i);
      String[] osArch = platformNames.get(i).split("/");
      entries.add("{\"mediaType\":\"" + p.mediaType() + "\",\"digest\":\"" + p.digest() + "\",\"size\":"
          + p.content().length + ",\"platform\":{\"architecture\":\"" + osArch[1] + "\",\"os\":\"" + osArch[0]
          + "\"}}");
    }
    byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
        + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8);
    Manifest m = Manifest.of(index, MediaTypes.OCI_INDEX, "test index");
    registry.putManifest(repo, tag, m);
    return m;
  }

  static void push(RegistryClient registry, String repo, Descriptor blob, byte[] content) {
    if (!registry.blobExists(repo, blob.digest())) {
      registry.pushBlob(repo, blob, new ByteArrayInputStream(content), n -> { });
    }
  }

  private static String json(Descriptor d) {
    return "{\"mediaType\":\"" + d.mediaType() + "\",\"size\":" + d.size() + ",\"digest\":\"" + d.digest() + "\"}";
  }
}
