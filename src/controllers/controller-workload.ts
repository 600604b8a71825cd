import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ControllerDeployOptions, ControllerMetricsEndpoints } from './controller-profile';
import { LABEL_COMPONENT, LABEL_INGRESS_CLASS, LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME, LABEL_PART_OF, LABEL_VERSION, MANAGED_BY } from '../core/manifest-contract';
import { checkLabelValue } from '../core/validation';
import { ControllerNetworkPolicy } from '../network/controller-network-policy';

/** The prefix of the controller's object names: `instanceName`, or the class name when the gateway gives none. */
export function instanceNameOf(options: ControllerDeployOptions): string {
  return options.instanceName ?? options.className;
}

/**
 * The name of a controller's Deployment, Service and ServiceAccount: `<instance>-controller`. The one place that
 * spells it; everything else reads the names the deployment reports.
 */
export function controllerObjectName(instanceName: string): string {
  return `${instanceName}-controller`;
}

/** A named port of the controller container, and how the Service exposes it. */
export interface ControllerPort {
  readonly name: string;
  readonly containerPort: number;
  /** Port on the client-facing Service; omitted for ports that are not served to clients. */
  readonly servicePort?: number;
  readonly appProtocol?: string;
}

/** Everything that differs between self-hosted controllers; the shape of the objects is shared. */
export interface ControllerWorkloadSpec {
  /** `app.kubernetes.io/name`, for example `ingress-nginx`. */
  readonly appName: string;
  readonly image: string;
  readonly version: string;
  readonly args: string[];
  readonly env?: k8s.EnvVar[];
  readonly ports: ControllerPort[];
  /** Port that serves Prometheus metrics; gets its own ClusterIP Service. */
  readonly metricsPort: ControllerPort;
  /**
   * Further metrics ports (a controller's own metrics next to its proxy's): also on the metrics Service, and admitted
   * from the monitoring namespace.
   */
  readonly additionalMetricsPorts?: ControllerPort[];
  /** Port of the controller's admission webhook, if it runs one; only the API server may reach it. */
  readonly webhookPort?: ControllerPort;
  readonly livenessProbe: k8s.Probe;
  readonly readinessProbe: k8s.Probe;
  readonly startupProbe?: k8s.Probe;
  readonly lifecycle?: k8s.Lifecycle;
  readonly terminationGracePeriodSeconds: number;
  readonly containerSecurityContext: k8s.SecurityContext;
  readonly podSecurityContext: k8s.PodSecurityContext;
  readonly volumes?: k8s.Volume[];
  readonly volumeMounts?: k8s.VolumeMount[];
  readonly defaultResources: kplus.ContainerResources;
  readonly clusterRules: k8s.PolicyRule[];
  readonly namespaceRules: k8s.PolicyRule[];
}

/**
 * The objects every self-hosted controller needs: ServiceAccount, RBAC, Deployment, client Service,
 * metrics Service, PodDisruptionBudget and HorizontalPodAutoscaler.
 */
export class ControllerWorkload extends Construct {
  /** Labels on every object of this controller. */
  public readonly labels: { [key: string]: string };
  /** Labels that select the controller pods (a subset of `labels`). */
  public readonly selectorLabels: { [key: string]: string };
  public readonly deploymentName: string;
  public readonly serviceName: string;
  public readonly serviceAccountName: string;
  /** The NetworkPolicy selecting the controller pods (ingress and egress). */
  public readonly networkPolicy: ControllerNetworkPolicy;
  /** The metrics Service and its ports, for ServiceMonitors. */
  public readonly metrics: ControllerMetricsEndpoints;

  constructor(scope: Construct, id: string, options: ControllerDeployOptions, spec: ControllerWorkloadSpec) {
    super(scope, id);
    const namespace = options.namespace;
    const instance = instanceNameOf(options);
    const name = controllerObjectName(instance);
    this.deploymentName = name;
    this.serviceName = name;
    this.serviceAccountName = name;
    this.selectorLabels = {
      [LABEL_NAME]: spec.appName,
      [LABEL_INSTANCE]: instance,
      [LABEL_COMPONENT]: 'controller',
    };
    this.labels = {
      ...this.selectorLabels,
      [LABEL_VERSION]: spec.version,
      [LABEL_PART_OF]: 'cdk8s-gateways',
      [LABEL_MANAGED_BY]: MANAGED_BY,
      [LABEL_INGRESS_CLASS]: checkLabelValue(options.className) === undefined ? options.className : instance,
    };
    const metadata = (objectName: string, extra: Partial<k8s.ObjectMeta> = {}): k8s.ObjectMeta =>
      ({ name: objectName, namespace, labels: this.labels, ...extra });
    const clusterMetadata = (objectName: string): k8s.ObjectMeta => ({ name: objectName, labels: this.labels });

    // The token is mounted only into the controller pod, which needs the API; nothing else using this account gets one.
    new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: metadata(name), automountServiceAccountToken: false });

    const clusterRoleName = `${instance}-ingress-controller`;
    const subjects: k8s.Subject[] = [{ kind: 'ServiceAccount', name, namespace }];
    new k8s.KubeClusterRole(this, 'ClusterRole', { metadata: clusterMetadata(clusterRoleName), rules: spec.clusterRules });
    new k8s.KubeClusterRoleBinding(this, 'ClusterRoleBinding', {
      metadata: clusterMetadata(clusterRoleName),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRoleName },
      subjects,
    });
    if (spec.namespaceRules.length > 0) {
      new k8s.KubeRole(this, 'Role', { metadata: metadata(name), rules: spec.namespaceRules });
      new k8s.KubeRoleBinding(this, 'RoleBinding', {
        metadata: metadata(name),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects,
      });
    }

    const resources = options.resources ?? spec.defaultResources;
    const metricsPorts = [spec.metricsPort, ...(spec.additionalMetricsPorts ?? [])];
    const allPorts = [...spec.ports, ...metricsPorts, ...(spec.webhookPort ? [spec.webhookPort] : [])];
    new k8s.KubeDeployment(this, 'Deployment', {
      metadata: metadata(name),
      spec: {
        // No spec.replicas: the HorizontalPodAutoscaler owns the count, and a fixed value would fight it on every sync.
        selector: { matchLabels: this.selectorLabels },
        revisionHistoryLimit: 10,
        minReadySeconds: 0,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(0), maxSurge: k8s.IntOrString.fromNumber(1) } },
        template: {
          metadata: { labels: this.labels },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: true,
            terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            securityContext: spec.podSecurityContext,
            affinity: {
              podAntiAffinity: {
                preferredDuringSchedulingIgnoredDuringExecution: [{
                  weight: 100,
                  podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: this.selectorLabels } },
                }],
              },
            },
            topologySpreadConstraints: [
              { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: this.selectorLabels } },
              { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: this.selectorLabels } },
            ],
            containers: [{
              name: 'controller',
              image: spec.image,
              imagePullPolicy: 'IfNotPresent',
              args: spec.args,
              env: spec.env,
              ports: allPorts.map((p) => ({ name: p.name, containerPort: p.containerPort, protocol: 'TCP' })),
              livenessProbe: spec.livenessProbe,
              readinessProbe: spec.readinessProbe,
              startupProbe: spec.startupProbe,
              lifecycle: spec.lifecycle,
              securityContext: spec.containerSecurityContext,
              resources: toResourceRequirements(resources),
              volumeMounts: spec.volumeMounts,
            }],
            volumes: spec.volumes,
          },
        },
      },
    });

    const exposure = options.exposure;
    const isLoadBalancer = exposure.serviceType === 'LoadBalancer';
    const annotations = exposure.annotations;
    new k8s.KubeService(this, 'Service', {
      metadata: metadata(name, Object.keys(annotations).length ? { annotations } : {}),
      spec: {
        type: exposure.serviceType,
        // Local keeps the client source address and avoids a second hop; the load balancer health-checks each node.
        externalTrafficPolicy: isLoadBalancer ? 'Local' : undefined,
        loadBalancerSourceRanges: isLoadBalancer ? exposure.sourceRanges : undefined,
        loadBalancerClass: isLoadBalancer ? exposure.loadBalancerClass : undefined,
        selector: this.selectorLabels,
        ports: spec.ports.filter((p) => p.servicePort !== undefined).map((p) => ({
          name: p.name, port: p.servicePort!, targetPort: k8s.IntOrString.fromString(p.name), protocol: 'TCP', appProtocol: p.appProtocol,
        })),
      },
    });

    new k8s.KubeService(this, 'MetricsService', {
      metadata: metadata(`${name}-metrics`),
      spec: {
        type: 'ClusterIP',
        selector: this.selectorLabels,
        ports: metricsPorts.map((p) => ({ name: p.name, port: p.containerPort, targetPort: k8s.IntOrString.fromString(p.name), protocol: 'TCP' })),
      },
    });
    this.metrics = { serviceName: `${name}-metrics`, serviceLabels: this.labels, portNames: metricsPorts.map((p) => p.name) };

    new k8s.KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
      metadata: metadata(name),
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: this.selectorLabels } },
    });

    new k8s.KubeHorizontalPodAutoscalerV2(this, 'HorizontalPodAutoscaler', {
      metadata: metadata(name),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: options.replicas,
        maxReplicas: Math.max(options.maxReplicas, options.replicas),
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }],
      },
    });

    // Every controller pod is isolated for ingress and egress; see ControllerNetworkPolicy for what it admits.
    this.networkPolicy = new ControllerNetworkPolicy(this, 'NetworkPolicy', {
      name,
      namespace,
      labels: this.labels,
      className: options.className,
      podLabels: this.selectorLabels,
      clientPorts: spec.ports.filter((p) => p.servicePort !== undefined).map((p) => p.containerPort),
      metricsPort: spec.metricsPort.containerPort,
      additionalMetricsPorts: spec.additionalMetricsPorts?.map((p) => p.containerPort),
      webhookPort: spec.webhookPort?.containerPort,
      exposure: options.exposure,
      network: options.network,
    });
  }
}

/** cdk8s-plus resource amounts as the core API's requests and limits. */
export function toResourceRequirements(resources: kplus.ContainerResources): k8s.ResourceRequirements {
  const requests: { [key: string]: k8s.Quantity } = {};
  const limits: { [key: string]: k8s.Quantity } = {};
  if (resources.cpu?.request) requests.cpu = k8s.Quantity.fromString(resources.cpu.request.amount);
  if (resources.memory?.request) requests.memory = k8s.Quantity.fromString(`${resources.memory.request.toMebibytes()}Mi`);
  if (resources.cpu?.limit) limits.cpu = k8s.Quantity.fromString(resources.cpu.limit.amount);
  if (resources.memory?.limit) limits.memory = k8s.Quantity.fromString(`${resources.memory.limit.toMebibytes()}Mi`);
  return {
    requests: Object.keys(requests).length ? requests : undefined,
    limits: Object.keys(limits).length ? limits : undefined,
  };
}

/** Timing of an HTTP probe; the rest (HTTP scheme, one success) is the same for every controller. */
export interface ProbeTiming {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
}

/** An HTTP GET probe on a container port, with the upstream timing of each controller. */
export function httpGetProbe(path: string, port: number, timing: ProbeTiming): k8s.Probe {
  return {
    httpGet: { path, port: k8s.IntOrString.fromNumber(port), scheme: 'HTTP' },
    initialDelaySeconds: timing.initialDelaySeconds,
    periodSeconds: timing.periodSeconds,
    timeoutSeconds: timing.timeoutSeconds,
    successThreshold: 1,
    failureThreshold: timing.failureThreshold,
  };
}

/** ConfigMap data in key order, so the output does not depend on the order options were set. */
export function sortKeys(data: { [key: string]: string }): { [key: string]: string } {
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
}
