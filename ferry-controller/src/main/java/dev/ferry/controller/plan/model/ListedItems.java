package dev.ferry.controller.plan.model;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import java.util.List;

/**
 * A plan condition about a list of items (volumes, hooks): raised only when the list is not
 * empty, the list named in its message and carried in its {@code items}.
 */
final class ListedItems {
  private ListedItems() {
  }

  /** Adds the condition {@code before + items + after} to {@code out} when there are items. */
  static void addIfAny(List<Condition> out, List<String> items, String type, Category category, String reason,
                       String before, String after) {
    if (!items.isEmpty()) {
      out.add(Condition.of(type, category, reason, before + items + after).withItems(items));
    }
  }
}
