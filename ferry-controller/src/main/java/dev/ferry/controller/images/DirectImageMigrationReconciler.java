package dev.ferry.controller.images;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Times;
import dev.ferry.api.migration.DirectImageMigration;
import dev.ferry.api.migration.DirectImageMigrationSpec;
import dev.ferry.api.migration.DirectImageMigrationStatus;
import dev.ferry.api.migration.DirectImageStreamMigration;
import dev.ferry.api.migration.DirectImageStreamMigrationSpec;
import dev.ferry.api.migration.ImageStreamListItem;
import dev.ferry.api.migration.MigCluster;
import dev.ferry.controller.cluster.ClusterAccessException;
import dev.ferry.controller.cluster.ClusterClients;
import dev.ferry.controller.images.ImageStreamLister.StreamName;
import dev.ferry.controller.images.MigClusters.InvalidImageMigrationException;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the image streams of the namespaces and creates one DirectImageStreamMigration per stream
 * (owned by the DIM, named deterministically, so a restart creates nothing twice), then waits for
 * them and reports each stream as new, successful or failed.
 */
@ControllerConfiguration(name = "directimagemigration")
public class DirectImageMigrationReconciler implements Reconciler<DirectImageMigration> {
  public static final String COMPLETED = "Completed";
  public static final String FAILED = "Failed";
  static final String DIM_LABEL = "migration.openshift.io/directimagemigration";
  private static final Logger LOG = LoggerFactory.getLogger(DirectImageMigrationReconciler.class);

  private final ClusterClients clusters;
  private final Clock clock;

  public DirectImageMigrationReconciler(ClusterClients clusters, Clock clock) {
    this.clusters = clusters;
    this.clock = clock;
  }

  @Override
  public UpdateControl<DirectImageMigration> reconcile(DirectImageMigration dim, Context<DirectImageMigration> context) {
    DirectImageMigrationStatus status = dim.getStatus() == null ? new DirectImageMigrationStatus() : dim.getStatus();
    dim.setStatus(status);
    if (COMPLETED.equals(status.getPhase()) || FAILED.equals(status.getPhase())) {
      return UpdateControl.noUpdate();
    }
    if (status.getStartTimestamp() == null) {
      status.setStartTimestamp(Times.now(clock));
    }
    status.setItinerary("ImageMigration");
    KubernetesClient host = context.getClient();
    DirectImageMigrationSpec spec = dim.getSpec();
    String namespace = dim.getMetadata().getNamespace();
    List<StreamName> streams;
    Map<String, String> mapping = NamespaceEntries.mapping(spec == null ? null : spec.getNamespaces());
    try {
      if (spec == null || mapping.isEmpty()) {
        throw new InvalidImageMigrationException("spec.namespaces must list the namespaces whose image streams "
            + "are migrated (src or src:dest)");
      }
      MigCluster source = MigClusters.get(host, spec.getSrcMigClusterRef(), namespace, "srcMigClusterRef");
      MigClusters.get(host, spec.getDestMigClusterRef(), namespace, "destMigClusterRef");
      streams = ImageStreamLister.list(clusters.forCluster(source), mapping.keySet(), spec.getLabelSelector());
      status.conditions(clock).clear("InvalidReference", "ClusterUnreachable");
    } catch (InvalidImageMigrationException | ClusterAccessException e) {
      status.conditions(clock).set(Condition.of("InvalidReference", Category.CRITICAL, "NotFound", e.getMessage()));
      return patch(dim).rescheduleAfter(Duration.ofSeconds(15));
    } catch (KubernetesClientException e) {
      status.conditions(clock).set(Condition.of("ClusterUnreachable", Category.WARN, "ApiError",
          "Listing the image streams of the source namespaces failed: " + e.getMessage()));
      return patch(dim).rescheduleAfter(Duration.ofSeconds(15));
    }

    status.setPhase("WaitForDirectImageStreamMigrationsToComplete");
    List<ImageStreamListItem> pending = new ArrayList<>();
    List<ImageStreamListItem> succeeded = new ArrayList<>();
    List<ImageStreamListItem> failed = new ArrayList<>();
    for (StreamName stream : streams) {
      String destNamespace = mapping.get(stream.namespace());
      DirectImageStreamMigration dism = ensureStreamMigration(host, dim, stream, destNamespace);
      ImageStreamListItem item = new ImageStreamListItem();
      item.setName(stream.name());
      item.setNamespace(stream.namespace());
      item.setDestNamespace(destNamespace);
      item.setDirectMigration(new ObjectReferenceBuilder().withName(dism.getMetadata().getName())
          .withNamespace(namespace).build());
      String phase = dism.getStatus() == null ? null : dism.getStatus().getPhase();
      if (DirectImageStreamMigrationReconciler.COMPLETED.equals(phase)) {
        succeeded.add(item);
      } else if (DirectImageStreamMigrationReconciler.FAILED.equals(phase)) {
        item.setErrors(dism.getStatus().getErrors());
        if (dism.getStatus().getErrors() != null && dism.getStatus().getErrors().stream()
            .anyMatch(e -> e.contains("does not exist on the source cluster"))) {
          item.setNotFound(true);
        }
        failed.add(item);
      } else {
        pending.add(item);
      }
    }
    status.setNewISs(pending.isEmpty() ? null : pending);
    status.setSuccessfulISs(succeeded.isEmpty() ? null : succeeded);
    status.setFailedISs(failed.isEmpty() ? null : failed);
    if (!pending.isEmpty()) {
      status.conditions(clock).set(Condition.of("Running", Category.ADVISORY, "ImageStreams",
          (succeeded.size() + failed.size()) + "/" + streams.size() + " image streams migrated"));
      return patch(dim).rescheduleAfter(Duration.ofSeconds(2));
    }
    status.conditions(clock).clear("Running");
    if (failed.isEmpty()) {
      status.setPhase(COMPLETED);
      status.conditions(clock).set(Condition.of("Succeeded", Category.ADVISORY, "Completed",
          "All " + streams.size() + " image stream(s) were migrated.").markDurable());
      status.conditions(clock).setReady(true, "The direct image migration has completed.");
    } else {
      status.setPhase(FAILED);
      List<String> errors = new ArrayList<>();
      failed.forEach(f -> errors.addAll(f.getErrors() == null ? List.of(f.getNamespace() + "/" + f.getName()
          + " failed") : f.getErrors()));
      status.setErrors(errors);
      status.conditions(clock).set(Condition.of("Failed", Category.CRITICAL, "ImageStreamsFailed",
          failed.size() + " of " + streams.size() + " image stream(s) failed to migrate. See: failedISs. "
              + errors.get(0)).markDurable());
    }
    LOG.info("DirectImageMigration {}/{}: {} ({} streams, {} failed)", namespace, dim.getMetadata().getName(),
        status.getPhase(), streams.size(), failed.size());
    return patch(dim);
  }

  /** The stream's DISM, created if missing. */
  private static DirectImageStreamMigration ensureStreamMigration(KubernetesClient host, DirectImageMigration dim,
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
    ObjectReference ref = new ObjectReferenceBuilder().withName(stream.name()).withNamespace(stream.namespace())
        .build();
    spec.setImageStreamRef(ref);
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

  private static UpdateControl<DirectImageMigration> patch(DirectImageMigration dim) {
    dim.getMetadata().setResourceVersion(null);
    return UpdateControl.patchStatus(dim);
  }
}
