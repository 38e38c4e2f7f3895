package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Nullable;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Settings of the file-system uploader of a Restore. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class UploaderConfigForRestore extends UnknownFields {

  @JsonPropertyDescription("Whether files are written sparse.")
  @Nullable
  private Boolean writeSparseFiles;

  @JsonPropertyDescription("Number of files downloaded in parallel.")
  private Integer parallelFilesDownload;
}
