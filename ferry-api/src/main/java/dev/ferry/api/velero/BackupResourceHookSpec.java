package dev.ferry.api.velero;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Objects;

/** Hooks that run in the pods a Backup selects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupResourceHookSpec {

  @JsonPropertyDescription("Name of the hook, used in logs.")
  private String name;

  @JsonPropertyDescription("Namespaces whose pods get the hook; all when unset.")
  @Nullable
  private List<String> includedNamespaces;

  @JsonPropertyDescription("Namespaces whose pods do not get the hook.")
  @Nullable
  private List<String> excludedNamespaces;

  @JsonPropertyDescription("Resources the hook applies to; all when unset.")
  @Nullable
  private List<String> includedResources;

  @JsonPropertyDescription("Resources the hook does not apply to.")
  @Nullable
  private List<String> excludedResources;

  @JsonPropertyDescription("Only pods whose labels match get the hook.")
  @Nullable
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Hooks run before the pod's items are backed up.")
  private List<BackupResourceHook> pre;

  @JsonPropertyDescription("Hooks run after the pod's items are backed up.")
  private List<BackupResourceHook> post;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getIncludedNamespaces() {
    return includedNamespaces;
  }

  public void setIncludedNamespaces(List<String> includedNamespaces) {
    this.includedNamespaces = includedNamespaces;
  }

  public List<String> getExcludedNamespaces() {
    return excludedNamespaces;
  }

  public void setExcludedNamespaces(List<String> excludedNamespaces) {
    this.excludedNamespaces = excludedNamespaces;
  }

  public List<String> getIncludedResources() {
    return includedResources;
  }

  public void setIncludedResources(List<String> includedResources) {
    this.includedResources = includedResources;
  }

  public List<String> getExcludedResources() {
    return excludedResources;
  }

  public void setExcludedResources(List<String> excludedResources) {
    this.excludedResources = excludedResources;
  }

  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }

  public List<BackupResourceHook> getPre() {
    return pre;
  }

  public void setPre(List<BackupResourceHook> pre) {
    this.pre = pre;
  }

  public List<BackupResourceHook> getPost() {
    return post;
  }

  public void setPost(List<BackupResourceHook> post) {
    this.post = post;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupResourceHookSpec that = (BackupResourceHookSpec) o;
    return Objects.equals(name, that.name)
        && Objects.equals(includedNamespaces, that.includedNamespaces)
        && Objects.equals(excludedNamespaces, that.excludedNamespaces)
        && Objects.equals(includedResources, that.includedResources)
        && Objects.equals(excludedResources, that.excludedResources)
        && Objects.equals(labelSelector, that.labelSelector)
        && Objects.equals(pre, that.pre)
        && Objects.equals(post, that.post);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, includedNamespaces, excludedNamespaces, includedResources, excludedResources,
        labelSelector, pre, post);
  }
}
