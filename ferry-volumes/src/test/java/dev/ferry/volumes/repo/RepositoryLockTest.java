package dev.ferry.volumes.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.objectstore.FilesystemObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryLockTest {
  @TempDir
  Path dir;

  @Test
  void sharedLocksCoexistAndExcludeAnExclusiveOne() {
    FilesystemObjectStore store = new FilesystemObjectStore(dir);
    RepositoryLayout layout = new RepositoryLayout("repo");
    try (RepositoryLock a = RepositoryLock.shared(store, layout); RepositoryLock b = RepositoryLock.shared(store, layout)) {
      assertThat(store.list(layout.locksPrefix())).containsExactlyInAnyOrder(a.key(), b.key());
      assertThatThrownBy(() -> RepositoryLock.exclusive(store, layout))
          .isInstanceOf(RepositoryLockedException.class)
          .hasMessageContaining("is locked by").hasMessageContaining("delete repo/volumes/locks/");
      assertThat(store.list(layout.locksPrefix())).as("the refused lock is removed").hasSize(2);
    }
    assertThat(store.list(layout.locksPrefix())).isEmpty();
    try (RepositoryLock x = RepositoryLock.exclusive(store, layout)) {
      assertThatThrownBy(() -> RepositoryLock.shared(store, layout)).hasMessageContaining("locked exclusively");
    }
  }

  @Test
  void aLockNotRefreshedForLongIsIgnored() {
    FilesystemObjectStore store = new FilesystemObjectStore(dir);
    RepositoryLayout layout = new RepositoryLayout("");
    Instant past = Instant.now().minus(RepositoryLock.STALE_AFTER).minusSeconds(60);
    RepositoryLock dead = RepositoryLock.acquire(store, layout, true, Clock.fixed(past, ZoneOffset.UTC));
    try (RepositoryLock live = RepositoryLock.exclusive(store, layout)) {
      assertThat(live.key()).isNotEqualTo(dead.key());
    }
  }
}
