package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.testsupport.CraftedTarball;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTarballReaderTest {

  private static final GroupResource DEPLOYMENTS = GroupResource.parse("deployments.apps");
  private static final GroupResource CRDS =
      GroupResource.parse("customresourcedefinitions.apiextensions.k8s.io");

  @TempDir
  Path tmp;

  private final BackupTarballReader reader = new BackupTarballReader();

  private ExtractedBackup extract(byte[] tarball) throws Exception {
    return reader.extract(new ByteArrayInputStream(tarball), tmp.resolve("out"));
  }

  @Test
  void readsVeleroLayoutWithVersionDirectories() throws Exception {
    // What Velero 1.x writes with EnableAPIGroupVersions: the preferred version twice (plain and
    // -preferredversion), other versions only under <version>/; and directory entries, as GNU tar
    // would add when repacking.
    String v1 = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
        + "\"metadata\":{\"name\":\"widgets.example.com\"}}";
    String v1beta1 = v1.replace("/v1\"", "/v1beta1\"");
    byte[] tarball = CraftedTarball.velero()
        .dir("resources")
        .file("resources/customresourcedefinitions.apiextensions.k8s.io/cluster/"
            + "widgets.example.com.json", v1)
        .file("resources/customresourcedefinitions.apiextensions.k8s.io/v1-preferredversion/"
            + "cluster/widgets.example.com.json", v1)
        .file("resources/customresourcedefinitions.apiextensions.k8s.io/v1beta1/cluster/"
            + "widgets.example.com.json", v1beta1)
        .file("resources/customresourcedefinitions.apiextensions.k8s.io/v1beta1/cluster/"
            + "gadgets.example.com.json", v1beta1)
        .bytes();

    ExtractedBackup backup = extract(tarball);

    assertThat(backup.items(CRDS)).extracting(ItemRef::name, ItemRef::version).containsExactly(
        org.assertj.core.groups.Tuple.tuple("gadgets.example.com", "v1beta1"),
        org.assertj.core.groups.Tuple.tuple("widgets.example.com", "v1"));
    ItemRef widgets = backup.items(CRDS).get(1);
    assertThat(backup.read(widgets).path("apiVersion").asText())
        .isEqualTo("apiextensions.k8s.io/v1");
  }

  @Test
  void readsPreferredOnlyAndPlainOnlyBackups() throws Exception {
    String deploy = BackupTarballWriterTest.deployment("shop", "web");
    byte[] tarball = CraftedTarball.velero()
        // preferred copy only (no plain copy)
        .file("resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json", deploy)
        // old Velero: plain copy only, no version directories
        .file("resources/services/namespaces/shop/web.json",
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"web\"}}")
        .bytes();

    ExtractedBackup backup = extract(tarball);

    assertThat(backup.items(DEPLOYMENTS)).singleElement()
        .satisfies(r -> assertThat(r.key()).isEqualTo(new ItemKey(DEPLOYMENTS, "v1", "shop",
            "web")));
    assertThat(backup.items(GroupResource.core("services"))).singleElement()
        .satisfies(r -> {
          assertThat(r.version()).isNull();
          assertThat(r.namespace()).isEqualTo("shop");
        });
  }

  @Test
  void acceptsOldFormatVersionAndDotSlashNames() throws Exception {
    byte[] tarball = new CraftedTarball().dir("./").file("./metadata/version", "1")
        .file("./resources/configmaps/namespaces/a/b.json", "{\"kind\":\"ConfigMap\"}")
        .bytes();
    ExtractedBackup backup = extract(tarball);
    assertThat(backup.formatVersion()).isEqualTo("1");
    assertThat(backup.items(GroupResource.core("configmaps"))).hasSize(1);
  }

  @Test
  void refusesParentDirectoryEscape() {
    byte[] tarball = CraftedTarball.velero().file("../evil.json", "{}").bytes();
    assertThatThrownBy(() -> extract(tarball))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("../evil.json")
        .hasMessageContaining("escapes");
    assertThat(tmp.resolve("evil.json")).doesNotExist();
  }

  @Test
  void refusesEscapeHiddenInsideThePath() {
    byte[] tarball = CraftedTarball.velero()
        .file("resources/pods/namespaces/../../../../evil.json", "{}").bytes();
    assertThatThrownBy(() -> extract(tarball))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("resources/pods/namespaces/../../../../evil.json");
    assertThat(tmp.resolve("evil.json")).doesNotExist();
  }

  @Test
  void refusesAbsolutePaths() {
    Path outside = tmp.resolve("abs-evil.json").toAbsolutePath();
    byte[] tarball = CraftedTarball.velero().file(outside.toString(), "{}").bytes();
    assertThatThrownBy(() -> extract(tarball))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining(outside.toString())
        .hasMessageContaining("absolute");
    assertThat(outside).doesNotExist();
  }

  @Test
  void refusesLinksAndSpecialFiles() {
    assertThatThrownBy(() -> extract(CraftedTarball.velero()
        .symlink("resources/pods/cluster/x.json", "/etc/passwd").bytes()))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("resources/pods/cluster/x.json")
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> reader.extract(new ByteArrayInputStream(CraftedTarball.velero()
        .hardlink("resources/pods/cluster/y.json", "metadata/version").bytes()), tmp.resolve("2")))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("hard link");
    assertThatThrownBy(() -> reader.extract(new ByteArrayInputStream(CraftedTarball.velero()
        .fifo("resources/pods/cluster/z.json").bytes()), tmp.resolve("3")))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("FIFO");
  }

  @Test
  void truncatedTarballNamesTheEntry() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupTarballWriter writer = new BackupTarballWriter(out)) {
      for (int i = 0; i < 300; i++) {
        writer.add(new ItemKey(DEPLOYMENTS, "v1", "shop", "web-" + i),
            BackupTarballWriterTest.bytes(BackupTarballWriterTest.deployment("shop", "web-" + i)
                + " ".repeat(i)));
      }
    }
    byte[] full = out.toByteArray();
    byte[] half = Arrays.copyOf(full, full.length / 2);

    assertThatThrownBy(() -> extract(half))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageStartingWith("backup tarball is corrupt or truncated at entry ")
        .hasMessageContaining("web-");
  }

  @Test
  void corruptGzip() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupTarballWriter writer = new BackupTarballWriter(out)) {
      for (int i = 0; i < 50; i++) {
        writer.add(new ItemKey(DEPLOYMENTS, "v1", "shop", "web-" + i),
            BackupTarballWriterTest.bytes(BackupTarballWriterTest.deployment("shop", "web-" + i)));
      }
    }
    byte[] corrupt = out.toByteArray();
    for (int i = corrupt.length / 3; i < corrupt.length / 3 + 64; i++) {
      corrupt[i] = (byte) ~corrupt[i];
    }
    assertThatThrownBy(() -> extract(corrupt))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("corrupt or truncated");

    assertThatThrownBy(() -> reader.extract(
        new ByteArrayInputStream("this is not gzip".getBytes()), tmp.resolve("plain")))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("not gzip");
  }

  @Test
  void damagedGzipTrailerIsCaught() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupTarballWriter writer = new BackupTarballWriter(out)) {
      writer.add(new ItemKey(DEPLOYMENTS, "v1", "shop", "web"),
          BackupTarballWriterTest.bytes(BackupTarballWriterTest.deployment("shop", "web")));
    }
    byte[] damaged = out.toByteArray();
    damaged[damaged.length - 6] ^= 0x55; // inside the CRC32
    assertThatThrownBy(() -> extract(damaged))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("CRC");
  }

  @Test
  void refusesTarballWithoutMetadataVersion() {
    byte[] tarball = new CraftedTarball()
        .file("resources/configmaps/namespaces/a/b.json", "{}").bytes();
    assertThatThrownBy(() -> extract(tarball))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("metadata/version");
  }

  @Test
  void refusesUnknownFormatMajor() {
    byte[] tarball = new CraftedTarball().file("metadata/version", "2.0.0\n").bytes();
    assertThatThrownBy(() -> extract(tarball))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("2.0.0");
  }

  @Test
  void refusesContentOverTheSizeLimit() {
    byte[] tarball = CraftedTarball.velero()
        .file("resources/configmaps/namespaces/a/big.json", "x".repeat(5000)).bytes();
    BackupTarballReader small = new BackupTarballReader(4096);
    assertThatThrownBy(() -> small.extract(new ByteArrayInputStream(tarball), tmp.resolve("s")))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("the restore limit max_extracted_size (4096 bytes)")
        .hasMessageContaining("raise spec.restore_limits.max_extracted_size on the MigrationController")
        .hasMessageContaining("big.json");
  }

  @Test
  void refusesAnEntryOverTheItemLimitAndTooManyEntriesNamingEachLimit() {
    byte[] big = CraftedTarball.velero()
        .file("resources/configmaps/namespaces/a/big.json", "x".repeat(5000)).bytes();
    BackupTarballReader smallItems = new BackupTarballReader(new BackupLimits(1 << 20, 100, 4096, 10, 100));
    assertThatThrownBy(() -> smallItems.extract(new ByteArrayInputStream(big), tmp.resolve("i")))
        .isInstanceOf(BackupFormatException.class)
        .hasMessage("backup tarball entry resources/configmaps/namespaces/a/big.json is larger than the restore "
            + "limit max_item_size (4096 bytes); if the backup is genuine, raise "
            + "spec.restore_limits.max_item_size on the MigrationController");
    CraftedTarball many = CraftedTarball.velero();
    for (int i = 0; i < 5; i++) {
      many.file("resources/configmaps/namespaces/a/c" + i + ".json", "{}");
    }
    BackupTarballReader fewEntries = new BackupTarballReader(new BackupLimits(1 << 20, 4, 4096, 10, 100));
    byte[] manyBytes = many.bytes();
    assertThatThrownBy(() -> fewEntries.extract(new ByteArrayInputStream(manyBytes), tmp.resolve("e")))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("more entries than the restore limit max_entries (4)")
        .hasMessageContaining("spec.restore_limits.max_entries");
  }

  @Test
  void itemsDeeperOrWithLongerStringsThanTheLimitsAreRefusedOnReadNamingTheLimit() throws Exception {
    String deep = "{\"a\":".repeat(12) + "1" + "}".repeat(12);
    String longString = "{\"a\":\"" + "y".repeat(200) + "\"}";
    BackupLimits limits = new BackupLimits(1 << 20, 100, 4096, 10, 100);
    ExtractedBackup backup = new BackupTarballReader(limits).extract(new ByteArrayInputStream(CraftedTarball.velero()
        .file("resources/configmaps/namespaces/a/deep.json", deep)
        .file("resources/configmaps/namespaces/a/long.json", longString)
        .file("resources/configmaps/namespaces/a/broken.json", "{\"a\": [1, 2")
        .bytes()), tmp.resolve("d"));
    var items = backup.items(GroupResource.core("configmaps"));
    assertThatThrownBy(() -> backup.read(items.get(1)))
        .isInstanceOf(BackupFormatException.class)
        .hasMessage("backup entry resources/configmaps/namespaces/a/deep.json nests deeper than the restore limit "
            + "max_json_depth (10 levels); if the backup is genuine, raise spec.restore_limits.max_json_depth on "
            + "the MigrationController");
    assertThatThrownBy(() -> backup.read(items.get(2)))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageStartingWith("backup entry resources/configmaps/namespaces/a/long.json holds a string longer "
            + "than the restore limit max_string_length (100 characters)");
    assertThatThrownBy(() -> backup.read(items.get(0)))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageStartingWith("backup entry resources/configmaps/namespaces/a/broken.json is not valid JSON: ");
  }

  @Test
  void manyHonestEntriesTogetherOverTheExtractedLimitAreRefused() {
    // A bomb of small items: each under max_item_size, together over max_extracted_size.
    CraftedTarball many = CraftedTarball.velero();
    for (int i = 0; i < 20; i++) {
      many.file("resources/configmaps/namespaces/a/c" + i + ".json", "y".repeat(1000));
    }
    byte[] tarball = many.bytes();
    BackupTarballReader reader = new BackupTarballReader(new BackupLimits(10_000, 100, 4096, 10, 100));
    assertThatThrownBy(() -> reader.extract(new ByteArrayInputStream(tarball), tmp.resolve("m")))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("the restore limit max_extracted_size (10000 bytes)")
        .hasMessageContaining("resources/configmaps/namespaces/a/c9.json");
  }

  @Test
  void selfContradictoryPathsAreFormatErrors() {
    byte[] tarball = CraftedTarball.velero()
        .file("resources/configmaps", "not a directory")
        .file("resources/configmaps/namespaces/a/b.json", "{}").bytes();
    assertThatThrownBy(() -> extract(tarball))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("resources/configmaps/namespaces/a/b.json")
        .hasMessageContaining("conflicts");
  }

  @Test
  void refusesNonEmptyTarget() throws Exception {
    Files.createDirectories(tmp.resolve("out"));
    Files.writeString(tmp.resolve("out/leftover"), "x");
    byte[] tarball = CraftedTarball.velero().bytes();
    assertThatThrownBy(() -> extract(tarball)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidItemJsonIsAFormatErrorOnRead() throws Exception {
    ExtractedBackup backup = extract(CraftedTarball.velero()
        .file("resources/configmaps/namespaces/a/b.json", "[1,2]").bytes());
    ItemRef ref = backup.items(GroupResource.core("configmaps")).get(0);
    assertThatThrownBy(() -> backup.read(ref))
        .isInstanceOf(BackupFormatException.class)
        .hasMessageContaining("resources/configmaps/namespaces/a/b.json");
  }
}
