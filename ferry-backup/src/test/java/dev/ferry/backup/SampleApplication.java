package dev.ferry.backup;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application of more than twenty kinds in one namespace, the way users deploy them:
 * workloads, services of every type, config, RBAC, storage, policy, a custom resource with its
 * CRD, and OpenShift's Route, ImageStream and DeploymentConfig — plus the cluster-scoped objects
 * that depend on the namespace (a ClusterRoleBinding and an SCC naming its service account).
 */
final class SampleApplication {
  static final String CRD_GROUP_SUFFIX = ".ferry-test.example.com";

  private SampleApplication() {
  }

  /** Creates the application in {@code ns}; {@code crdGroup} must be unique per test. */
  static void deploy(KubernetesClient client, String ns, String crdGroup, String registry) {
    String crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.%1$s}
        spec:
          group: %1$s
          scope: Namespaced
          names: {kind: Widget, plural: widgets, singular: widget}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: integer}
                      color: {type: string}
        """.formatted(crdGroup);
    apply(client, List.of(crd));
    client.apiextensions().v1().customResourceDefinitions().withName("widgets." + crdGroup)
        .waitUntilCondition(c -> c != null && c.getStatus() != null && c.getStatus().getConditions() != null
            && c.getStatus().getConditions().stream().anyMatch(x -> "Established".equals(x.getType())
            && "True".equals(x.getStatus())), 60, TimeUnit.SECONDS);
    String image = registry + "/" + ns + "/shop@sha256:" + "a".repeat(64);
    List<String> manifests = new ArrayList<>(List.of("""
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: shop, namespace: %1$s}
        """, """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: shop-config, namespace: %1$s, labels: {app: shop}}
        data: {GREETING: hello, MODE: production}
        """, """
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-db, namespace: %1$s}
        type: Opaque
        stringData: {password: s3cr3t-value}
        """, """
        apiVersion: v1
        kind: PersistentVolumeClaim
        metadata: {name: shop-data, namespace: %1$s}
        spec:
          accessModes: [ReadWriteOnce]
          resources: {requests: {storage: 1Gi}}
        """, """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: %1$s, labels: {app: shop}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: shop}}
          template:
            metadata: {labels: {app: shop}}
            spec:
              serviceAccountName: shop
              containers:
              - name: shop
                image: %2$s
                envFrom: [{configMapRef: {name: shop-config}}]
                volumeMounts: [{name: data, mountPath: /data}]
              volumes: [{name: data, persistentVolumeClaim: {claimName: shop-data}}]
        """, """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: %1$s}
        spec:
          serviceName: db
          replicas: 1
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: registry.example/db:1}]}
        """, """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: %1$s}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: registry.example/agent:1}]}
        """, """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: standalone, namespace: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: standalone}}
          template:
            metadata: {labels: {app: standalone}}
            spec: {containers: [{name: c, image: registry.example/standalone:1}]}
        """, """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate-schema, namespace: %1$s}
        spec:
          suspend: true
          template:
            spec:
              restartPolicy: Never
              containers: [{name: c, image: registry.example/migrate:1}]
        """, """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, namespace: %1$s}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers: [{name: c, image: registry.example/report:1}]
        """, """
        apiVersion: v1
        kind: Service
        metadata: {name: shop, namespace: %1$s}
        spec:
          selector: {app: shop}
          ports: [{port: 80, targetPort: 8080}]
        """, """
        apiVersion: v1
        kind: Service
        metadata: {name: shop-public, namespace: %1$s}
        spec:
          type: NodePort
          selector: {app: shop}
          ports: [{port: 80, targetPort: 8080}]
        """, """
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: %1$s}
        spec:
          clusterIP: None
          selector: {app: db}
          ports: [{port: 5432}]
        """, """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: shop, namespace: %1$s}
        spec:
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: shop, port: {number: 80}}}
        """, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: shop-reader, namespace: %1$s}
        rules:
        - apiGroups: [""]
          resources: [configmaps]
          verbs: [get, list]
        """, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: shop-reader, namespace: %1$s}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: shop-reader}
        subjects:
        - {kind: ServiceAccount, name: shop, namespace: %1$s}
        """, """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: shop, namespace: %1$s}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop}
          minReplicas: 2
          maxReplicas: 5
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}
        """, """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: shop, namespace: %1$s}
        spec:
          minAvailable: 1
          selector: {matchLabels: {app: shop}}
        """, """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: shop, namespace: %1$s}
        spec:
          podSelector: {matchLabels: {app: db}}
          ingress:
          - from: [{podSelector: {matchLabels: {app: shop}}}]
        """, """
        apiVersion: v1
        kind: LimitRange
        metadata: {name: limits, namespace: %1$s}
        spec:
          limits:
          - type: Container
            default: {cpu: 500m, memory: 256Mi}
        """, """
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: quota, namespace: %1$s}
        spec:
          hard: {pods: "50"}
        """, """
        apiVersion: %3$s/v1
        kind: Widget
        metadata: {name: blue-widget, namespace: %1$s}
        spec: {size: 3, color: blue}
        """, """
        apiVersion: route.openshift.io/v1
        kind: Route
        metadata: {name: shop, namespace: %1$s}
        spec:
          host: shop.apps.example.com
          to: {kind: Service, name: shop, weight: 100}
        """, """
        apiVersion: image.openshift.io/v1
        kind: ImageStream
        metadata: {name: shop, namespace: %1$s}
        spec:
          tags:
          - name: latest
            from: {kind: DockerImage, name: "%2$s"}
        """, """
        apiVersion: apps.openshift.io/v1
        kind: DeploymentConfig
        metadata: {name: legacy, namespace: %1$s}
        spec:
          replicas: 1
          selector: {app: legacy}
          template:
            metadata: {labels: {app: legacy}}
            spec: {containers: [{name: legacy, image: "%2$s"}]}
        """, """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: %1$s-shop-view}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
        - {kind: ServiceAccount, name: shop, namespace: %1$s}
        """, """
        apiVersion: security.openshift.io/v1
        kind: SecurityContextConstraints
        metadata: {name: %1$s-shop-scc}
        allowPrivilegedContainer: false
        runAsUser: {type: MustRunAsRange}
        seLinuxContext: {type: MustRunAs}
        users: ["system:serviceaccount:%1$s:shop"]
        """));
    manifests.replaceAll(m -> m.formatted(ns, image, crdGroup));
    apply(client, manifests);
    client.persistentVolumeClaims().inNamespace(ns).withName("shop-data").waitUntilCondition(c -> c != null
        && c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), 90, TimeUnit.SECONDS);
    client.apps().deployments().inNamespace(ns).withName("shop").waitUntilCondition(d -> d != null
        && d.getStatus() != null && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()), 90, TimeUnit.SECONDS);
  }

  static void apply(KubernetesClient client, List<String> manifests) {
    for (String manifest : manifests) {
      HasMetadata object = Serialization.unmarshal(manifest);
      if (object instanceof GenericKubernetesResource generic) {
        client.resource(generic).create();
      } else {
        client.resource(object).create();
      }
    }
  }
}
