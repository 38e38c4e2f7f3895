package dev.ferry.controller.metrics;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kind} label of a Kubernetes API request, as MTC reports it: {@code List} for a read of
 * a collection (list or watch), otherwise the Kind of the resource the URL names
 * ({@code /api/v1/namespaces/ns/secrets/x} is a {@code Secret}, and so are its subresources).
 * Unknown resources fall back to their plural name made singular and capitalized.
 */
public final class RequestKinds {
  public static final String LIST = "List";

  // Plural resource name -> Kind, for what the controller touches (fallback covers the rest).
  private static final Map<String, String> KINDS = Map.ofEntries(
      // core
      Map.entry("pods", "Pod"),
      Map.entry("services", "Service"),
      Map.entry("configmaps", "ConfigMap"),
      Map.entry("secrets", "Secret"),
      Map.entry("namespaces", "Namespace"),
      Map.entry("persistentvolumeclaims", "PersistentVolumeClaim"),
      Map.entry("persistentvolumes", "PersistentVolume"),
      Map.entry("serviceaccounts", "ServiceAccount"),
      Map.entry("endpoints", "Endpoints"),
      Map.entry("events", "Event"),
      Map.entry("nodes", "Node"),
      Map.entry("replicationcontrollers", "ReplicationController"),
      Map.entry("resourcequotas", "ResourceQuota"),
      Map.entry("limitranges", "LimitRange"),
      Map.entry("podtemplates", "PodTemplate"),
      // apps, batch, autoscaling, policy, networking
      Map.entry("deployments", "Deployment"),
      Map.entry("statefulsets", "StatefulSet"),
      Map.entry("daemonsets", "DaemonSet"),
      Map.entry("replicasets", "ReplicaSet"),
      Map.entry("controllerrevisions", "ControllerRevision"),
      Map.entry("jobs", "Job"),
      Map.entry("cronjobs", "CronJob"),
      Map.entry("horizontalpodautoscalers", "HorizontalPodAutoscaler"),
      Map.entry("poddisruptionbudgets", "PodDisruptionBudget"),
      Map.entry("ingresses", "Ingress"),
      Map.entry("networkpolicies", "NetworkPolicy"),
      // rbac, auth, coordination, storage, extensions
      Map.entry("roles", "Role"),
      Map.entry("rolebindings", "RoleBinding"),
      Map.entry("clusterroles", "ClusterRole"),
      Map.entry("clusterrolebindings", "ClusterRoleBinding"),
      Map.entry("selfsubjectaccessreviews", "SelfSubjectAccessReview"),
      Map.entry("selfsubjectrulesreviews", "SelfSubjectRulesReview"),
      Map.entry("subjectaccessreviews", "SubjectAccessReview"),
      Map.entry("tokenreviews", "TokenReview"),
      Map.entry("leases", "Lease"),
      Map.entry("storageclasses", "StorageClass"),
      Map.entry("volumesnapshots", "VolumeSnapshot"),
      Map.entry("volumesnapshotcontents", "VolumeSnapshotContent"),
      Map.entry("volumesnapshotclasses", "VolumeSnapshotClass"),
      Map.entry("customresourcedefinitions", "CustomResourceDefinition"),
      // OpenShift
      Map.entry("routes", "Route"),
      Map.entry("imagestreams", "ImageStream"),
      Map.entry("imagestreamtags", "ImageStreamTag"),
      Map.entry("deploymentconfigs", "DeploymentConfig"),
      Map.entry("buildconfigs", "BuildConfig"),
      Map.entry("builds", "Build"),
      Map.entry("projects", "Project"),
      // migration.openshift.io
      Map.entry("migclusters", "MigCluster"),
      Map.entry("migplans", "MigPlan"),
      Map.entry("migmigrations", "MigMigration"),
      Map.entry("migstorages", "MigStorage"),
      Map.entry("mighooks", "MigHook"),
      Map.entry("miganalytics", "MigAnalytic"),
      Map.entry("migrationcontrollers", "MigrationController"),
      Map.entry("directimagemigrations", "DirectImageMigration"),
      Map.entry("directimagestreammigrations", "DirectImageStreamMigration"),
      Map.entry("directvolumemigrations", "DirectVolumeMigration"),
      Map.entry("directvolumemigrationprogresses", "DirectVolumeMigrationProgress"),
      // velero.io
      Map.entry("backups", "Backup"),
      Map.entry("restores", "Restore"),
      Map.entry("backupstoragelocations", "BackupStorageLocation"),
      Map.entry("volumesnapshotlocations", "VolumeSnapshotLocation"),
      Map.entry("podvolumebackups", "PodVolumeBackup"),
      Map.entry("podvolumerestores", "PodVolumeRestore"),
      Map.entry("schedules", "Schedule"),
      Map.entry("deletebackuprequests", "DeleteBackupRequest"),
      Map.entry("downloadrequests", "DownloadRequest"),
      Map.entry("serverstatusrequests", "ServerStatusRequest"),
      Map.entry("backuprepositories", "BackupRepository"),
      Map.entry("resticrepositories", "ResticRepository"));

  // /api/v1/namespaces/{name}/{these} act on the Namespace itself, not on a namespaced resource.
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  private RequestKinds() {
  }

  /** The kind label of an HTTP {@code method} on {@code uri}. */
  public static String of(String method, URI uri) {
    List<String> segments = segments(uri.getRawPath());
    if (segments.isEmpty()) {
      return "NonResource";
    }
    List<String> rest;
    switch (segments.get(0)) {
      case "api" -> {
        if (segments.size() == 1) {
          return "APIVersions";
        }
        if (segments.size() == 2) {
          return "APIResourceList";
        }
        rest = segments.subList(2, segments.size());
      }
      case "apis" -> {
        if (segments.size() == 1) {
          return "APIGroupList";
        }
        if (segments.size() == 2) {
          return "APIGroup";
        }
        if (segments.size() == 3) {
          return "APIResourceList";
        }
        rest = segments.subList(3, segments.size());
      }
      case "version" -> {
        return "Version";
      }
      default -> {
        return "NonResource";
      }
    }
    boolean watchPath = rest.get(0).equals("watch"); // the deprecated /watch/ prefix
    if (watchPath) {
      rest = rest.subList(1, rest.size());
      if (rest.isEmpty()) {
        return LIST;
      }
    }
    String resource;
    String name;
    if (rest.get(0).equals("namespaces") && rest.size() >= 3
        && !(rest.size() == 3 && NAMESPACE_SUBRESOURCES.contains(rest.get(2)))) {
      resource = rest.get(2);
      name = rest.size() > 3 ? rest.get(3) : null;
    } else {
      resource = rest.get(0);
      name = rest.size() > 1 ? rest.get(1) : null;
    }
    if (watchPath || (name == null && "GET".equalsIgnoreCase(method))) {
      return LIST;
    }
    return kindOf(resource);
  }

  /** The Kind of a plural resource name: known ones from the table, others made singular. */
  public static String kindOf(String resource) {
    String known = KINDS.get(resource.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    return capitalize(singular(resource));
  }

  private static String singular(String plural) {
    if (plural.endsWith("ies") && plural.length() > 3) {
      return plural.substring(0, plural.length() - 3) + "y";
    }
    if (plural.endsWith("sses") || plural.endsWith("xes") || plural.endsWith("ches") || plural.endsWith("shes")) {
      return plural.substring(0, plural.length() - 2);
    }
    if (plural.endsWith("s") && plural.length() > 1) {
      return plural.substring(0, plural.length() - 1);
    }
    return plural;
  }

  private static String capitalize(String word) {
    return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    if (path == null) {
      return segments;
    }
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }
}
