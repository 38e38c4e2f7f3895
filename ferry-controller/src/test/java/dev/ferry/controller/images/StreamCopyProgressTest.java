package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.images.DirectImageStreamMigrationStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamCopyProgressTest {

  @Test
  void countsBytesAgainstThePlanAndPublishesAtMostEveryInterval() {
    AtomicLong nanos = new AtomicLong(1_000_000_000L);
    List<Long> published = new ArrayList<>();
    StreamCopyProgress progress = new StreamCopyProgress(p -> published.add(p.bytesDone()), nanos::get);

    progress.planned(1000);
    nanos.addAndGet(500_000_000L);
    progress.accounted(100); // 0.5 s in: too soon to publish
    nanos.addAndGet(1_500_000_000L);
    progress.accounted(300); // 2 s in: published
    progress.accounted(100); // at once again: not
    assertThat(published).containsExactly(400L);

    DirectImageStreamMigrationStatus status = new DirectImageStreamMigrationStatus();
    progress.applyTo(status);
    assertThat(status.getBytesDone()).isEqualTo(500);
    assertThat(status.getBytesTotal()).isEqualTo(1000);
    assertThat(status.getBytesPerSecond()).isEqualTo(250); // 500 bytes in 2 s

    progress.accounted(700); // more than planned (a manifest read late): the total follows
    progress.applyTo(status);
    assertThat(status.getBytesTotal()).isEqualTo(1200);
  }
}
