package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Progress of a Restore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RestoreProgress {

  @JsonPropertyDescription("Number of items to restore.")
  private Integer totalItems;

  @JsonPropertyDescription("Number of items restored so far.")
  private Integer itemsRestored;

  public Integer getTotalItems() {
    return totalItems;
  }

  public void setTotalItems(Integer totalItems) {
    this.totalItems = totalItems;
  }

  public Integer getItemsRestored() {
    return itemsRestored;
  }

  public void setItemsRestored(Integer itemsRestored) {
    this.itemsRestored = itemsRestored;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    RestoreProgress that = (RestoreProgress) o;
    return Objects.equals(totalItems, that.totalItems)
        && Objects.equals(itemsRestored, that.itemsRestored);
  }

  @Override
  public int hashCode() {
    return Objects.hash(totalItems, itemsRestored);
  }
}
