package dev.ferry.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.model.Gzip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResourceListFileTest {

  @Test
  void veleroShape() throws Exception {
    ResourceListFile list = new ResourceListFile();
    list.add("v1", "Namespace", null, "shop");
    list.add("apps/v1", "Deployment", "shop", "web");
    list.add("apps/v1", "Deployment", "shop", "api");
    list.add("apps/v1", "Deployment", "billing", "api");
    list.add("apps/v1", "Deployment", "shop", "web");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    list.write(out);
    String json = new String(Gzip.decompress(new ByteArrayInputStream(out.toByteArray())),
        StandardCharsets.UTF_8);

    assertThat(json).isEqualTo("{\"apps/v1/Deployment\":[\"billing/api\",\"shop/api\",\"shop/web\"],"
        + "\"v1/Namespace\":[\"shop\"]}\n");
    assertThat(list.size()).isEqualTo(4);
  }

  @Test
  void readsVeleroFile() throws Exception {
    String velero = "{\"rbac.authorization.k8s.io/v1/RoleBinding\":[\"shop/admin\"],"
        + "\"v1/PersistentVolume\":[\"pvc-1\"]}\n";
    ResourceListFile read = ResourceListFile.read(new ByteArrayInputStream(
        Gzip.compress(velero.getBytes(StandardCharsets.UTF_8))));

    assertThat(read.entries()).containsOnlyKeys("rbac.authorization.k8s.io/v1/RoleBinding",
        "v1/PersistentVolume");
    assertThat(read.entries().get("v1/PersistentVolume")).containsExactly("pvc-1");
    assertThat(read.toJson()).isEqualTo(velero);
  }
}
