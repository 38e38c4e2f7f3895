package dev.ferry.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/**
 * The fields of a Kubernetes ObjectReference, inlined into the object that extends this class (MTC
 * inlines corev1.ObjectReference this way).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  public String getResourceVersion() {
    return resourceVersion;
  }

  public void setResourceVersion(String resourceVersion) {
    this.resourceVersion = resourceVersion;
  }

  public String getFieldPath() {
    return fieldPath;
  }

  public void setFieldPath(String fieldPath) {
    this.fieldPath = fieldPath;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    InlineObjectReference that = (InlineObjectReference) o;
    return Objects.equals(apiVersion, that.apiVersion)
        && Objects.equals(kind, that.kind)
        && Objects.equals(name, that.name)
        && Objects.equals(namespace, that.namespace)
        && Objects.equals(uid, that.uid)
        && Objects.equals(resourceVersion, that.resourceVersion)
        && Objects.equals(fieldPath, that.fieldPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, name, namespace, uid, resourceVersion, fieldPath);
  }
}
