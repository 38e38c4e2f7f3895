package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/** Desired state of a MigHook: custom code run at a phase of a migration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigHookSpec {

  @JsonPropertyDescription("Optional: maximum number of seconds the hook may run. Default 1800.")
  @Default("1800")
  private Long activeDeadlineSeconds;

  @JsonPropertyDescription("If true, the hook is a custom image, which may contain Ansible or be written in any "
      + "other language; if false, the default hook runner runs the playbook.")
  private Boolean custom;

  @JsonPropertyDescription("Image of the hook, e.g. quay.io/konveyor/hook-runner:latest. Required if custom is "
      + "true.")
  private String image;

  @JsonPropertyDescription("Base64-encoded Ansible playbook. Required if custom is false.")
  private String playbook;

  @JsonPropertyDescription("Cluster on which the hook runs: source or destination.")
  private TargetCluster targetCluster;

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }

  public Boolean getCustom() {
    return custom;
  }

  public void setCustom(Boolean custom) {
    this.custom = custom;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getPlaybook() {
    return playbook;
  }

  public void setPlaybook(String playbook) {
    this.playbook = playbook;
  }

  public TargetCluster getTargetCluster() {
    return targetCluster;
  }

  public void setTargetCluster(TargetCluster targetCluster) {
    this.targetCluster = targetCluster;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MigHookSpec that = (MigHookSpec) o;
    return Objects.equals(activeDeadlineSeconds, that.activeDeadlineSeconds)
        && Objects.equals(custom, that.custom)
        && Objects.equals(image, that.image)
        && Objects.equals(playbook, that.playbook)
        && Objects.equals(targetCluster, that.targetCluster);
  }

  @Override
  public int hashCode() {
    return Objects.hash(activeDeadlineSeconds, custom, image, playbook, targetCluster);
  }
}
