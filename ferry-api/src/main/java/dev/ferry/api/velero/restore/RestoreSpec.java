package dev.ferry.api.velero.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.ferry.api.velero.UnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.TypedLocalObjectReference;
import java.util.List;
import java.util.Map;
import lombok.Data;
import lombok.EqualsAndHashCode;

/**
 * Desired state of a Restore: which backup to restore, and which of its objects. Every field of
 * Velero 1.18's RestoreSpec.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
@EqualsAndHashCode(callSuper = true)
public class RestoreSpec extends UnknownFields {

  @JsonPropertyDescription("Name of the Backup to restore.")
  private String backupName;

  @JsonPropertyDescription("Name of a Schedule whose most recent backup is restored (when backupName is empty).")
  private String scheduleName;

  @JsonPropertyDescription("Namespaces to include; all namespaces when unset or empty (* also means all).")
  @Nullable
  private List<String> includedNamespaces;

  @JsonPropertyDescription("Namespaces to exclude.")
  @Nullable
  private List<String> excludedNamespaces;

  @JsonPropertyDescription("Resources to include, as plural or plural.group names (e.g. deployments.apps); all "
      + "when unset or empty.")
  @Nullable
  private List<String> includedResources;

  @JsonPropertyDescription("Resources to exclude, as plural or plural.group names.")
  @Nullable
  private List<String> excludedResources;

  @JsonPropertyDescription("Namespaces restored under another name: source name to destination name.")
  @Nullable
  private Map<String, String> namespaceMapping;

  @JsonPropertyDescription("Only objects whose labels match are restored.")
  @Nullable
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Objects matching any of these selectors are restored (not combined with "
      + "labelSelector).")
  @Nullable
  private List<LabelSelector> orLabelSelectors;

  @JsonPropertyDescription("Whether persistent volumes are restored from their snapshots or file-system backups.")
  @Nullable
  private Boolean restorePVs;

  @JsonPropertyDescription("Resources whose status is restored too.")
  @Nullable
  private RestoreStatusSpec restoreStatus;

  @JsonPropertyDescription("Whether services keep their node ports.")
  @Nullable
  private Boolean preserveNodePorts;

  @JsonPropertyDescription("Whether cluster-scoped resources are included; when unset, only those related to the "
      + "included namespaced resources are (e.g. the persistent volumes of included claims).")
  @Nullable
  private Boolean includeClusterResources;

  @JsonPropertyDescription("Commands run in restored pods (init containers or exec hooks).")
  private RestoreHooks hooks;

  @JsonPropertyDescription("What happens to an object that already exists and differs: none (kept, with a "
      + "warning) or update.")
  @Nullable
  @SchemaFrom(type = String.class) // Velero's schema is a plain string; an enum here would narrow it
  private ExistingResourcePolicy existingResourcePolicy;

  @JsonPropertyDescription("How long to wait for asynchronous restore item operations, e.g. 4h.")
  private String itemOperationTimeout;

  @JsonPropertyDescription("A ConfigMap (kind and name) of resource modifier rules applied while restoring.")
  @Nullable
  private TypedLocalObjectReference resourceModifier;

  @JsonPropertyDescription("Settings of the file-system uploader.")
  @Nullable
  private UploaderConfigForRestore uploaderConfig;

  @JsonPropertyDescription("A ConfigMap (kind and name) of volume policies for the restore.")
  @Nullable
  private TypedLocalObjectReference resourcePolicy;
}
