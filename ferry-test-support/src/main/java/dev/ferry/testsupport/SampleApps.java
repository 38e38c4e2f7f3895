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
    return document("v1", "ConfigMap", "settings", app, "data: {currency: EUR}\n");
  }

  /** Claim {@code data}: 1 Gi, ReadWriteOnce, the default storage class. */
  public static String dataClaim(String app) {
    return document("v1", "PersistentVolumeClaim", "data", app, """
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """);
  }

  /** Deployment {@code web}: {@code replicas} pods of {@code image}, mounting claim {@code data} if asked. */
  public static String web(String app, int replicas, String image, boolean mountsData) {
    return document("apps/v1", "Deployment", "web", app, """
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: %s}]
        %s""".formatted(replicas, image,
        mountsData ? "      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]\n" : ""));
  }

  /** Service {@code web}: port 80 to the Deployment's pods. */
  public static String webService(String app) {
    return document("v1", "Service", "web", app, """
        spec:
          selector: {app: web}
          ports: [{port: 80}]
        """);
  }

  /**
   * A CRD of namespaced kind {@code kind} (plural: {@code singular} + "s") in {@code group}, served
   * and stored at {@code version} only, any content accepted: a custom resource the application owns.
   */
  public static String crd(String singular, String kind, String group, String version) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: %1$ss.%3$s}
        spec:
          group: %3$s
          scope: Namespaced
          names: {plural: %1$ss, singular: %1$s, kind: %2$s}
          versions:
          - name: %4$s
            served: true
            storage: true
            schema:
              openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """.formatted(singular, kind, group, version);
  }

  private static String document(String apiVersion, String kind, String name, String app, String rest) {
    return "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: " + name + ", namespace: " + app
        + "}\n" + rest;
  }
}
