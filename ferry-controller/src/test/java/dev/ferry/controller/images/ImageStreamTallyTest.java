package dev.ferry.controller.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.api.migration.images.DirectImageMigrationStatus;
import dev.ferry.api.migration.images.ImageStreamListItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageStreamTallyTest {
  private static ImageStreamListItem item(String name) {
    ImageStreamListItem item = new ImageStreamListItem();
    item.setNamespace("shop");
    item.setName(name);
    return item;
  }

  @Test
  void streamsStillRunningKeepTheMigrationRunning() {
    ImageStreamTally tally = new ImageStreamTally();
    tally.add(item("web"), "Completed", null);
    tally.add(item("api"), null, null);

    assertThat(tally.running()).isTrue();
    assertThat(tally.finished()).isEqualTo(1);
    assertThat(tally.total()).isEqualTo(2);
    DirectImageMigrationStatus status = new DirectImageMigrationStatus();
    tally.publish(status);
    assertThat(status.getNewISs()).extracting(ImageStreamListItem::getName).containsExactly("api");
    assertThat(status.getSuccessfulISs()).extracting(ImageStreamListItem::getName).containsExactly("web");
    assertThat(status.getFailedISs()).isNull();
  }

  @Test
  void failedStreamsCarryTheirErrorsAndAMissingStreamIsMarkedNotFound() {
    ImageStreamTally tally = new ImageStreamTally();
    tally.add(item("web"), "Completed", null);
    tally.add(item("gone"), "Failed", List.of("image stream shop/gone does not exist on the source cluster"));
    tally.add(item("mute"), "Failed", null);

    assertThat(tally.running()).isFalse();
    assertThat(tally.anyFailed()).isTrue();
    assertThat(tally.errors()).containsExactly("image stream shop/gone does not exist on the source cluster",
        "shop/mute failed");
    assertThat(tally.failureMessage()).isEqualTo("2 of 3 image stream(s) failed to migrate. See: failedISs. "
        + "image stream shop/gone does not exist on the source cluster");
    DirectImageMigrationStatus status = new DirectImageMigrationStatus();
    tally.publish(status);
    assertThat(status.getFailedISs()).extracting(ImageStreamListItem::getNotFound).containsExactly(true, null);
  }
}
