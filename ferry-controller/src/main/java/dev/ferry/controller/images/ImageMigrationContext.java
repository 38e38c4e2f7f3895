package dev.ferry.controller.images;

import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.controller.images.ImageStreamLister.StreamName;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A resolved DirectImageMigration: the host client, the namespace mapping and the source's image
 * streams, listed once per reconcile by the reconciler.
 */
record ImageMigrationContext(DirectImageMigration dim, KubernetesClient host, Map<String, String> mapping,
                             List<StreamName> streams, Clock clock) {
}
