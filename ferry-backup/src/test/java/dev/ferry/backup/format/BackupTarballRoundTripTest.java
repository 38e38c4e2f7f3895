package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.backup.model.GroupResource;
import dev.ferry.backup.model.ItemKey;
import dev.ferry.backup.model.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupTarballRoundTripTest {

  private static final GroupResource NAMESPACES = GroupResource.core("namespaces");
  private static final GroupResource CONFIGMAPS = GroupResource.core("configmaps");
  private static final GroupResource DEPLOYMENTS = GroupResource.parse("deployments.apps");
  private static final GroupResource WIDGETS = GroupResource.parse("widgets.example.com");

  @TempDir
  Path tmp;

  @Test
  void whatFerryWritesItReadsBack() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupTarballWriter writer = new BackupTarballWriter(out)) {
      for (int ns = 0; ns < 3; ns++) {
        String namespace = "team-" + ns;
        writer.add(new ItemKey(NAMESPACES, "v1", null, namespace), object("v1", "Namespace",
            null, namespace));
        for (int i = 0; i < 50; i++) {
          writer.add(new ItemKey(CONFIGMAPS, "v1", namespace, "cm-" + i),
              object("v1", "ConfigMap", namespace, "cm-" + i));
          writer.add(new ItemKey(DEPLOYMENTS, "v1", namespace, "web-" + i),
              object("apps/v1", "Deployment", namespace, "web-" + i));
        }
      }
      for (int i = 0; i < 60; i++) {
        writer.add(new ItemKey(WIDGETS, "v1beta1", null, "w-" + i),
            object("example.com/v1beta1", "Widget", null, "w-" + i));
      }
      assertThat(writer.itemCount()).isEqualTo(363);
    }

    ExtractedBackup backup = new BackupTarballReader()
        .extract(new ByteArrayInputStream(out.toByteArray()), tmp.resolve("x"));

    assertThat(backup.formatVersion()).isEqualTo("1.1.0");
    assertThat(backup.groupResources())
        .containsExactly(CONFIGMAPS, DEPLOYMENTS, NAMESPACES, WIDGETS);
    assertThat(backup.itemCount()).isEqualTo(363);
    assertThat(backup.items(DEPLOYMENTS)).hasSize(150);
    assertThat(backup.items(GroupResource.core("pods"))).isEmpty();

    // Both layouts are on disk; the preferred-version copy is the one indexed.
    Path root = backup.root();
    assertThat(root.resolve("resources/deployments.apps/namespaces/team-1/web-7.json")).exists();
    ItemRef web7 = backup.items(DEPLOYMENTS).stream()
        .filter(r -> r.name().equals("web-7") && r.namespace().equals("team-1"))
        .findFirst().orElseThrow();
    assertThat(web7.version()).isEqualTo("v1");
    assertThat(root.relativize(web7.path()).toString())
        .isEqualTo("resources/deployments.apps/v1-preferredversion/namespaces/team-1/web-7.json");
    assertThat(web7.key()).isEqualTo(new ItemKey(DEPLOYMENTS, "v1", "team-1", "web-7"));
    assertThat(backup.read(web7)).isEqualTo(object("apps/v1", "Deployment", "team-1", "web-7"));

    List<ItemRef> widgets = backup.items(WIDGETS);
    assertThat(widgets).allSatisfy(r -> {
      assertThat(r.isClusterScoped()).isTrue();
      assertThat(r.version()).isEqualTo("v1beta1");
    });
    assertThat(backup.items(NAMESPACES)).extracting(ItemRef::name)
        .containsExactly("team-0", "team-1", "team-2");
  }

  @Test
  void ferryOutputIsByteCompatibleWithVeleroLayoutInPlainCopies() throws Exception {
    ObjectNode cm = object("v1", "ConfigMap", "shop", "settings");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BackupTarballWriter writer = new BackupTarballWriter(out)) {
      writer.add(new ItemKey(CONFIGMAPS, "v1", "shop", "settings"), cm);
    }
    ExtractedBackup backup = new BackupTarballReader()
        .extract(new ByteArrayInputStream(out.toByteArray()), tmp);
    Path plain = tmp.resolve("resources/configmaps/namespaces/shop/settings.json");
    Path preferred = tmp.resolve("resources/configmaps/v1-preferredversion/namespaces/shop/"
        + "settings.json");
    assertThat(Files.readAllBytes(plain)).isEqualTo(Files.readAllBytes(preferred))
        .isEqualTo(Json.bytes(cm));
    assertThat(tmp.resolve("metadata/version")).hasContent("1.1.0");
    assertThat(backup.items(CONFIGMAPS)).hasSize(1);
  }

  static ObjectNode object(String apiVersion, String kind, String namespace, String name) {
    ObjectNode o = Json.object().put("apiVersion", apiVersion).put("kind", kind);
    ObjectNode metadata = o.putObject("metadata").put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    o.putObject("data").put("key", name + "-value");
    return o;
  }
}
