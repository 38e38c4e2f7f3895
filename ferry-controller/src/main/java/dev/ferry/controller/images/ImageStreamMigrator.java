package dev.ferry.controller.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.images.CopyResult;
import dev.ferry.images.ImageException;
import dev.ferry.images.ImageRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates one image stream: copies every internal image of its tags (history included) from the
 * source registry to {@code <destination registry>/<dest namespace>/<stream>} — the current image
 * of each tag under the tag's name, older ones by digest — then creates the stream on the
 * destination pointing at the copies by digest.
 */
public final class ImageStreamMigrator {
  public static final ResourceDefinitionContext IMAGE_STREAMS = new ResourceDefinitionContext.Builder()
      .withGroup("image.openshift.io").withVersion("v1").withPlural("imagestreams").withKind("ImageStream")
      .withNamespaced(true).build();
  private static final Logger LOG = LoggerFactory.getLogger(ImageStreamMigrator.class);

  private final ImageMover mover;
  private final String sourceRegistry;
  private final String destinationRegistry;

  public ImageStreamMigrator(ImageMover mover, String sourceRegistry, String destinationRegistry) {
    this.mover = mover;
    this.sourceRegistry = sourceRegistry;
    this.destinationRegistry = destinationRegistry;
  }

  /** What happened to one stream. */
  public record Outcome(boolean notFound, int imagesCopied, long bytesSent, List<String> errors) {
    public boolean succeeded() {
      return !notFound && errors.isEmpty();
    }
  }

  /** Labels put on what is created on the destination (the plan's, so rollback removes it). */
  public Outcome migrate(KubernetesClient source, KubernetesClient destination, String namespace, String name,
      String destNamespace, Map<String, String> labels) {
    GenericKubernetesResource stream = source.genericKubernetesResources(IMAGE_STREAMS).inNamespace(namespace)
        .withName(name).get();
    if (stream == null) {
      return new Outcome(true, 0, 0, List.of("image stream " + namespace + "/" + name
          + " does not exist on the source cluster"));
    }
    JsonNode json = Serialization.jsonMapper().valueToTree(stream);
    Map<String, String> copied = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    long bytes = 0;
    int count = 0;
    String destRepository = destNamespace + "/" + name;
    for (StreamTagImage image : ImageStreamModel.images(json, sourceRegistry)) {
      if (!image.internal()) {
        continue;
      }
      if (copied.containsKey(image.digest()) && !image.latest()) {
        continue;
      }
      try {
        ImageRef src = ImageRef.of(sourceRegistry, repositoryOf(image.dockerImageReference()), image.digest());
        ImageRef dst = image.latest() ? ImageRef.of(destinationRegistry, destRepository, image.tag())
            : ImageRef.of(destinationRegistry, destRepository, image.digest());
        CopyResult result = mover.move(src, dst);
        bytes += result.bytesSent();
        count++;
        copied.put(image.digest(), destinationRegistry + "/" + destRepository + "@" + image.digest());
      } catch (ImageException e) {
        errors.add("tag " + image.tag() + " of image stream " + namespace + "/" + name + ": " + e.getMessage());
      }
    }
    if (errors.isEmpty()) {
      // As the volume copy creates it: the source namespace's labels and annotations (its node
      // selector especially, which the volume copy's pods take next), marked for the restore.
      new dev.ferry.controller.volumes.DestinationClaims(destination, labels).ensureNamespace(destNamespace,
          source.namespaces().withName(namespace).get());
      ObjectNode dest = ImageStreamModel.destinationStream(json, destNamespace, copied, labels);
      GenericKubernetesResource resource = Serialization.jsonMapper().convertValue(dest,
          GenericKubernetesResource.class);
      var op = destination.genericKubernetesResources(IMAGE_STREAMS).inNamespace(destNamespace);
      GenericKubernetesResource applied = op.resource(resource).fieldManager("ferry").forceConflicts()
          .serverSideApply();
      publishStatus(destination, applied, ImageStreamModel.destinationStatusTags(json, copied), destRepository);
    }
    LOG.info("image stream {}/{} → {}: {} images copied, {} bytes sent, {} errors", namespace, name,
        destNamespace, count, bytes, errors.size());
    return new Outcome(false, count, bytes, errors);
  }

  /**
   * Records where the copies are in the destination stream's status, as the destination's registry
   * would on a push. Best effort: on OpenShift the registry maintains status itself.
   */
  private void publishStatus(KubernetesClient destination, GenericKubernetesResource applied, JsonNode tags,
      String destRepository) {
    try {
      Map<String, Object> status = new LinkedHashMap<>();
      status.put("dockerImageRepository", destinationRegistry + "/" + destRepository);
      status.put("tags", Serialization.jsonMapper().convertValue(tags, List.class));
      applied.setAdditionalProperty("status", status);
      destination.genericKubernetesResources(IMAGE_STREAMS).inNamespace(applied.getMetadata().getNamespace())
          .resource(applied).updateStatus();
    } catch (KubernetesClientException e) {
      LOG.debug("could not record the status of image stream {}/{}: {}", applied.getMetadata().getNamespace(),
          applied.getMetadata().getName(), e.getMessage());
    }
  }

  /** {@code ns/name} of {@code host/ns/name@sha256:...} or {@code host/ns/name:tag}. */
  static String repositoryOf(String reference) {
    String rest = reference.substring(reference.indexOf('/') + 1);
    int at = rest.indexOf('@');
    if (at >= 0) {
      rest = rest.substring(0, at);
    }
    int colon = rest.lastIndexOf(':');
    return colon >= 0 ? rest.substring(0, colon) : rest;
  }
}
