package dev.ferry.controller.plan.model;

/**
 * Condition types of a MigPlan, MTC's names. The category of each is given where it is raised;
 * docs/plans.md lists them all with what to do.
 */
public final class PlanConditions {
  public static final String INVALID_SOURCE_CLUSTER_REF = "InvalidSourceClusterRef";
  public static final String INVALID_DESTINATION_CLUSTER_REF = "InvalidDestinationClusterRef";
  public static final String INVALID_STORAGE_REF = "InvalidStorageRef";
  public static final String SOURCE_CLUSTER_NOT_READY = "SourceClusterNotReady";
  public static final String DESTINATION_CLUSTER_NOT_READY = "DestinationClusterNotReady";
  public static final String STORAGE_NOT_READY = "StorageNotReady";
  public static final String CLUSTER_VERSION_MISMATCH = "ClusterVersionMismatch";
  public static final String NAMESPACE_LIST_EMPTY = "NamespaceListEmpty";
  public static final String NAMESPACE_NOT_FOUND_ON_SOURCE_CLUSTER = "NamespaceNotFoundOnSourceCluster";
  public static final String NAMESPACE_LIMIT_EXCEEDED = "NamespaceLimitExceeded";
  public static final String NAMESPACE_NOT_DNS_COMPLIANT = "NamespaceNotDNSCompliant";
  public static final String DUPLICATE_NAMESPACE_ON_SOURCE_CLUSTER = "DuplicateNamespaceOnSourceCluster";
  public static final String DUPLICATE_NAMESPACE_ON_DESTINATION_CLUSTER = "DuplicateNamespaceOnDestinationCluster";
  public static final String INTRA_CLUSTER_MIGRATION = "IntraClusterMigration";
  public static final String NAMESPACES_HAVE_NODE_SELECTORS = "NamespacesHaveNodeSelectors";
  public static final String PLAN_CONFLICT = "PlanConflict";
  public static final String POD_LIMIT_EXCEEDED = "PodLimitExceeded";
  public static final String PV_LIMIT_EXCEEDED = "PvLimitExceeded";
  public static final String INVALID_HOOK_REF = "InvalidHookRef";
  public static final String HOOK_NOT_READY = "HookNotReady";
  public static final String HOOK_PHASE_UNKNOWN = "HookPhaseUnknown";
  public static final String HOOK_PHASE_DUPLICATE = "HookPhaseDuplicate";
  public static final String INVALID_HOOK_NS_NAME = "InvalidHookNSName";
  public static final String INVALID_HOOK_SA_NAME = "InvalidHookSAName";
  public static final String PV_INVALID_ACTION = "PvInvalidAction";
  public static final String PV_INVALID_STORAGE_CLASS = "PvInvalidStorageClass";
  public static final String PV_NO_STORAGE_CLASS_SELECTION = "PvNoStorageClassSelection";
  public static final String PV_INVALID_ACCESS_MODE = "PvInvalidAccessMode";
  public static final String PV_INVALID_COPY_METHOD = "PvInvalidCopyMethod";
  public static final String PV_WARN_COPY_METHOD_SNAPSHOT = "PvWarnCopyMethodSnapshot";
  public static final String PVS_DISCOVERED = "PvsDiscovered";
  public static final String GVKS_INCOMPATIBLE = "GVKsIncompatible";
  public static final String CLOSED = "Closed";
  public static final String SOURCE_CLUSTER_NO_REGISTRY_PATH = "SourceClusterNoRegistryPath";
  public static final String DESTINATION_CLUSTER_NO_REGISTRY_PATH = "DestinationClusterNoRegistryPath";

  public static final String READY_MESSAGE = "The migration plan is ready.";

  private PlanConditions() {
  }
}
