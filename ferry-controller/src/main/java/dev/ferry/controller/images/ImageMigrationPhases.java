package dev.ferry.controller.images;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigrationSpec;
import dev.ferry.api.migration.images.ImageStreamListItem;
import dev.ferry.controller.images.ImageStreamLister.StreamName;
import dev.ferry.controller.itinerary.Itinerary;
import dev.ferry.controller.itinerary.ItineraryTable;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of DirectImageMigration in one table. Stored names are MTC's:
 *
 * <pre>
 * itinerary       phases (stored name)
 * ImageMigration  WaitForDirectImageStreamMigrationsToComplete
 * terminal        Completed, Failed
 * </pre>
 */
final class ImageMigrationPhases {
  static final String ITINERARY = "ImageMigration";
  static final String COMPLETED = "Completed";
  static final String FAILED = "Failed";
  static final String DIM_LABEL = "migration.openshift.io/directimagemigration";

  static final Itinerary<ImageMigrationContext> IMAGE_MIGRATION = Itinerary.of(ITINERARY,
      new WaitForStreamMigrations());

  static final ItineraryTable<ImageMigrationContext> TABLE = new ItineraryTable<>("DirectImageMigration",
      Set.of(COMPLETED, FAILED), IMAGE_MIGRATION);

  private ImageMigrationPhases() {
  }

  /**
   * One DirectImageStreamMigration per stream (owned by the DIM, named deterministically, so a
   * restart creates nothing twice); waits for them and reports each stream as new, successful
   * or failed.
   */
  static final class WaitForStreamMigrations implements Phase<ImageMigrationContext> {
    private static final Duration POLL = Duration.ofSeconds(2);

    @Override
    public String name() {
      return "WaitForDirectImageStreamMigrationsToComplete";
    }

    @Override
    public String step() {
      return "DirectImage";
    }

    @Override
    public PhaseResult run(ImageMigrationContext context) {
      DirectImageMigration dim = context.dim();
      ImageStreamTally tally = new ImageStreamTally();
      long bytesDone = 0;
      long bytesTotal = 0;
      long rate = 0;
      for (StreamName stream : context.streams()) {
        String destNamespace = context.mapping().get(stream.namespace());
        DirectImageStreamMigration dism = ensureStreamMigration(context.host(), dim, stream, destNamespace);
        ImageStreamListItem item = new ImageStreamListItem();
        item.setName(stream.name());
        item.setNamespace(stream.namespace());
        item.setDestNamespace(destNamespace);
        item.setDirectMigration(new ObjectReferenceBuilder().withName(dism.getMetadata().getName())
            .withNamespace(dim.getMetadata().getNamespace()).build());
        tally.add(item, dism.getStatus() == null ? null : dism.getStatus().getPhase(),
            dism.getStatus() == null ? null : dism.getStatus().getErrors());
        var streamStatus = dism.getStatus();
        if (streamStatus != null && streamStatus.getBytesTotal() != null) {
          bytesDone += streamStatus.getBytesDone() == null ? 0 : streamStatus.getBytesDone();
          bytesTotal += streamStatus.getBytesTotal();
          if (!DirectImageStreamMigrationReconciler.COMPLETED.equals(streamStatus.getPhase())
              && !DirectImageStreamMigrationReconciler.FAILED.equals(streamStatus.getPhase())
              && streamStatus.getBytesPerSecond() != null) {
            rate += streamStatus.getBytesPerSecond();
          }
        }
      }
      tally.publish(dim.getStatus());
      // What moves, summed over the streams (Ferry's fields): the migration's DirectImage step shows it.
      dim.getStatus().setBytesDone(bytesDone);
      dim.getStatus().setBytesTotal(bytesTotal);
      dim.getStatus().setBytesPerSecond(rate);
      var conditions = dim.getStatus().conditions(context.clock());
      if (tally.running()) {
        conditions.set(Condition.of("Running", Category.ADVISORY, "ImageStreams",
            tally.finished() + "/" + tally.total() + " image streams migrated"));
        return PhaseResult.requeue(POLL, "the image stream migrations");
      }
      if (tally.anyFailed()) {
        dim.getStatus().setErrors(tally.errors());
        return PhaseResult.fail(tally.failureMessage());
      }
      return PhaseResult.done();
    }
  }

  /** The stream's DISM, created if missing. */
  static DirectImageStreamMigration ensureStreamMigration(KubernetesClient host, DirectImageMigration dim,
      StreamName stream, String destNamespace) {
    String namespace = dim.getMetadata().getNamespace();
    String name = streamMigrationName(dim.getMetadata().getName(), stream);
    var op = host.resources(DirectImageStreamMigration.class).inNamespace(namespace);
    DirectImageStreamMigration existing = op.withName(name).get();
    if (existing != null) {
      return existing;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (dim.getMetadata().getLabels() != null) {
      DirectImageStreamMigrationReconciler.PROPAGATED_LABELS.forEach(l -> {
        if (dim.getMetadata().getLabels().containsKey(l)) {
          labels.put(l, dim.getMetadata().getLabels().get(l));
        }
      });
    }
    labels.put(DIM_LABEL, dim.getMetadata().getUid());
    DirectImageStreamMigration dism = new DirectImageStreamMigration();
    dism.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(labels)
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(dim.getApiVersion()).withKind(dim.getKind())
            .withName(dim.getMetadata().getName()).withUid(dim.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .build());
    DirectImageStreamMigrationSpec spec = new DirectImageStreamMigrationSpec();
    spec.setSrcMigClusterRef(dim.getSpec().getSrcMigClusterRef());
    spec.setDestMigClusterRef(dim.getSpec().getDestMigClusterRef());
    spec.setImageStreamRef(new ObjectReferenceBuilder().withName(stream.name()).withNamespace(stream.namespace())
        .build());
    spec.setDestNamespace(destNamespace);
    dism.setSpec(spec);
    try {
      return op.resource(dism).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return op.withName(name).get();
      }
      throw e;
    }
  }

  /** {@code <dim>-<8 hex of ns/name>}: stable, unique per stream, a valid object name. */
  static String streamMigrationName(String dimName, StreamName stream) {
    String hash;
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest((stream.namespace() + "/" + stream.name()).getBytes(StandardCharsets.UTF_8));
      hash = java.util.HexFormat.of().formatHex(d).substring(0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    String base = dimName.length() > 54 ? dimName.substring(0, 54) : dimName;
    return base + "-" + hash;
  }
}
