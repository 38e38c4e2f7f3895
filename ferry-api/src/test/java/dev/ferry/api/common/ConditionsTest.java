package dev.ferry.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.migration.plan.MigPlanStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  /** A clock the test moves forward. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2024-05-01T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  TestClock clock;
  List<Condition> list;
  Conditions conditions;

  @BeforeEach
  void setUp() {
    clock = new TestClock();
    list = new ArrayList<>();
    conditions = Conditions.of(list, clock);
  }

  @Test
  void newConditionGetsTheClocksTime() {
    Condition stored = conditions.set("InvalidSourceClusterRef", Category.CRITICAL, "NotFound", "not found");
    assertThat(stored.getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
    assertThat(stored.getStatus()).isEqualTo("True");
    assertThat(list).containsExactly(stored);
  }

  @Test
  void unchangedConditionKeepsItsTransitionTime() {
    conditions.set("Ready", Category.REQUIRED, null, "The plan is ready.");
    clock.advance(Duration.ofMinutes(5));
    conditions.set("Ready", Category.REQUIRED, null, "The plan is ready.");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
  }

  @Test
  void changedDurableOrItemsAloneKeepTheTime() {
    conditions.set("PvsDiscovered", Category.ADVISORY, null, "found");
    clock.advance(Duration.ofMinutes(1));
    Condition again = Condition.of("PvsDiscovered", Category.ADVISORY, null, "found").markDurable()
        .withItems(List.of("pv1"));
    conditions.set(again);
    assertThat(list.get(0).durable()).isTrue();
    assertThat(list.get(0).getItems()).containsExactly("pv1");
    assertThat(list.get(0).getLastTransitionTime()).isEqualTo("2024-05-01T10:00:00Z");
  }

  @Test
  void changedStatusReasonCategoryOrMessageUpdatesTheTime() {
    conditions.set("NamespaceNotFoundOnSourceCluster", Category.CRITICAL, "NotFound", "[a] not found");
    String[][] changes = {
        {"False", "NotFound", "Critical", "[a] not found"},
        {"False", "Other", "Critical", "[a] not found"},
        {"False", "Other", "Error", "[a] not found"},
        {"False", "Other", "Error", "[a,b] not found"}};
    for (String[] change : changes) {
      clock.advance(Duration.ofSeconds(10));
      Condition c = Condition.of("NamespaceNotFoundOnSourceCluster", Category.fromValue(change[2]), change[1], change[3]);
      c.setStatus(change[0]);
      Condition stored = conditions.set(c);
      assertThat(stored.getLastTransitionTime()).isEqualTo(Times.now(clock));
    }
    assertThat(list).hasSize(1);
    assertThat(list.get(0).getStatus()).isEqualTo("False");
    assertThat(list.get(0).getCategory()).isEqualTo(Category.ERROR);
  }

  @Test
  void setStoresACopy() {
    Condition mine = Condition.of("Ready", Category.REQUIRED, null, "ready");
    conditions.set(mine);
    mine.setMessage("changed behind the helper's back");
    assertThat(list.get(0).getMessage()).isEqualTo("ready");
  }

  @Test
  void stagingRemovesUnstagedButKeepsDurable() {
    conditions.set("Stale", Category.WARN, null, "from the last pass");
    conditions.set(Condition.of("Succeeded", Category.ADVISORY, "Completed", "done").markDurable());
    conditions.set("StillTrue", Category.ERROR, null, "still wrong");
    clock.advance(Duration.ofMinutes(1));

    conditions.beginStaging();
    assertThat(conditions.staging()).isTrue();
    conditions.set("StillTrue", Category.ERROR, null, "still wrong");
    conditions.set("New", Category.WARN, null, "new");
    conditions.endStaging();

    assertThat(list).extracting(Condition::getType).containsExactly("Succeeded", "StillTrue", "New");
    assertThat(conditions.find("StillTrue")).get().extracting(Condition::getLastTransitionTime)
        .isEqualTo("2024-05-01T10:00:00Z");
    assertThat(conditions.find("New")).get().extracting(Condition::getLastTransitionTime)
        .isEqualTo("2024-05-01T10:01:00Z");
    assertThat(conditions.staging()).isFalse();
  }

  @Test
  void whileStagingUnstagedConditionsAreInvisible() {
    conditions.set("InvalidStorageRef", Category.CRITICAL, "NotFound", "gone");
    conditions.beginStaging();
    assertThat(conditions.find("InvalidStorageRef")).isEmpty();
    assertThat(conditions.hasBlocker()).isFalse();
    assertThat(conditions.list()).hasSize(1);
    conditions.stage("InvalidStorageRef");
    assertThat(conditions.hasBlocker()).isTrue();
    conditions.endStaging();
    assertThat(list).hasSize(1);
  }

  @Test
  void clearWhileStagingUnstagesAndASecondSetKeepsTheTime() {
    conditions.set("Ready", Category.REQUIRED, null, "ready");
    clock.advance(Duration.ofMinutes(3));
    conditions.beginStaging();
    conditions.set("Ready", Category.REQUIRED, null, "ready");
    conditions.clear("Ready");
    assertThat(conditions.ready()).isFalse();
    conditions.set("Ready", Category.REQUIRED, null, "ready");
    conditions.endStaging();
    assertThat(list).singleElement().extracting(Condition::getLastTransitionTime)
        .isEqualTo("2024-05-01T10:00:00Z");
  }

  @Test
  void clearOutsideStagingRemoves() {
    conditions.set("A", Category.WARN, null, "a");
    conditions.set("B", Category.WARN, null, "b");
    conditions.clear("A");
    assertThat(list).extracting(Condition::getType).containsExactly("B");
  }

  @Test
  void blockersAndErrors() {
    assertThat(conditions.hasBlocker()).isFalse();
    assertThat(conditions.hasErrors()).isFalse();
    conditions.set("SomeWarning", Category.WARN, null, "w");
    assertThat(conditions.hasErrors()).isFalse();
    assertThat(conditions.hasWarnings()).isTrue();
    conditions.set("PvInvalidAction", Category.ERROR, null, "e");
    assertThat(conditions.hasErrors()).isTrue();
    assertThat(conditions.hasBlocker()).isFalse();
    Condition critical = Condition.of("InvalidSourceClusterRef", Category.CRITICAL, "NotSet", "c");
    critical.setStatus(Condition.FALSE);
    conditions.set(critical);
    assertThat(conditions.hasBlocker()).as("a Critical condition with status False does not block").isFalse();
    critical.setStatus(Condition.TRUE);
    conditions.set(critical);
    assertThat(conditions.hasBlocker()).isTrue();
    assertThat(conditions.withCategory(Category.CRITICAL, Category.ERROR)).hasSize(2);
  }

  @Test
  void readyAndLookups() {
    conditions.setReady(true, "The migration plan is ready.");
    assertThat(conditions.ready()).isTrue();
    assertThat(conditions.has("Ready")).isTrue();
    assertThat(conditions.hasAny("Nope", "Ready")).isTrue();
    assertThat(conditions.hasAll("Nope", "Ready")).isFalse();
    assertThat(conditions.find("Ready")).get().extracting(Condition::getCategory).isEqualTo(Category.REQUIRED);
    conditions.setReady(false, null);
    assertThat(conditions.ready()).isFalse();
    assertThat(list).isEmpty();
  }

  @Test
  void statusAccessorKeepsOneHelperAndCreatesTheList() {
    MigPlanStatus status = new MigPlanStatus();
    Conditions helper = status.conditions(clock);
    assertThat(status.conditions()).isSameAs(helper);
    helper.beginStaging();
    status.conditions().set("Ready", Category.REQUIRED, null, "ready");
    status.conditions().endStaging();
    assertThat(status.getConditions()).singleElement().extracting(Condition::getLastTransitionTime)
        .isEqualTo("2024-05-01T10:00:00Z");

    JsonNode json = new KubernetesSerialization().convertValue(status, JsonNode.class);
    assertThat(json.fieldNames()).toIterable().containsExactly("conditions");
    assertThat(json.get("conditions").get(0).get("category").asText()).isEqualTo("Required");
  }

  @Test
  void timesFormatAndParse() {
    assertThat(Times.format(Instant.parse("2021-01-26T20:48:40.123456Z"))).isEqualTo("2021-01-26T20:48:40Z");
    assertThat(Times.parse("2021-01-26T21:48:40+01:00")).isEqualTo(Instant.parse("2021-01-26T20:48:40Z"));
    assertThat(Times.parse(null)).isNull();
  }
}
