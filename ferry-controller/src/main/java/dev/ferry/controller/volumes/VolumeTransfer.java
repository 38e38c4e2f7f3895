package dev.ferry.controller.volumes;

import dev.ferry.api.migration.volumes.PvcToMigrate;
import dev.ferry.objectstore.ObjectStore;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One claim's data transfer of a DirectVolumeMigration, with everything a launcher needs.
 *
 * @param key            unique per DirectVolumeMigration and claim; names the launcher's work
 * @param objectName     short DNS-1123 name for the transfer's pods, Jobs, Service and Secret
 * @param sourceClaim    the bound claim on the source
 * @param destinationClaim the bound claim on the destination
 * @param sourceDirectory the source volume's directory on this machine, if it is local
 * @param destinationDirectory the destination volume's directory on this machine, if it is local
 * @param repository     set for an indirect transfer (through the replication repository)
 */
public record VolumeTransfer(String key, String objectName, PvcToMigrate claim,
                             KubernetesClient source, KubernetesClient destination,
                             PersistentVolumeClaim sourceClaim, PersistentVolumeClaim destinationClaim,
                             Optional<Path> sourceDirectory, Optional<Path> destinationDirectory,
                             boolean verify, Optional<Repository> repository) {

  /**
   * The replication repository of an indirect transfer.
   *
   * @param location what to call it in messages (the MigStorage)
   * @param pods     how transfer pods reach it; throws {@link PodRepository.UnreachableException} saying why not
   */
  public record Repository(Supplier<ObjectStore> opener, String prefix, Map<String, String> tags, String location,
                           Supplier<PodRepository> pods) {
  }

  public String sourceKey() {
    return ClaimsToCopy.sourceKey(claim);
  }
}
