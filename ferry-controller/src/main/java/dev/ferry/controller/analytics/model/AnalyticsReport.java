package dev.ferry.controller.analytics.model;

import dev.ferry.api.migration.analytics.AnalyticsImage;
import dev.ferry.api.migration.analytics.AnalyticsNamespace;
import dev.ferry.api.migration.analytics.AnalyticsPlan;
import dev.ferry.api.migration.analytics.AnalyticsResource;
import dev.ferry.api.migration.analytics.AnalyticsVolume;
import dev.ferry.api.migration.analytics.MigAnalyticSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A MigAnalytic's status from the plan's inventory, as MTC reports it: per namespace and for the
 * whole plan, objects by group/version/kind (migrated, excluded, incompatible with the
 * destination), claims with requested and actual capacity, and the image count (names listed up
 * to {@code listImagesLimit} when {@code listImages}). Each part only when the spec asks for it.
 */
public final class AnalyticsReport {
  /** MTC's default for listImagesLimit. */
  public static final int DEFAULT_IMAGE_LIMIT = 50;
  private static final Comparator<AnalyticsResource> BY_GVK = Comparator
      .comparing(AnalyticsResource::getGroup).thenComparing(AnalyticsResource::getVersion)
      .thenComparing(AnalyticsResource::getKind);

  private AnalyticsReport() {
  }

  public static AnalyticsPlan of(String plan, MigAnalyticSpec spec, List<NamespaceInventory> inventory) {
    boolean resources = Boolean.TRUE.equals(spec.getAnalyzeK8SResources());
    boolean capacity = Boolean.TRUE.equals(spec.getAnalyzePVCapacity())
        || Boolean.TRUE.equals(spec.getAnalyzeExtendedPVCapacity());
    boolean images = Boolean.TRUE.equals(spec.getAnalyzeImageCount()) || Boolean.TRUE.equals(spec.getListImages());
    int imageLimit = spec.getListImagesLimit() == null ? DEFAULT_IMAGE_LIMIT : Math.max(0, spec.getListImagesLimit());

    AnalyticsPlan report = new AnalyticsPlan();
    report.setPlan(plan);
    List<AnalyticsNamespace> namespaces = new ArrayList<>();
    int total = 0;
    int excluded = 0;
    int incompatible = 0;
    int pvCount = 0;
    BigDecimal pvBytes = BigDecimal.ZERO;
    int imageCount = 0;
    for (NamespaceInventory ns : inventory) {
      AnalyticsNamespace out = new AnalyticsNamespace();
      out.setNamespace(ns.namespace());
      if (resources) {
        List<AnalyticsResource> migrated = resources(ns, r -> !r.excluded());
        List<AnalyticsResource> left = resources(ns, NamespaceInventory.ResourceCount::excluded);
        List<AnalyticsResource> unserved = resources(ns, r -> !r.excluded() && r.incompatible());
        out.setK8sResources(migrated);
        out.setExcludedK8SResources(left);
        out.setIncompatibleK8SResources(unserved);
        out.setK8sResourceTotal(sum(migrated));
        out.setExcludedK8SResourceTotal(sum(left));
        out.setIncompatibleK8SResourceTotal(sum(unserved));
        total += sum(migrated);
        excluded += sum(left);
        incompatible += sum(unserved);
      }
      if (capacity) {
        List<AnalyticsVolume> volumes = new ArrayList<>();
        BigDecimal bytes = BigDecimal.ZERO;
        for (NamespaceInventory.Volume v : ns.volumes()) {
          volumes.add(volume(v));
          bytes = bytes.add(bytes(v.actual() != null ? v.actual() : v.requested()));
        }
        out.setPersistentVolumes(volumes);
        out.setPvCount(volumes.size());
        out.setPvCapacity(quantity(bytes));
        pvCount += volumes.size();
        pvBytes = pvBytes.add(bytes);
      }
      if (images) {
        out.setImageCount(ns.images().size());
        imageCount += ns.images().size();
        if (Boolean.TRUE.equals(spec.getListImages())) {
          out.setImages(ns.images().stream().limit(imageLimit).map(AnalyticsReport::image).toList());
        }
      }
      namespaces.add(out);
    }
    report.setNamespaces(namespaces);
    if (resources) {
      report.setK8sResourceTotal(total);
      report.setExcludedK8sResourceTotal(excluded);
      report.setIncompatibleK8sResourceTotal(incompatible);
    }
    if (capacity) {
      report.setPvCount(pvCount);
      report.setPvCapacity(quantity(pvBytes));
    }
    if (images) {
      report.setImageCount(imageCount);
    }
    report.setPercentComplete(100);
    return report;
  }

  private static List<AnalyticsResource> resources(NamespaceInventory ns,
                                                   Predicate<NamespaceInventory.ResourceCount> which) {
    return ns.resources().stream().filter(which).filter(r -> r.count() > 0).map(r -> {
      AnalyticsResource out = new AnalyticsResource();
      out.setGroup(r.group());
      out.setVersion(r.version());
      out.setKind(r.kind());
      out.setCount(r.count());
      return out;
    }).sorted(BY_GVK).toList();
  }

  private static int sum(List<AnalyticsResource> resources) {
    return resources.stream().mapToInt(AnalyticsResource::getCount).sum();
  }

  private static AnalyticsVolume volume(NamespaceInventory.Volume v) {
    AnalyticsVolume out = new AnalyticsVolume();
    out.setName(v.claim());
    out.setRequestedCapacity(v.requested());
    out.setActualCapacity(v.actual());
    return out;
  }

  private static AnalyticsImage image(NamespaceInventory.Image i) {
    AnalyticsImage out = new AnalyticsImage();
    out.setName(i.name());
    out.setReference(i.reference());
    return out;
  }

  static BigDecimal bytes(Quantity quantity) {
    return quantity == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(quantity);
  }

  /** Bytes as a readable quantity: the largest binary unit that divides it, else plain bytes. */
  static Quantity quantity(BigDecimal bytes) {
    String[] units = {"Ti", "Gi", "Mi", "Ki"};
    BigDecimal unit = BigDecimal.valueOf(1024L * 1024 * 1024 * 1024);
    for (String suffix : units) {
      if (bytes.signum() > 0 && bytes.remainder(unit).signum() == 0) {
        return new Quantity(bytes.divide(unit).toBigInteger().toString(), suffix);
      }
      unit = unit.divide(BigDecimal.valueOf(1024));
    }
    return new Quantity(bytes.toBigInteger().toString());
  }
}
