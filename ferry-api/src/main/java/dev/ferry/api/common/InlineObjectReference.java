package dev.ferry.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/**
 * The fields of a Kubernetes ObjectReference, inlined into the object that extends this class (MTC
 * inlines corev1.ObjectReference this way).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
public class InlineObjectReference {

  @JsonPropertyDescription("API version of the referent.")
  private String apiVersion;

  @JsonPropertyDescription("Kind of the referent.")
  private String kind;

  @JsonPropertyDescription("Name of the referent.")
  private String name;

  @JsonPropertyDescription("Namespace of the referent.")
  private String namespace;

  @JsonPropertyDescription("UID of the referent.")
  private String uid;

  @JsonPropertyDescription("Specific resourceVersion of the referent.")
  private String resourceVersion;

  @JsonPropertyDescription("Field of the referent this reference points at, if any.")
  private String fieldPath;

  /** The inlined fields as an ObjectReference. */
  public ObjectReference toObjectReference() {
    return new ObjectReference(apiVersion, fieldPath, kind, name, namespace, resourceVersion, uid);
  }

  /** Copies the fields of the given reference into this object. */
  public void copyFrom(ObjectReference ref) {
    apiVersion = ref.getApiVersion();
    kind = ref.getKind();
    name = ref.getName();
    namespace = ref.getNamespace();
    uid = ref.getUid();
    resourceVersion = ref.getResourceVersion();
    fieldPath = ref.getFieldPath();
  }
}
