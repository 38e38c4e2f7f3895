package dev.ferry.api.velero.location;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import lombok.Data;
import lombok.EqualsAndHashCode;

/** Where in object storage the backups are. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class ObjectStorageLocation extends UnknownFields {

  @JsonPropertyDescription("Bucket (or, for the filesystem provider, directory name) holding the backups.")
  @Required
  private String bucket;

  @JsonPropertyDescription("Path inside the bucket under which backups are stored.")
  private String prefix;

  @JsonPropertyDescription("Base64-encoded PEM bundle of CA certificates that verifies the storage endpoint.")
  private String caCert;

  @JsonPropertyDescription("Key of a Secret holding the CA bundle, instead of caCert.")
  private SecretKeySelector caCertRef;
}
