package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Progress of a Backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupProgress {

  @JsonPropertyDescription("Number of items to back up (an estimate while the backup runs).")
  private Integer totalItems;

  @JsonPropertyDescription("Number of items backed up so far.")
  private Integer itemsBackedUp;

  public Integer getTotalItems() {
    return totalItems;
  }

  public void setTotalItems(Integer totalItems) {
    this.totalItems = totalItems;
  }

  public Integer getItemsBackedUp() {
    return itemsBackedUp;
  }

  public void setItemsBackedUp(Integer itemsBackedUp) {
    this.itemsBackedUp = itemsBackedUp;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupProgress that = (BackupProgress) o;
    return Objects.equals(totalItems, that.totalItems)
        && Objects.equals(itemsBackedUp, that.itemsBackedUp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(totalItems, itemsBackedUp);
  }
}
