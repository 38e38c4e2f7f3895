package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

class BackupTarballWriterTest {

  private static final GroupResource DEPLOYMENTS = GroupResource.parse("deployments.apps");
  private static final GroupResource NAMESPACES = GroupResource.parse("namespaces");
  private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void writesVeleroEntriesWithVersionFirst() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupTarballWriter writer =
        new BackupTarballWriter(out, Clock.fixed(NOW, ZoneOffset.UTC))) {
      writer.add(new ItemKey(NAMESPACES, "v1", null, "shop"),
          bytes("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}"));
      writer.add(new ItemKey(DEPLOYMENTS, "v1", "shop", "web"), bytes(deployment("shop", "web")));
    }

    List<TarArchiveEntry> entries = new ArrayList<>();
    List<String> contents = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(new ByteArrayInputStream(out.toByteArray())))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        entries.add(e);
        contents.add(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertThat(entries).extracting(TarArchiveEntry::getName).containsExactly(
        "metadata/version",
        "resources/namespaces/cluster/shop.json",
        "resources/namespaces/v1-preferredversion/cluster/shop.json",
        "resources/deployments.apps/namespaces/shop/web.json",
        "resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json");
    assertThat(contents.get(0)).isEqualTo("1.1.0\n");
    assertThat(contents.get(3)).isEqualTo(deployment("shop", "web"));
    assertThat(entries).allSatisfy(e -> {
      assertThat(e.isFile()).isTrue();
      assertThat(e.getMode() & 0777).isEqualTo(0644);
      assertThat(e.getModTime().toInstant()).isEqualTo(NOW);
    });
  }

  @Test
  void tracksTheResourceListAndSkipsDuplicates() throws Exception {
    try (BackupTarballWriter writer = new BackupTarballWriter(OutputStream.nullOutputStream())) {
      assertThat(writer.add(new ItemKey(DEPLOYMENTS, "v1", "shop", "web"),
          bytes(deployment("shop", "web")))).isTrue();
      assertThat(writer.add(new ItemKey(DEPLOYMENTS, null, "shop", "web"),
          bytes(deployment("shop", "web")))).isFalse();
      writer.add(new ItemKey(NAMESPACES, null, null, "shop"),
          bytes("{\"kind\":\"Namespace\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"shop\"}}"));

      assertThat(writer.itemCount()).isEqualTo(2);
      assertThat(writer.resourceList().toJson())
          .isEqualTo("{\"apps/v1/Deployment\":[\"shop/web\"],\"v1/Namespace\":[\"shop\"]}\n");
    }
  }

  @Test
  void refusesItemsVeleroCouldNotRestore() throws Exception {
    try (BackupTarballWriter writer = new BackupTarballWriter(OutputStream.nullOutputStream())) {
      assertThatThrownBy(() -> writer.add(new ItemKey(DEPLOYMENTS, "v1", "shop", "web"),
          bytes("{\"metadata\":{\"name\":\"web\"}}")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiVersion/kind");
      assertThatThrownBy(() -> writer.add(new ItemKey(DEPLOYMENTS, "v1beta1", "shop", "web"),
          bytes(deployment("shop", "web"))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("v1beta1");
      assertThatThrownBy(() -> writer.add(new ItemKey(DEPLOYMENTS, "v1", "..", "web"),
          bytes(deployment("..", "web"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void streamsTenThousandItems() throws Exception {
    CountingOutputStream out = new CountingOutputStream();
    try (BackupTarballWriter writer = new BackupTarballWriter(out)) {
      for (int i = 0; i < 10_000; i++) {
        writer.add(new ItemKey(DEPLOYMENTS, "v1", "ns-" + (i % 10), "web-" + i),
            bytes(deployment("ns-" + (i % 10), "web-" + i)));
      }
      assertThat(writer.resourceList().size()).isEqualTo(10_000);
    }
    assertThat(out.count).isPositive();
  }

  @Test
  void longNamesSurviveViaPaxHeaders() throws Exception {
    String longName = "a".repeat(200);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupTarballWriter writer = new BackupTarballWriter(out)) {
      writer.add(new ItemKey(DEPLOYMENTS, "v1", "shop", longName),
          bytes(deployment("shop", longName)));
    }
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new GzipCompressorInputStream(new ByteArrayInputStream(out.toByteArray())))) {
      tar.getNextEntry();
      assertThat(tar.getNextEntry().getName())
          .isEqualTo("resources/deployments.apps/namespaces/shop/" + longName + ".json");
    }
  }

  static String deployment(String namespace, String name) {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"" + name
        + "\",\"namespace\":\"" + namespace + "\"},\"spec\":{\"replicas\":1}}";
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
