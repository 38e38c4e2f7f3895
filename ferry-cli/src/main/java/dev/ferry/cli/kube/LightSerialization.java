package dev.ferry.cli.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * fabric8's JSON/YAML mapping without its scan of the class path: the default
 * ({@code Serialization}, {@code new KubernetesClientBuilder()}) finds every model class on the
 * class path through ServiceLoader the first time it reads anything, so that it can turn a
 * {@code kind} into a class. That is ~1,500 classes (all of Kubernetes' and OpenShift's models)
 * and most of a {@code get}'s start-up. The CLI's one-shot commands always say which class they
 * read (Ferry's kinds, the kubeconfig, Status), so they do not need it.
 */
public final class LightSerialization {
  private LightSerialization() {
  }

  /** Created on first use (the holder idiom), so commands that print no YAML/JSON never build it. */
  public static KubernetesSerialization get() {
    return Holder.INSTANCE;
  }

  /** Its JSON mapper (configured by fabric8 as its own: Kubernetes' modules, no nulls). */
  public static ObjectMapper jsonMapper() {
    return Holder.MAPPER;
  }

  private static final class Holder {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final KubernetesSerialization INSTANCE = new KubernetesSerialization(MAPPER, false);
  }
}
