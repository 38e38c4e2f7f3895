package dev.ferry.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.migration.storage.MigStorage;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.List;
import java.util.Objects;

/** The Replication repositories page: MigStorages and their credential Secrets. */
record StorageRoutes(FerryObjects objects, FormSecrets secrets, ObjectMapper json) {

  List<Route> routes() {
    return objects.formRoutes("storages", MigStorage.class, form -> {
      var created = ConsoleManifests.storage(form, objects.namespace());
      return secrets.createWith(created.storage(), created.credentials(), ConsoleManifests::useSecret);
    }, this::edit);
  }

  /**
   * Edit of a repository: the form's provider and fields replace the spec's; credentials given
   * are written into the Secret the repository references, credentials left empty keep theirs.
   */
  private Object edit(String name, ObjectNode form) {
    MigStorage storage = objects.get(MigStorage.class, name);
    ConsoleManifests.StorageObjects edited = ConsoleManifests.storage(form, objects.namespace(), false);
    ObjectReference credentials = storage.getSpec().getBackupStorageConfig() == null ? null
        : storage.getSpec().getBackupStorageConfig().getCredsSecretRef();
    var config = edited.storage().getSpec().getBackupStorageConfig();
    if (Objects.equals(storage.getSpec().getBackupStorageProvider(), edited.storage().getSpec().getBackupStorageProvider())
        && storage.getSpec().getBackupStorageConfig() != null) {
      // Same provider: the form's fields change, settings the form does not show (KMS key,
      // signature version, public URL…) stay as the user wrote them.
      ObjectNode merged = json.valueToTree(storage.getSpec().getBackupStorageConfig());
      ObjectNode given = json.valueToTree(config);
      StorageProviders.find(form.path("provider").asText()).config().forEach(f -> merged.remove(f.key()));
      merged.setAll(given);
      config = json.convertValue(merged, config.getClass());
    }
    storage.getSpec().setBackupStorageProvider(edited.storage().getSpec().getBackupStorageProvider());
    storage.getSpec().setBackupStorageConfig(config);
    if (edited.credentials() != null) {
      credentials = secrets.write(credentials, edited.credentials());
    }
    storage.getSpec().getBackupStorageConfig().setCredsSecretRef(credentials);
    return objects.update(storage);
  }
}
