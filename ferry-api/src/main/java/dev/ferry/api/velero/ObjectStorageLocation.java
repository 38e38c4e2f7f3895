package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Where in object storage the backups are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObjectStorageLocation {

  @JsonPropertyDescription("Bucket (or, for the filesystem provider, directory name) holding the backups.")
  @Required
  private String bucket;

  @JsonPropertyDescription("Path inside the bucket under which backups are stored.")
  private String prefix;

  @JsonPropertyDescription("Base64-encoded PEM bundle of CA certificates that verifies the storage endpoint.")
  private String caCert;

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getPrefix() {
    return prefix;
  }

  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  public String getCaCert() {
    return caCert;
  }

  public void setCaCert(String caCert) {
    this.caCert = caCert;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ObjectStorageLocation that = (ObjectStorageLocation) o;
    return Objects.equals(bucket, that.bucket)
        && Objects.equals(prefix, that.prefix)
        && Objects.equals(caCert, that.caCert);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, prefix, caCert);
  }
}
