package dev.ferry.api.migration.hook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import lombok.Data;

/** Desired state of a MigHook: custom code run at a phase of a migration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
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
}
