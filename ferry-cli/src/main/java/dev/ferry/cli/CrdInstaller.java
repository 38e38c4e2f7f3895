package dev.ferry.cli;

import dev.ferry.api.SchemaCoverage;
import dev.ferry.api.velero.VeleroApi;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies CRDs with server-side apply and waits until the API server serves them.
 *
 * <p>A velero.io CRD that is already installed and is not Ferry's alone (Velero's installer or
 * another tool wrote it), or whose schema has a field Ferry's lacks, is left as it is: it belongs
 * to the Velero installation, and replacing it with a narrower schema would prune what Velero
 * stores. Ferry works with Velero's CRDs (they have the fields Ferry uses and no status
 * subresource, like Ferry's). {@link #left()} says which CRDs were left and why.
 */
public final class CrdInstaller {
  static final String FIELD_MANAGER = "ferry";
  private final KubernetesClient client;
  private final List<String> left = new ArrayList<>();

  public CrdInstaller(KubernetesClient client) {
    this.client = client;
  }

  /** Installs or updates {@code crds}; returns every CRD now in place (applied or left), each established. */
  public List<CustomResourceDefinition> install(List<CustomResourceDefinition> crds, int timeoutSeconds) {
    List<CustomResourceDefinition> inPlace = new ArrayList<>();
    for (CustomResourceDefinition crd : crds) {
      CustomResourceDefinition existing = VeleroApi.GROUP.equals(crd.getSpec().getGroup())
          ? client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).get()
          : null;
      String reason = existing == null ? null : reasonToLeave(existing, crd);
      if (reason != null) {
        left.add(crd.getMetadata().getName() + ": left as installed (" + reason + ")");
        inPlace.add(existing);
        continue;
      }
      inPlace.add(client.apiextensions().v1().customResourceDefinitions().resource(crd)
          .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
    }
    for (CustomResourceDefinition crd : inPlace) {
      try {
        client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
            .waitUntilCondition(CrdInstaller::established, timeoutSeconds, TimeUnit.SECONDS);
      } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
        throw new UserError("CRD " + crd.getMetadata().getName() + " was applied but not established within "
            + timeoutSeconds + "s; check 'kubectl describe crd " + crd.getMetadata().getName() + "'");
      }
    }
    return inPlace;
  }

  /** The CRDs left as installed, each with the reason. */
  List<String> left() {
    return List.copyOf(left);
  }

  /** Why an installed velero.io CRD must not be replaced by Ferry's, or null when it may be. */
  static String reasonToLeave(CustomResourceDefinition installed, CustomResourceDefinition ferrys) {
    List<String> managers = installed.getMetadata().getManagedFields() == null ? List.of()
        : installed.getMetadata().getManagedFields().stream()
            .filter(m -> m.getSubresource() == null || m.getSubresource().isEmpty())
            .map(ManagedFieldsEntry::getManager).distinct().toList();
    List<String> foreign = managers.stream().filter(m -> !FIELD_MANAGER.equals(m)).toList();
    if (!foreign.isEmpty() || managers.isEmpty()) {
      return "installed by " + (foreign.isEmpty() ? "another tool" : String.join(", ", foreign))
          + ", e.g. Velero; Ferry works with it";
    }
    List<String> gaps = SchemaCoverage.gaps(installed, ferrys);
    if (!gaps.isEmpty()) {
      return "its schema has what Ferry's lacks: " + String.join("; ", gaps.subList(0, Math.min(3, gaps.size())))
          + (gaps.size() > 3 ? " …" : "");
    }
    return null;
  }

  public static boolean established(CustomResourceDefinition crd) {
    return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
