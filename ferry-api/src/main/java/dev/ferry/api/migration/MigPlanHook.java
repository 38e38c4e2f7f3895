package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** A MigHook attached to a plan, with the phase it runs in. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MigPlanHook {

  @JsonPropertyDescription("Namespace in which the hook's job runs.")
  private String executionNamespace;

  @JsonPropertyDescription("Migration phase in which the hook runs: PreBackup, PostBackup, PreRestore or "
      + "PostRestore. A phase can have one hook.")
  private HookPhase phase;

  @JsonPropertyDescription("Reference (name and namespace) to the MigHook.")
  private ObjectReference reference;

  @JsonPropertyDescription("Service account the hook's job runs as, e.g. one with cluster-admin permissions.")
  private String serviceAccount;

  public String getExecutionNamespace() {
    return executionNamespace;
  }

  public void setExecutionNamespace(String executionNamespace) {
    this.executionNamespace = executionNamespace;
  }

  public HookPhase getPhase() {
    return phase;
  }

  public void setPhase(HookPhase phase) {
    this.phase = phase;
  }

  public ObjectReference getReference() {
    return reference;
  }

  public void setReference(ObjectReference reference) {
    this.reference = reference;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MigPlanHook that = (MigPlanHook) o;
    return Objects.equals(executionNamespace, that.executionNamespace)
        && Objects.equals(phase, that.phase)
        && Objects.equals(reference, that.reference)
        && Objects.equals(serviceAccount, that.serviceAccount);
  }

  @Override
  public int hashCode() {
    return Objects.hash(executionNamespace, phase, reference, serviceAccount);
  }
}
