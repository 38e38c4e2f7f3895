package dev.ferry.api.migration.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;

/** Location of an NFS volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class NfsVolume {

  @JsonPropertyDescription("Host name or IP address of the NFS server.")
  private String server;

  @JsonPropertyDescription("Path exported by the NFS server.")
  private String path;
}
