package dev.ferry.controller.plan.model;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.Map;

/**
 * What was read from one cluster for a plan. A cluster that is not Ready is not inspected
 * ({@link #inspected()} false); one whose reads failed carries the {@link #error()}.
 *
 * @param namespaces     the plan's namespaces that exist there, by name
 * @param pods           pods in those namespaces (source only)
 * @param volumes        persistent volumes bound to claims in those namespaces (source only)
 * @param claims         claims in those namespaces (source only)
 * @param storageClasses every storage class of the cluster
 * @param imageStreams   {@code namespace/name} of the image streams in those namespaces (source only)
 */
public record ClusterInspection(boolean inspected, String error, Map<String, Namespace> namespaces, List<Pod> pods,
                                List<PersistentVolume> volumes, List<PersistentVolumeClaim> claims,
                                List<StorageClass> storageClasses, List<String> imageStreams) {

  public ClusterInspection(boolean inspected, String error, Map<String, Namespace> namespaces, List<Pod> pods,
                           List<PersistentVolume> volumes, List<PersistentVolumeClaim> claims,
                           List<StorageClass> storageClasses) {
    this(inspected, error, namespaces, pods, volumes, claims, storageClasses, null);
  }

  public ClusterInspection {
    namespaces = namespaces == null ? Map.of() : Map.copyOf(namespaces);
    pods = pods == null ? List.of() : List.copyOf(pods);
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    claims = claims == null ? List.of() : List.copyOf(claims);
    storageClasses = storageClasses == null ? List.of() : List.copyOf(storageClasses);
    imageStreams = imageStreams == null ? List.of() : List.copyOf(imageStreams);
  }

  public static ClusterInspection notInspected() {
    return new ClusterInspection(false, null, null, null, null, null, null);
  }

  public static ClusterInspection failed(String error) {
    return new ClusterInspection(true, error, null, null, null, null, null);
  }

  /** Inspected and every read succeeded. */
  public boolean usable() {
    return inspected && error == null;
  }
}
