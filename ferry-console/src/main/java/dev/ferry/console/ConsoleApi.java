package dev.ferry.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.api.migration.cluster.MigCluster;
import dev.ferry.api.migration.hook.MigHook;
import dev.ferry.api.migration.images.DirectImageMigration;
import dev.ferry.api.migration.images.DirectImageStreamMigration;
import dev.ferry.api.migration.migration.MigMigration;
import dev.ferry.api.migration.plan.MigPlan;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.volumes.DirectVolumeMigration;
import dev.ferry.api.migration.volumes.DirectVolumeMigrationProgress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's JSON API. Reads return the Ferry objects as the API server has them (they hold
 * references to Secrets, never Secret data); writes create or edit exactly the objects an MTC user
 * would write by hand, with the user's kubeconfig identity, and leave the work to the controller.
 * Each page's routes live in its own class: {@link ClusterRoutes}, {@link StorageRoutes},
 * {@link PlanRoutes} (plans and hooks), {@link MigrationRoutes} (migrations and their resources),
 * {@link LogRoutes}.
 */
public final class ConsoleApi implements AutoCloseable {
  private final String namespace;
  private final KubeconfigContexts contexts;
  private final RemoteClusters remotes;
  private final ObjectMapper json = Serialization.jsonMapper();
  private final ChangeFeed feed;
  private final List<Route> routes;
  private Path logDir;

  /**
   * @param host     the user's client for the host cluster (where the Ferry objects live)
   * @param namespace the controller's namespace (default openshift-migration)
   * @param kubeconfig the user's kubeconfig, to name each cluster's context in copied commands
   */
  public ConsoleApi(KubernetesClient host, String namespace, io.fabric8.kubernetes.api.model.Config kubeconfig,
                    String hostContext, Clock clock) {
    this.namespace = namespace;
    this.contexts = KubeconfigContexts.of(kubeconfig, hostContext);
    this.remotes = new RemoteClusters(host);
    this.feed = new ChangeFeed().watch(host, namespace, List.of(MigCluster.class, MigStorage.class, MigPlan.class,
        MigMigration.class, MigHook.class, DirectVolumeMigration.class, DirectVolumeMigrationProgress.class,
        DirectImageMigration.class, DirectImageStreamMigration.class));
    FerryObjects objects = new FerryObjects(host, namespace);
    FormSecrets secrets = new FormSecrets(objects);
    List<Route> all = new ArrayList<>(List.of(
        Route.of("GET", "/api/info", c -> Map.of("namespace", namespace, "context", String.valueOf(contexts.host()))),
        Route.of("GET", "/api/providers", c -> StorageProviders.ALL)));
    all.addAll(new ClusterRoutes(objects, secrets, remotes).routes());
    all.addAll(new StorageRoutes(objects, secrets, json).routes());
    all.addAll(new PlanRoutes(objects, json, clock).routes());
    all.addAll(new MigrationRoutes(objects, remotes, contexts).routes());
    all.addAll(new LogRoutes(host, namespace, clock, () -> logDir).routes());
    this.routes = List.copyOf(all);
  }

  /**
   * Where the controller writes {@code controller.log} when it runs outside the cluster (as
   * {@code ferry controller} or {@code --in-process}); read by View logs beside the controller's
   * pod log, mover/hook pods and the Backup/Restore logs. Null: only those.
   */
  public ConsoleApi withLogDir(Path dir) {
    this.logDir = dir;
    return this;
  }

  ObjectMapper json() {
    return json;
  }

  ChangeFeed feed() {
    return feed;
  }

  List<Route> routes() {
    return routes;
  }

  @Override
  public void close() {
    feed.close();
    remotes.close();
  }
}
