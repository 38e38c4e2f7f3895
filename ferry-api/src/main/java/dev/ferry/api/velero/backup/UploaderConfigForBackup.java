package dev.ferry.api.velero.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Settings of the file-system uploader of a Backup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class UploaderConfigForBackup extends UnknownFields {

  @JsonPropertyDescription("Number of files uploaded in parallel.")
  private Integer parallelFilesUpload;
}
