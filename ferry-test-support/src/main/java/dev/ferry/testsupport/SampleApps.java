package dev.ferry.testsupport;

/**
 * The small application the migration tests move, as YAML documents a test picks and joins with
 * {@link #of}: its namespace, a ConfigMap {@code settings} ({@code currency: EUR}), a claim
 * {@code data}, and a Deployment {@code web} (with a Service) that may mount the claim.
 */
public final class SampleApps {
  private SampleApps() {
  }

  /** The documents as one multi-document YAML text, for {@link Manifests#create}. */
  public static String of(String... documents) {
    return String.join("---\n", documents);
  }

  public static String namespace(String app) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %s}
        """.formatted(app);
  }

  /** ConfigMap {@code settings} with {@code currency: EUR}. */
  public static String settings(String app) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: %s}
        data: {currency: EUR}
        """.formatted(app);
  }

  /** Claim {@code data}: 1 Gi, ReadWriteOnce, the default storage class. */
  public static String dataClaim(String app) {
    return """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: data, namespace: %s}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """.formatted(app);
  }

  /** Deployment {@code web}: {@code replicas} pods of {@code image}, mounting claim {@code data} if asked. */
  public static String web(String app, int replicas, String image, boolean mountsData) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: %s}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: %s}]
        %s""".formatted(app, replicas, image,
        mountsData ? "      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]\n" : "");
  }

  /** Service {@code web}: port 80 to the Deployment's pods. */
  public static String webService(String app) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: %s}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        """.formatted(app);
  }
}
