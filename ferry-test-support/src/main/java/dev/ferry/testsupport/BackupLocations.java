package dev.ferry.testsupport;

import dev.ferry.api.velero.location.BackupStorageLocation;
import dev.ferry.api.velero.location.BackupStorageLocationPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Velero BackupStorageLocations in the controller's namespace, as a user declares them: on a
 * local directory (Ferry's filesystem provider) or on an S3 bucket (the testbed's S3 server,
 * Velero's AWS provider settings).
 */
public final class BackupLocations {
  private BackupLocations() {
  }

  /**
   * A filesystem location {@code name} on {@code directory}; {@code specExtra}: more lines of its
   * spec, not indented (e.g. {@code default: true}), may be empty.
   */
  public static BackupStorageLocation filesystem(KubernetesClient client, String name, Path directory,
                                                 String specExtra) {
    return client.resource(location(name, "provider: filesystem\nobjectStorage: {bucket: " + directory + "}\n"
        + specExtra)).create();
  }

  /**
   * An S3 location {@code name} on {@code bucket} at {@code endpoint} (path style, us-east-1), with
   * the credentials file under key {@code cloud} of the Secret {@code credentialSecret}. Applied
   * (server-side), so a test may declare it again.
   */
  public static BackupStorageLocation s3(KubernetesClient client, String name, String bucket, String endpoint,
                                         String credentialSecret, String specExtra) {
    String spec = """
        provider: aws
        objectStorage: {bucket: %s}
        credential: {name: %s, key: cloud}
        config: {region: us-east-1, s3Url: "%s", s3ForcePathStyle: "true"}
        """.formatted(bucket, credentialSecret, endpoint);
    return client.resource(location(name, spec + specExtra)).fieldManager("ferry-test").serverSideApply();
  }

  /** Waits until the controller found the location Available (it probes it). */
  public static BackupStorageLocation awaitAvailable(KubernetesClient client, String name) {
    return client.resources(BackupStorageLocation.class).inNamespace(PlanFixture.NS).withName(name)
        .waitUntilCondition(l -> l != null && l.getStatus() != null
            && l.getStatus().getPhase() == BackupStorageLocationPhase.AVAILABLE, 60, TimeUnit.SECONDS);
  }

  private static BackupStorageLocation location(String name, String spec) {
    return Serialization.unmarshal("""
        apiVersion: velero.io/v1
        kind: BackupStorageLocation
        metadata: {name: %s, namespace: %s}
        spec:
        %s""".formatted(name, PlanFixture.NS, spec.indent(2)), BackupStorageLocation.class);
  }
}
