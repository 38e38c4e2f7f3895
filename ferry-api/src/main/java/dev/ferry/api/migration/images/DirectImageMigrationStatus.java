package dev.ferry.api.migration.images;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.common.ConditionedStatus;
import java.util.List;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Observed state of a DirectImageMigration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
@ToString(callSuper = true)
public class DirectImageMigrationStatus extends ConditionedStatus {

  @JsonPropertyDescription("Digest of the spec the controller last reconciled.")
  private String observedDigest;

  @JsonPropertyDescription("When the migration started (RFC 3339).")
  private String startTimestamp;

  @JsonPropertyDescription("Current phase of the itinerary.")
  private String phase;

  @JsonPropertyDescription("Itinerary (sequence of phases) being followed.")
  private String itinerary;

  @JsonPropertyDescription("Errors that failed the migration.")
  private List<String> errors;

  @JsonPropertyDescription("Image streams waiting to be migrated.")
  private List<ImageStreamListItem> newISs;

  @JsonPropertyDescription("Image streams migrated successfully.")
  private List<ImageStreamListItem> successfulISs;

  @JsonPropertyDescription("Image streams deleted from the destination cluster.")
  private List<ImageStreamListItem> deletedISs;

  @JsonPropertyDescription("Image streams whose migration failed.")
  private List<ImageStreamListItem> failedISs;

  @JsonPropertyDescription("Ferry: image bytes accounted for so far: blobs sent or already on the destination.")
  private Long bytesDone;

  @JsonPropertyDescription("Ferry: bytes of the blobs to account for (grows as manifests are read).")
  private Long bytesTotal;

  @JsonPropertyDescription("Ferry: average rate of the running copy, bytes per second.")
  private Long bytesPerSecond;
}
