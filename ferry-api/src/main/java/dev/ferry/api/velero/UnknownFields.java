package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.EqualsAndHashCode;

/**
 * Keeps the fields of a velero.io object that this Ferry version does not model. Velero's CRDs
 * have no status subresource, so Ferry writes a Backup's status by updating the whole object:
 * without this, a field a newer Velero added would be dropped by every status write.
 */
@EqualsAndHashCode
public abstract class UnknownFields {

  @JsonIgnore
  private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

  /** The fields read that this class does not model, by name. */
  @JsonAnyGetter
  @JsonIgnore // not a field of the schema (fabric8's CRD generator would list it as one)
  public Map<String, Object> getAdditionalProperties() {
    return additionalProperties;
  }

  @JsonAnySetter
  public void setAdditionalProperty(String name, Object value) {
    additionalProperties.put(name, value);
  }
}
