package dev.ferry.cli.cluster;

import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterSpec;
import dev.ferry.cli.migration.MigrationTable;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.ObjectView;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.cli.output.VeleroFormat;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.time.Clock;

/** {@code ferry cluster get|describe}: NAME, READY, HOST, URL, REGISTRY, AGE. Pure. */
public final class ClusterView implements ObjectView<MigCluster> {
  @Override
  public Class<MigCluster> type() {
    return MigCluster.class;
  }

  @Override
  public String noun() {
    return "cluster";
  }

  @Override
  public String command() {
    return "cluster";
  }

  @Override
  public String[] headers() {
    return new String[] {"NAME", "READY", "HOST", "URL", "REGISTRY", "AGE"};
  }

  @Override
  public String[] row(MigCluster cluster, Clock clock) {
    MigClusterSpec spec = spec(cluster);
    return new String[] {cluster.getMetadata().getName(), ObjectView.readyColumn(cluster.getStatus()),
        Boolean.TRUE.equals(spec.getIsHostCluster()) ? "true" : "false", MigrationFormat.nullToEmpty(spec.getUrl()),
        MigrationFormat.nullToEmpty(spec.getExposedRegistryPath()),
        MigrationTable.age(cluster.getMetadata().getCreationTimestamp(), clock)};
  }

  @Override
  public String describe(MigCluster cluster) {
    MigClusterSpec spec = spec(cluster);
    boolean host = Boolean.TRUE.equals(spec.getIsHostCluster());
    TabAligner d = new TabAligner();
    d.printf("Name:\t%s\n", cluster.getMetadata().getName());
    d.printf("Namespace:\t%s\n", MigrationFormat.nullToEmpty(cluster.getMetadata().getNamespace()));
    d.printf("Host cluster:\t%s\n", host ? "yes (the controller's own cluster)" : "no");
    if (!host) {
      d.printf("URL:\t%s\n", orNone(spec.getUrl()));
      d.printf("Token secret:\t%s\n", secret(spec.getServiceAccountSecretRef()));
      d.printf("CA bundle:\t%s\n", spec.getCaBundle() == null || spec.getCaBundle().isBlank() ? VeleroFormat.NONE
          : "set (" + spec.getCaBundle().length() + " base64 characters)");
      d.printf("Insecure:\t%s\n", Boolean.TRUE.equals(spec.getInsecure()) ? "yes (TLS not verified)" : "no");
    }
    d.printf("Exposed registry:\t%s\n", orNone(spec.getExposedRegistryPath()));
    if (cluster.getStatus() != null && cluster.getStatus().getRegistryPath() != null) {
      d.printf("Registry found:\t%s\n", cluster.getStatus().getRegistryPath());
    }
    d.printf("Ready:\t%s\n", ObjectView.readyColumn(cluster.getStatus()));
    return d.aligned() + "\nConditions:\n" + ObjectView.conditions(cluster.getStatus());
  }

  public static String secret(ObjectReference ref) {
    if (ref == null || ref.getName() == null) {
      return VeleroFormat.NONE;
    }
    return (ref.getNamespace() == null ? "" : ref.getNamespace() + "/") + ref.getName();
  }

  public static String orNone(String value) {
    return value == null || value.isBlank() ? VeleroFormat.NONE : value;
  }

  private static MigClusterSpec spec(MigCluster cluster) {
    return cluster.getSpec() == null ? new MigClusterSpec() : cluster.getSpec();
  }
}
