package dev.ferry.backup.model;

import java.util.LinkedHashSet;
import java.util.Set;

/** Resources Ferry leaves out of backups by default, and those it never restores. */
public final class DefaultExclusions {

  private static final String VELERO = "velero.io";
  private static final String SERVICE_CATALOG = "servicecatalog.k8s.io";

  /**
   * Left out of every backup unless asked for (MTC's default exclusion list, SPEC §2): they are
   * either ephemeral (events), owned by an operator that recreates them on the destination (OLM,
   * service catalog, template instances), derived (image tags), or Velero's/Ferry's own machinery.
   */
  public static final Set<GroupResource> BACKUP = Set.of(
      GroupResource.core("events"),
      GroupResource.of("events.k8s.io", "events"),
      GroupResource.of("image.openshift.io", "imagetags"),
      GroupResource.of("template.openshift.io", "templateinstances"),
      GroupResource.of("operators.coreos.com", "clusterserviceversions"),
      GroupResource.of("packages.operators.coreos.com", "packagemanifests"),
      GroupResource.of("operators.coreos.com", "subscriptions"),
      GroupResource.of("operators.coreos.com", "operatorgroups"),
      GroupResource.of(SERVICE_CATALOG, "servicebrokers"),
      GroupResource.of(SERVICE_CATALOG, "serviceinstances"),
      GroupResource.of(SERVICE_CATALOG, "servicebindings"),
      GroupResource.of(SERVICE_CATALOG, "serviceclasses"),
      GroupResource.of(SERVICE_CATALOG, "serviceplans"),
      GroupResource.of(VELERO, "backups"),
      GroupResource.of(VELERO, "restores"),
      GroupResource.of(VELERO, "schedules"),
      GroupResource.of(VELERO, "backupstoragelocations"),
      GroupResource.of(VELERO, "volumesnapshotlocations"),
      GroupResource.of(VELERO, "podvolumebackups"),
      GroupResource.of(VELERO, "podvolumerestores"),
      GroupResource.of(VELERO, "resticrepositories"),
      GroupResource.of(VELERO, "backuprepositories"),
      GroupResource.of(VELERO, "deletebackuprequests"),
      GroupResource.of(VELERO, "downloadrequests"),
      GroupResource.of(VELERO, "serverstatusrequests"),
      GroupResource.of(VELERO, "datauploads"),
      GroupResource.of(VELERO, "datadownloads"));

  /**
   * Never restored, whatever the backup holds: the backup exclusions plus objects that belong to
   * the source cluster's machinery (Velero's nonRestorableResources).
   */
  public static final Set<GroupResource> NEVER_RESTORE;

  static {
    Set<GroupResource> never = new LinkedHashSet<>(BACKUP);
    never.add(GroupResource.core("nodes"));
    never.add(GroupResource.of("storage.k8s.io", "csinodes"));
    never.add(GroupResource.of("storage.k8s.io", "volumeattachments"));
    NEVER_RESTORE = Set.copyOf(never);
  }

  private DefaultExclusions() {
  }

  public static boolean excludedFromBackup(GroupResource groupResource) {
    return BACKUP.contains(groupResource);
  }

  public static boolean neverRestored(GroupResource groupResource) {
    return NEVER_RESTORE.contains(groupResource);
  }
}
