package dev.ferry.backup.model;

/** Group/resources that restore logic treats specially, spelled once. */
public final class KnownResources {

  public static final String RBAC = "rbac.authorization.k8s.io";
  public static final String OPENSHIFT_AUTHORIZATION = "authorization.openshift.io";

  public static final GroupResource CUSTOM_RESOURCE_DEFINITIONS =
      GroupResource.of("apiextensions.k8s.io", "customresourcedefinitions");
  public static final GroupResource NAMESPACES = GroupResource.core("namespaces");
  public static final GroupResource STORAGE_CLASSES =
      GroupResource.of("storage.k8s.io", "storageclasses");
  public static final GroupResource PERSISTENT_VOLUMES = GroupResource.core("persistentvolumes");
  public static final GroupResource PERSISTENT_VOLUME_CLAIMS =
      GroupResource.core("persistentvolumeclaims");
  public static final GroupResource CLUSTER_ROLES = GroupResource.of(RBAC, "clusterroles");
  public static final GroupResource ROLES = GroupResource.of(RBAC, "roles");
  public static final GroupResource SERVICE_ACCOUNTS = GroupResource.core("serviceaccounts");
  public static final GroupResource CLUSTER_ROLE_BINDINGS =
      GroupResource.of(RBAC, "clusterrolebindings");
  public static final GroupResource ROLE_BINDINGS = GroupResource.of(RBAC, "rolebindings");
  public static final GroupResource SECRETS = GroupResource.core("secrets");
  public static final GroupResource CONFIG_MAPS = GroupResource.core("configmaps");
  public static final GroupResource LIMIT_RANGES = GroupResource.core("limitranges");
  public static final GroupResource PRIORITY_CLASSES =
      GroupResource.of("scheduling.k8s.io", "priorityclasses");
  public static final GroupResource PODS = GroupResource.core("pods");
  public static final GroupResource POD_TEMPLATES = GroupResource.core("podtemplates");
  public static final GroupResource REPLICA_SETS = GroupResource.of("apps", "replicasets");
  public static final GroupResource ENDPOINTS = GroupResource.core("endpoints");
  public static final GroupResource SERVICES = GroupResource.core("services");
  public static final GroupResource JOBS = GroupResource.of("batch", "jobs");
  public static final GroupResource CRON_JOBS = GroupResource.of("batch", "cronjobs");
  public static final GroupResource DEPLOYMENT_CONFIGS =
      GroupResource.of("apps.openshift.io", "deploymentconfigs");
  public static final GroupResource IMAGE_STREAMS =
      GroupResource.of("image.openshift.io", "imagestreams");
  public static final GroupResource SECURITY_CONTEXT_CONSTRAINTS =
      GroupResource.of("security.openshift.io", "securitycontextconstraints");
  public static final GroupResource OPENSHIFT_ROLE_BINDINGS =
      GroupResource.of(OPENSHIFT_AUTHORIZATION, "rolebindings");
  public static final GroupResource OPENSHIFT_CLUSTER_ROLE_BINDINGS =
      GroupResource.of(OPENSHIFT_AUTHORIZATION, "clusterrolebindings");

  private KnownResources() {
  }
}
