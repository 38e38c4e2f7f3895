package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Location of an NFS volume. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NfsVolume {

  @JsonPropertyDescription("Host name or IP address of the NFS server.")
  private String server;

  @JsonPropertyDescription("Path exported by the NFS server.")
  private String path;

  public String getServer() {
    return server;
  }

  public void setServer(String server) {
    this.server = server;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    NfsVolume that = (NfsVolume) o;
    return Objects.equals(server, that.server)
        && Objects.equals(path, that.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(server, path);
  }
}
