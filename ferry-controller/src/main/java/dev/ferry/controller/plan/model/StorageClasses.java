package dev.ferry.controller.plan.model;

import dev.ferry.api.migration.plan.StorageClassInfo;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A cluster's storage classes, as volume selection needs them. */
public final class StorageClasses {
  private static final String DEFAULT = "storageclass.kubernetes.io/is-default-class";
  private static final String BETA_DEFAULT = "storageclass.beta.kubernetes.io/is-default-class";

  private StorageClasses() {
  }

  public static boolean isDefault(StorageClass sc) {
    Map<String, String> a = sc.getMetadata().getAnnotations();
    return a != null && ("true".equalsIgnoreCase(a.get(DEFAULT)) || "true".equalsIgnoreCase(a.get(BETA_DEFAULT)));
  }

  /** The default class; with several defaults (a misconfiguration) the first by name, like kube does. */
  public static Optional<String> defaultName(List<StorageClass> classes) {
    return classes.stream().filter(StorageClasses::isDefault).map(sc -> sc.getMetadata().getName())
        .min(Comparator.naturalOrder());
  }

  public static boolean has(List<StorageClass> classes, String name) {
    return name != null && classes.stream().anyMatch(sc -> name.equals(sc.getMetadata().getName()));
  }

  /** For status.srcStorageClasses / destStorageClasses, sorted by name. */
  public static List<StorageClassInfo> info(List<StorageClass> classes) {
    return classes.stream().sorted(Comparator.comparing(sc -> sc.getMetadata().getName())).map(sc -> {
      StorageClassInfo info = new StorageClassInfo();
      info.setName(sc.getMetadata().getName());
      info.setProvisioner(sc.getProvisioner());
      info.setDefaultClass(isDefault(sc) ? Boolean.TRUE : null);
      return info;
    }).toList();
  }
}
