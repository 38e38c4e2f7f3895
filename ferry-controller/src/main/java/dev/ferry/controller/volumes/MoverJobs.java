package dev.ferry.controller.volumes;

import dev.ferry.volumes.mover.MoverTlsFiles;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.List;
import java.util.Map;

/**
 * The objects of one claim's transfer by pods, per MTC's design: on the destination a receiver Job
 * and a Service in front of it, on the source a sender Job, both running Ferry's own image as
 * {@code ferry mover}, mounting the claim at {@value #DATA} and the transfer's TLS Secret at
 * {@value #TLS}. Model only: builds the objects, creates nothing.
 */
public final class MoverJobs {
  public static final String DATA = "/data";
  public static final String TLS = "/tls";
  public static final int PORT = 7443;
  public static final String TRANSFER_LABEL = "migration.ferry.dev/volume-transfer";
  public static final String ROLE_LABEL = "migration.ferry.dev/mover-role";
  /**
   * MTC's label of the pods that hold a migrated volume mounted for the copy ("true"): its manual
   * rollback deletes them with {@code oc delete pods -l migration.openshift.io/is-stage-pod}. Ferry
   * needs no separate stage pods (its movers mount the claim themselves, see docs/volumes.md), so
   * the mover pods carry it.
   */
  public static final String STAGE_POD_LABEL = "migration.openshift.io/is-stage-pod";
  /** Velero's label for objects no backup takes. */
  public static final String EXCLUDE_FROM_BACKUP = "velero.io/exclude-from-backup";

  private final String name;
  private final MoverPodSettings settings;
  private final Map<String, String> labels;

  /**
   * @param name   the transfer's object name (DNS-1123, at most 52 characters so Job pods' names fit)
   * @param labels marks every object (plan, migration) for cleanup and rollback
   */
  public MoverJobs(String name, MoverPodSettings settings, Map<String, String> labels) {
    this.name = name;
    this.settings = settings;
    this.labels = labels;
  }

  public String secretName() {
    return name + "-tls";
  }

  public String receiverName() {
    return name + "-receiver";
  }

  public String senderName() {
    return name + "-sender";
  }

  public String serviceName() {
    return name;
  }

  public String repositorySecretName() {
    return name + "-repo";
  }

  public String snapshotName() {
    return name + "-snapshot";
  }

  public String restoreName() {
    return name + "-restore";
  }

  /** The repository credentials, given to snapshot/restore pods as environment variables. */
  public Secret repositorySecret(String namespace, Map<String, String> environment) {
    return new SecretBuilder().withNewMetadata().withName(repositorySecretName()).withNamespace(namespace)
        .withLabels(labels(null)).endMetadata().withType("Opaque").withStringData(environment).build();
  }

  /** Indirect, source side: snapshot the claim into the repository, tagged so the restore finds it. */
  public Job snapshot(String namespace, String claim, Map<String, String> nodeSelector, PodRepository repository,
                      Map<String, String> tags) {
    List<String> args = new java.util.ArrayList<>(List.of("mover", "snapshot", "--root", DATA));
    tags.forEach((k, v) -> args.addAll(List.of("--tag", k + "=" + v)));
    args.addAll(repository.arguments());
    return job(snapshotName(), namespace, claim, nodeSelector, "snapshot", args, null, repositorySecretName());
  }

  /** Indirect, destination side: restore the latest snapshot with {@code tags} into the claim. */
  public Job restore(String namespace, String claim, Map<String, String> nodeSelector, PodRepository repository,
                     Map<String, String> tags) {
    List<String> args = new java.util.ArrayList<>(List.of("mover", "restore", "--snapshot", "latest", "--root", DATA));
    tags.forEach((k, v) -> args.addAll(List.of("--tag", k + "=" + v)));
    args.addAll(repository.arguments());
    return job(restoreName(), namespace, claim, nodeSelector, "restore", args, null, repositorySecretName());
  }

  /**
   * The TLS material, never logged: on each cluster only that side's key
   * ({@link MoverTlsFiles#receiverSide}, {@link MoverTlsFiles#senderSide}) and the CA.
   */
  public Secret secret(String namespace, Map<String, String> tlsFiles) {
    return new SecretBuilder().withNewMetadata().withName(secretName()).withNamespace(namespace)
        .withLabels(labels(null)).endMetadata().withType("Opaque").withStringData(tlsFiles).build();
  }

  /**
   * The receiver's Service: {@code LoadBalancer} when the sender is on another cluster (MTC
   * exposes it with a Route), {@code ClusterIP} when both are on the same one.
   */
  public Service service(String namespace, boolean sameCluster) {
    return new ServiceBuilder().withNewMetadata().withName(serviceName()).withNamespace(namespace)
        .withLabels(labels(null)).endMetadata()
        .withNewSpec().withType(sameCluster ? "ClusterIP" : "LoadBalancer")
        .addToSelector(TRANSFER_LABEL, name).addToSelector(ROLE_LABEL, "receiver")
        .addNewPort().withName("mover").withPort(PORT).withNewTargetPort(PORT).withProtocol("TCP").endPort()
        .endSpec().build();
  }

  public Job receiver(String namespace, String claim, Map<String, String> nodeSelector) {
    return job(receiverName(), namespace, claim, nodeSelector, "receiver",
        List.of("mover", "receive", "--root", DATA, "--listen", "0.0.0.0:" + PORT, "--tls-dir", TLS), PORT, null);
  }

  /** {@code receiverAddress}: where the sender reaches the receiver's Service, host only. */
  public Job sender(String namespace, String claim, Map<String, String> nodeSelector, String receiverAddress) {
    return job(senderName(), namespace, claim, nodeSelector, "sender",
        List.of("mover", "send", "--root", DATA, "--to", receiverAddress + ":" + PORT, "--tls-dir", TLS), null, null);
  }

  private Job job(String jobName, String namespace, String claim, Map<String, String> nodeSelector, String role,
                  List<String> args, Integer port, String environmentSecret) {
    var container = new io.fabric8.kubernetes.api.model.ContainerBuilder()
        .withName("mover").withImage(settings.image()).withArgs(args)
        .addNewVolumeMount().withName("data").withMountPath(DATA).endVolumeMount()
        .withSecurityContext(securityContext());
    if (environmentSecret == null) {
      container.addNewVolumeMount().withName("tls").withMountPath(TLS).withReadOnly(true).endVolumeMount();
    } else {
      container.addNewEnvFrom().withNewSecretRef().withName(environmentSecret).endSecretRef().endEnvFrom();
    }
    if (port != null) {
      container.addNewPort().withName("mover").withContainerPort(port).endPort();
    }
    return new JobBuilder().withNewMetadata().withName(jobName).withNamespace(namespace)
        .withLabels(labels(role)).endMetadata()
        .withNewSpec().withBackoffLimit(0)
        .withNewTemplate().withNewMetadata().withLabels(labels(role)).addToLabels(STAGE_POD_LABEL, "true").endMetadata()
        .withNewSpec().withRestartPolicy("Never").withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
        .withSecurityContext(settings.fsGroup() == null ? null
            : new io.fabric8.kubernetes.api.model.PodSecurityContextBuilder().withFsGroup(settings.fsGroup()).build())
        .withContainers(container.build())
        .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim()
        .endVolume()
        .addAllToVolumes(environmentSecret != null ? List.of() : List.of(new io.fabric8.kubernetes.api.model.VolumeBuilder()
            .withName("tls").withNewSecret().withSecretName(secretName()).withDefaultMode(0400).endSecret().build()))
        .endSpec().endTemplate().endSpec().build();
  }

  /**
   * Root, so owners and modes survive; super-privileged (MTC's {@code migration_rsync_super_privileged}:
   * privileged, SELinux type {@code spc_t}) skips relabeling of large volumes.
   */
  private SecurityContext securityContext() {
    if (settings.runAsUser() != null || settings.runAsGroup() != null) {
      // The migration's identity: files are written as that user, owners are not restored.
      return new SecurityContextBuilder().withRunAsUser(settings.runAsUser()).withRunAsGroup(settings.runAsGroup())
          .withRunAsNonRoot(settings.runAsUser() != null && settings.runAsUser() != 0 ? true : null)
          .withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL").endCapabilities().build();
    }
    if (settings.superPrivileged()) {
      return new SecurityContextBuilder().withPrivileged(true).withRunAsUser(0L)
          .withNewSeLinuxOptions().withType("spc_t").endSeLinuxOptions().build();
    }
    return new SecurityContextBuilder().withRunAsUser(0L).withAllowPrivilegeEscalation(false)
        .withNewCapabilities().withDrop("ALL").withAdd("CHOWN", "FOWNER", "DAC_OVERRIDE", "FSETID", "SETFCAP")
        .endCapabilities().build();
  }

  private Map<String, String> labels(String role) {
    var all = new java.util.LinkedHashMap<>(labels);
    all.put(TRANSFER_LABEL, name);
    // Transfer plumbing (its TLS keys among it) must never land in a backup of the namespace,
    // Ferry's or Velero's: both skip objects with this label.
    all.put(EXCLUDE_FROM_BACKUP, "true");
    if (role != null) {
      all.put(ROLE_LABEL, role);
    }
    return all;
  }
}
