package dev.ferry.controller.cluster;

import static dev.ferry.controller.cluster.MigClusterConditions.KUBERNETES_VERSION;
import static dev.ferry.controller.cluster.MigClusterConditions.SA_TOKEN_NOT_PRIVILEGED;
import static dev.ferry.controller.cluster.MigClusterConditions.TEST_CONNECT_FAILED;

import dev.ferry.api.common.Category;
import dev.ferry.api.common.Condition;
import dev.ferry.api.common.Conditions;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.cluster.MigClusterStatus;
import dev.ferry.controller.itinerary.StatusPatches;
import dev.ferry.controller.settings.SpecRefresh;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MigCluster is Ready only after a real connection: the spec is checked first (URL, token
 * Secret, CA bundle), then /version is read and the identity's permissions are reviewed by the
 * API server itself. Re-checked every two minutes and when {@code spec.refresh} is set.
 */
@ControllerConfiguration(name = "migcluster")
public class MigClusterReconciler implements Reconciler<MigCluster> {
  static final Duration RECHECK = Duration.ofMinutes(2);
  private static final Logger LOG = LoggerFactory.getLogger(MigClusterReconciler.class);

  private final ClusterClients clusters;
  private final ClusterConnectionCheck check;
  private final Clock clock;

  public MigClusterReconciler(ClusterClients clusters, String controllerNamespace, Clock clock) {
    this.clusters = clusters;
    this.check = new ClusterConnectionCheck(controllerNamespace);
    this.clock = clock;
  }

  @Override
  public UpdateControl<MigCluster> reconcile(MigCluster cluster, Context<MigCluster> context) {
    MigClusterStatus status = cluster.getStatus() == null ? new MigClusterStatus() : cluster.getStatus();
    cluster.setStatus(status);
    Conditions conditions = status.conditions(clock);
    conditions.beginStaging();
    Secret secret = tokenSecret(cluster);
    ClusterSpecCheck.problems(cluster, secret).forEach(conditions::set);
    if (!conditions.hasBlocker()) {
      connect(cluster, conditions, status);
    }
    conditions.setReady(!conditions.hasErrors(), MigClusterConditions.READY_MESSAGE);
    conditions.endStaging();
    status.setRegistryPath(cluster.getSpec() == null ? null : blankToNull(cluster.getSpec().getExposedRegistryPath()));
    LOG.debug("MigCluster {}/{}: {}", cluster.getMetadata().getNamespace(), cluster.getMetadata().getName(),
        conditions.list());
    if (cluster.getSpec() != null && Boolean.TRUE.equals(cluster.getSpec().getRefresh())) {
      SpecRefresh.reset(context.getClient(), cluster);
    }
    return StatusPatches.patch(cluster).rescheduleAfter(RECHECK);
  }

  private void connect(MigCluster cluster, Conditions conditions, MigClusterStatus status) {
    boolean host = ClusterSpecCheck.isHost(cluster);
    String endpoint = host ? clusters.host().getMasterUrl().toString().replaceAll("/$", "")
        : cluster.getSpec().getUrl().trim();
    String tokenSecret = host ? null : ClusterSpecCheck.secretNamespace(cluster) + "/"
        + cluster.getSpec().getServiceAccountSecretRef().getName();
    String identity = host ? "the controller's own service account" : "the token in Secret " + tokenSecret;
    ClusterConnectionCheck.Report report;
    try {
      KubernetesClient client = clusters.forCluster(cluster);
      report = check.check(client);
    } catch (ClusterAccessException e) {
      conditions.set(TEST_CONNECT_FAILED, Category.CRITICAL, "ConnectFailed", e.getMessage());
      return;
    } catch (RuntimeException e) {
      String message = ConnectFailures.explain(e, endpoint, identity, tokenSecret);
      LOG.info("MigCluster {}/{} cannot be used: {}", cluster.getMetadata().getNamespace(),
          cluster.getMetadata().getName(), message);
      conditions.set(TEST_CONNECT_FAILED, Category.CRITICAL, "ConnectFailed", "Cannot connect to cluster "
          + cluster.getMetadata().getName() + ": " + message + ".");
      return;
    }
    conditions.set(KUBERNETES_VERSION, Category.ADVISORY, "Discovered", "The API server at " + endpoint
        + " runs Kubernetes " + report.kubernetesVersion() + ".");
    status.setOperatorVersion(report.operatorVersion());
    if (!report.missing().isEmpty()) {
      String missing = report.missing().stream().map(Object::toString).collect(Collectors.joining(", "));
      conditions.set(Condition.of(SA_TOKEN_NOT_PRIVILEGED, Category.CRITICAL, "Forbidden", "Cluster "
          + cluster.getMetadata().getName() + ": " + identity + " may not do everything a migration needs in all "
          + "namespaces; missing: " + missing + ". Bind its service account to the cluster-admin cluster role.")
          .withItems(report.missing().stream().map(Object::toString).toList()));
    }
  }

  private Secret tokenSecret(MigCluster cluster) {
    if (ClusterSpecCheck.isHost(cluster) || cluster.getSpec() == null) {
      return null;
    }
    ObjectReference ref = cluster.getSpec().getServiceAccountSecretRef();
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      return null;
    }
    return clusters.host().secrets().inNamespace(ClusterSpecCheck.secretNamespace(cluster)).withName(ref.getName())
        .get();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
