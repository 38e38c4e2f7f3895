package dev.ferry.cli.restore;

import dev.ferry.cli.backup.BackupRepository;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.backup.format.BackupLayout;
import dev.ferry.objectstore.FilesystemObjectStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'ferry restore describe --details' reads the restore resource list Velero (and Ferry) write. */
class RestoreResourceListTest {

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void readsVelerosStringEntriesAndObjectEntries(@TempDir Path dir) throws Exception {
    FilesystemObjectStore store = new FilesystemObjectStore(dir);
    store.put(BackupLayout.ROOT.restoreResourceList("r1"), gzip("""
        {"v1/ConfigMap":["shop/a(created)","shop/b(skipped)"],
         "apps/v1/Deployment":[{"name":"shop/web","action":"updated"}]}"""));
    var list = BackupRepository.of(store).restoreResourceList("r1").value();
    assertThat(list.get("v1/ConfigMap")).isEqualTo(List.of("shop/a(created)", "shop/b(skipped)"));
    assertThat(list.get("apps/v1/Deployment")).isEqualTo(List.of("shop/web(updated)"));
  }
}
