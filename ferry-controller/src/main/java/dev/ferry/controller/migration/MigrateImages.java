package dev.ferry.controller.migration;

import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageMigrationSpec;
import dev.ferry.api.migration.images.DirectImageMigrationStatus;
import dev.ferry.controller.images.DirectImageMigrationReconciler;
import dev.ferry.controller.images.ImageMovers;
import dev.ferry.controller.images.ImageStreamLister;
import dev.ferry.controller.images.ImageStreamMigrator;
import dev.ferry.controller.images.RegistryAccess;
import dev.ferry.controller.itinerary.Phase;
import dev.ferry.controller.itinerary.PhaseResult;
import dev.ferry.controller.itinerary.Pipeline;
import dev.ferry.images.Registries;
import dev.ferry.objectstore.ObjectStore;
import dev.ferry.volumes.mover.TransferSummary;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Migrates the images of the plan's image streams: creates a DirectImageMigration for the plan's
 * namespaces and waits for it, or, for {@code indirectImageMigration} plans, copies every stream
 * through the replication repository itself. Streams already migrated are skipped on a re-run
 * (the DIM is found by name; copied images are not sent again).
 */
final class MigrateImages implements Phase<MigrationContext> {
  static final Duration POLL = Duration.ofSeconds(2);

  @Override
  public String name() {
    return "WaitForDirectImageMigrationToComplete";
  }

  @Override
  public String step() {
    return "DirectImage";
  }

  @Override
  public PhaseResult run(MigrationContext context) {
    List<ImageStreamLister.StreamName> streams = ImageStreamLister.list(context.source(),
        context.sourceNamespaces(), null);
    if (streams.isEmpty()) {
      return PhaseResult.done();
    }
    Optional<String> sourceRegistry = RegistryAccess.registryHost(context.sourceCluster());
    Optional<String> destinationRegistry = RegistryAccess.registryHost(context.destinationCluster());
    if (sourceRegistry.isEmpty() || destinationRegistry.isEmpty()) {
      String cluster = sourceRegistry.isEmpty() ? context.sourceCluster().getMetadata().getName()
          : context.destinationCluster().getMetadata().getName();
      context.warn("ImagesNotMigrated", "NoRegistryPath", "The images of " + streams.size() + " image stream(s) "
          + "were not migrated: MigCluster " + cluster + " has no exposedRegistryPath. Expose its image registry "
          + "and set exposedRegistryPath, then run another migration.");
      return PhaseResult.done();
    }
    if (Boolean.TRUE.equals(context.plan().getSpec().getIndirectImageMigration())) {
      return throughRepository(context, streams, sourceRegistry.get(), destinationRegistry.get());
    }
    return direct(context, streams.size());
  }

  private static PhaseResult direct(MigrationContext context, int streamCount) {
    String namespace = context.migration().getMetadata().getNamespace();
    String name = MigrationContext.objectName(context.migration().getMetadata().getName(), "images");
    var dims = context.host().resources(DirectImageMigration.class).inNamespace(namespace);
    DirectImageMigration dim = dims.withName(name).get();
    if (dim == null) {
      dim = new DirectImageMigration();
      dim.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
          .addToLabels(MigrationContext.MIGRATED_BY_PLAN, context.planLabel())
          .addToLabels(MigrationContext.MIGRATED_BY_MIGRATION, context.migration().getMetadata().getUid())
          .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(context.migration().getApiVersion())
              .withKind(context.migration().getKind()).withName(context.migration().getMetadata().getName())
              .withUid(context.migration().getMetadata().getUid()).build())
          .build());
      DirectImageMigrationSpec spec = new DirectImageMigrationSpec();
      spec.setSrcMigClusterRef(context.plan().getSpec().getSrcMigClusterRef());
      spec.setDestMigClusterRef(context.plan().getSpec().getDestMigClusterRef());
      List<String> entries = new ArrayList<>();
      context.namespaceMapping().forEach((src, dest) -> entries.add(src.equals(dest) ? src : src + ":" + dest));
      spec.setNamespaces(entries);
      dim.setSpec(spec);
      try {
        dims.resource(dim).create();
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) {
          throw e;
        }
      }
      return PhaseResult.requeue(POLL, "DirectImageMigration " + name + " to start (" + streamCount
          + " image streams)");
    }
    var status = dim.getStatus();
    String phase = status == null ? null : status.getPhase();
    if (DirectImageMigrationReconciler.COMPLETED.equals(phase)) {
      showBytes(context, status, "DirectImageMigration " + name + ": completed");
      return PhaseResult.done();
    }
    if (DirectImageMigrationReconciler.FAILED.equals(phase)) {
      return PhaseResult.fail("DirectImageMigration " + name + " failed: " + String.join("; ",
          status.getErrors() == null ? List.of("see its status") : status.getErrors()));
    }
    if (status != null && status.getConditions() != null) {
      // A DIM that cannot run (a MigCluster lost its registry path, a reference broke) would wait forever.
      for (var condition : status.getConditions()) {
        if ("InvalidReference".equals(condition.getType())) {
          return PhaseResult.fail("DirectImageMigration " + name + " cannot run: " + condition.getMessage());
        }
      }
    }
    int done = status == null ? 0 : size(status.getSuccessfulISs()) + size(status.getFailedISs());
    int total = status == null ? streamCount : done + size(status.getNewISs());
    String streams = done + "/" + Math.max(total, done) + " image streams migrated";
    showBytes(context, status, "DirectImageMigration " + name + ": " + streams);
    return PhaseResult.requeue(POLL, "DirectImageMigration " + name + ": " + streams);
  }

  private static PhaseResult throughRepository(MigrationContext context, List<ImageStreamLister.StreamName> streams,
      String sourceRegistry, String destinationRegistry) {
    Map<String, String> mapping = context.namespaceMapping();
    Map<String, String> labels = Map.of(MigrationContext.MIGRATED_BY_PLAN, context.planLabel(),
        MigrationContext.MIGRATED_BY_MIGRATION, context.migration().getMetadata().getUid());
    List<String> errors = new ArrayList<>();
    try (ObjectStore repository = context.openRepository();
         Registries registries = new Registries()
             .with(RegistryAccess.endpoint(context.sourceCluster(), context.source()))
             .with(RegistryAccess.endpoint(context.destinationCluster(), context.destination()))) {
      ImageStreamMigrator migrator = new ImageStreamMigrator(ImageMovers.throughRepository(registries, repository),
          sourceRegistry, destinationRegistry);
      for (ImageStreamLister.StreamName stream : streams) {
        errors.addAll(migrator.migrate(context.source(), context.destination(), stream.namespace(), stream.name(),
            mapping.get(stream.namespace()), labels).errors());
      }
    }
    return errors.isEmpty() ? PhaseResult.done()
        : PhaseResult.fail("indirect image migration failed: " + String.join("; ", errors));
  }

  /** The image blob bytes the DIM has summed from its stream migrations, with rate and ETA, in the DirectImage step. */
  private static void showBytes(MigrationContext context, DirectImageMigrationStatus status, String line) {
    var pipeline = context.migration().getStatus() == null ? null : context.migration().getStatus().getPipeline();
    if (status == null || status.getBytesTotal() == null || pipeline == null) {
      return;
    }
    long done = status.getBytesDone() == null ? 0 : status.getBytesDone();
    long total = Math.max(done, status.getBytesTotal());
    long rate = status.getBytesPerSecond() == null ? 0 : status.getBytesPerSecond();
    String eta = rate > 0 && total > done ? TransferSummary.duration(Duration.ofSeconds((total - done) / rate)) : null;
    Pipeline.progress(pipeline, "DirectImage", done, total, rate > 0 ? TransferSummary.rate(rate) : null, eta,
        List.of(line));
  }

  private static int size(List<?> list) {
    return list == null ? 0 : list.size();
  }
}
