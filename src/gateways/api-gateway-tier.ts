import { Lazy, Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { RESTRICTED_NAMESPACE_LABELS } from './ingress-class-gateway';
import { toResourceRequirements } from '../controllers/controller-workload';
import { AppContext } from '../core/app-context';
import { checkProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { standInName } from '../core/input/stand-in';
import { LABEL_COMPONENT, LABEL_INSTANCE, LABEL_MANAGED_BY, LABEL_NAME, LABEL_PART_OF, LABEL_UNIDENTIFIED_BACKEND, MANAGED_BY } from '../core/manifest-contract';
import { checkConfigMapKey, checkDns1035Label, checkDns1123Label, checkDns1123Subdomain, checkEnvVarName, checkInteger, checkPortNumber, checkRequired, checkWholeMebibytes } from '../core/validation';
import { aggregateFlows, egressRule } from '../network/egress-flows';
import { dnsEgressRule, namespacePeer, tcp } from '../network/peers';
import { RouteBackend } from '../routing/route-backend';
import { RuleEngine } from '../rules/engine';

/** An environment variable read from a Secret key; the value never appears in the manifests. */
export interface SecretEnvVar {
  /** Name of the environment variable. */
  readonly name: string;
  /** Name of the Secret, in the tier's namespace. */
  readonly secretName: string;
  /** Key in the Secret. */
  readonly key: string;
}

/** Props of an `ApiGatewayTier`. */
export interface ApiGatewayTierProps {
  /** Name of the tier's Deployment, Service, ServiceAccount, PodDisruptionBudget, HorizontalPodAutoscaler and NetworkPolicy. */
  readonly name: string;
  /** Namespace of the tier. */
  readonly namespace: string;
  /**
   * Create the namespace (with Pod Security Admission `restricted` labels). Set false when it already exists.
   * @default true
   */
  readonly createNamespace?: boolean;
  /** The API gateway image, pinned by tag (and ideally digest); an unpinned or `latest` image fails synth (CG-POD-003). */
  readonly image: string;
  /**
   * Container arguments.
   * @default - the image's own
   */
  readonly args?: string[];
  /**
   * The container port that serves proxied API traffic.
   * @default 8080
   */
  readonly proxyPort?: number;
  /**
   * The Service port the edge routes to.
   * @default 80
   */
  readonly servicePort?: number;
  /**
   * HTTP path of the readiness and liveness probes.
   * @default - TCP probes of the proxy port
   */
  readonly healthCheckPath?: string;
  /**
   * Container port of the health endpoint (for example Kong's status listener).
   * @default - the proxy port
   */
  readonly healthCheckPort?: number;
  /**
   * Plain configuration values. Names that look like credentials (password, secret, token, API key, private key,
   * credential) are rejected: put those in `secretEnv`.
   * @default - none
   */
  readonly env?: { [name: string]: string };
  /**
   * Environment variables read from Secret keys.
   * @default - none
   */
  readonly secretEnv?: SecretEnvVar[];
  /**
   * Container requests and limits.
   * @default - 250m CPU and 256 MiB requested, 1 GiB memory limit
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * Minimum replicas (the autoscaler minimum); at least 2.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * Maximum replicas for the autoscaler.
   * @default 10
   */
  readonly maxReplicas?: number;
  /**
   * User the container runs as (non-root).
   * @default 65532
   */
  readonly runAsUser?: number;
  /**
   * Keep the root filesystem read-only (`/tmp` is an emptyDir either way).
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * The upstream services the API gateway routes to. Its egress NetworkPolicy admits exactly these (their pods on
   * their target ports) plus cluster DNS; upstreams in isolated namespaces (`NetworkIsolation`) get a policy admitting
   * the tier. Each needs known pods and target port (`RouteBackend.fromService`, or `fromServiceName` with `podLabels`
   * and `targetPort`).
   */
  readonly upstreams: RouteBackend[];
}

const CREDENTIAL_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/**
 * A dedicated API gateway tier (an API management gateway such as APIPark or Kong) behind an edge class:
 * ServiceAccount (no API token), Deployment (Pod Security `restricted`, probes, spread over nodes and zones),
 * ClusterIP Service, PodDisruptionBudget, HorizontalPodAutoscaler (minimum 2) and a NetworkPolicy.
 *
 * The tier's namespace is declared isolated (`NetworkIsolation`), so the pods admit only what a policy allows: the
 * controllers of the gateways whose routes reach it (a route through an edge gets its allowance automatically, on
 * the proxy port only). The tier itself may reach only its `upstreams` and cluster DNS. Create the tier before the
 * routes to it. Route to it with `backend`.
 */
export class ApiGatewayTier extends Construct {
  /** Namespace of the tier. */
  public readonly namespace: string;
  /** Name of the tier's objects. */
  public readonly name: string;
  /** Labels that select the tier's pods. */
  public readonly podLabels: { [key: string]: string };
  /** The tier's Service, as a route backend. */
  public readonly backend: RouteBackend;
  /** The upstream services the tier may reach. */
  public readonly upstreams: RouteBackend[];

  constructor(scope: Construct, id: string, props: ApiGatewayTierProps) {
    super(scope, id);
    RuleEngine.of(this);
    // Rejected names are replaced by valid stand-ins, so each is reported once, not on every object of the tier.
    const name = checkProp(this, 'name', props.name, checkDns1035Label, 'name (of the tier\'s Service and objects)') ? props.name : standInName(props.name);
    const namespace = checkProp(this, 'namespace', props.namespace, checkDns1123Label, 'namespace') ? props.namespace : standInName(props.namespace);
    // A missing image tag (or image) is CG-POD-003's finding on the Deployment.
    checkProp(this, 'healthCheckPath', props.healthCheckPath, checkRequired, 'healthCheckPath (an HTTP GET path)');
    const resources = checkTierResources(this, props.resources);
    let replicas = props.replicas ?? 2;
    if (!Number.isInteger(replicas) || replicas < 2) {
      rejectInput(this, 'replicas', replicas, 'replicas must be a whole number of at least 2, so one pod can be disrupted');
      replicas = 2;
    }
    let maxReplicas = props.maxReplicas ?? 10;
    if (!checkProp(this, 'maxReplicas', props.maxReplicas, (v) => checkInteger(v, { min: 1 }), 'maxReplicas')) maxReplicas = 10;
    if (props.maxReplicas !== undefined && maxReplicas < replicas) {
      rejectInput(this, 'maxReplicas', props.maxReplicas, `maxReplicas must be at least replicas (${replicas}): the autoscaler maximum can not be below its minimum`);
      maxReplicas = replicas;
    }
    const portOf = (field: 'proxyPort' | 'servicePort' | 'healthCheckPort', fallback: number) =>
      (checkProp(this, field, props[field], checkPortNumber, 'port') ? props[field] : undefined) ?? fallback;
    const runAsUser = checkProp(this, 'runAsUser', props.runAsUser, (v) => checkInteger(v, { min: 1 }), 'runAsUser (a non-root UID)') ? props.runAsUser : undefined;
    const secretEnv = (props.secretEnv ?? []).filter((e, i) => [
      checkProp(this, `secretEnv[${i}].name`, e.name, checkEnvVarName, 'environment variable name'),
      checkProp(this, `secretEnv[${i}].secretName`, e.secretName, checkDns1123Subdomain, 'Secret name'),
      checkProp(this, `secretEnv[${i}].key`, e.key, checkConfigMapKey, 'Secret key'),
    ].every(Boolean));
    if (props.upstreams.length === 0) {
      rejectInput(this, 'upstreams', props.upstreams, 'declare the upstream services the tier routes to; its NetworkPolicy admits only those');
    }
    // Credentials are left out of the manifests: the finding fails synth anyway.
    const env: { [key: string]: string } = {};
    for (const [key, value] of Object.entries(props.env ?? {})) {
      if (!checkProp(this, `env.${key}`, key, checkEnvVarName, 'environment variable name')) continue;
      if (CREDENTIAL_NAME.test(key)) {
        rejectInput(this, `env.${key}`, '(redacted)', 'looks like a credential; read it from a Secret with secretEnv instead of writing it into the manifests');
      } else {
        env[key] = value;
      }
    }
    const proxyPort = portOf('proxyPort', 8080);
    const servicePort = portOf('servicePort', 80);
    const healthPort = portOf('healthCheckPort', proxyPort);
    this.name = name;
    this.namespace = namespace;
    this.upstreams = [...props.upstreams];
    this.podLabels = { [LABEL_NAME]: 'api-gateway', [LABEL_INSTANCE]: name, [LABEL_COMPONENT]: 'api-gateway' };
    const labels = { ...this.podLabels, [LABEL_PART_OF]: 'cdk8s-gateways', [LABEL_MANAGED_BY]: MANAGED_BY };
    const metadata = { name, namespace, labels };
    AppContext.of(this).declareIsolatedNamespace(namespace);

    if (props.createNamespace ?? true) {
      new k8s.KubeNamespace(this, 'Namespace', { metadata: { name: namespace, labels: { ...RESTRICTED_NAMESPACE_LABELS, [LABEL_MANAGED_BY]: MANAGED_BY } } });
    }
    new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata, automountServiceAccountToken: false });

    const probe = (failureThreshold: number): k8s.Probe => ({
      ...(props.healthCheckPath !== undefined
        ? { httpGet: { path: props.healthCheckPath, port: k8s.IntOrString.fromNumber(healthPort), scheme: 'HTTP' } }
        : { tcpSocket: { port: k8s.IntOrString.fromNumber(healthPort) } }),
      initialDelaySeconds: 5,
      periodSeconds: 10,
      timeoutSeconds: 2,
      successThreshold: 1,
      failureThreshold,
    });
    const ports = [{ name: 'proxy', containerPort: proxyPort, protocol: 'TCP' }];
    if (healthPort !== proxyPort) ports.push({ name: 'health', containerPort: healthPort, protocol: 'TCP' });
    const spread = (topologyKey: string): k8s.TopologySpreadConstraint =>
      ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: this.podLabels } });

    new k8s.KubeDeployment(this, 'Deployment', {
      metadata,
      spec: {
        // No spec.replicas: the HorizontalPodAutoscaler owns the count.
        selector: { matchLabels: this.podLabels },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: k8s.IntOrString.fromNumber(0), maxSurge: k8s.IntOrString.fromNumber(1) } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: name,
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: runAsUser ?? 65532, runAsGroup: runAsUser ?? 65532, seccompProfile: { type: 'RuntimeDefault' } },
            topologySpreadConstraints: [spread('topology.kubernetes.io/zone'), spread('kubernetes.io/hostname')],
            containers: [{
              name: 'api-gateway',
              image: props.image,
              imagePullPolicy: 'IfNotPresent',
              args: props.args,
              ports,
              env: [
                ...Object.entries(env).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => ({ name: key, value })),
                ...secretEnv.map((e) => ({ name: e.name, valueFrom: { secretKeyRef: { name: e.secretName, key: e.key } } })),
              ],
              readinessProbe: probe(3),
              livenessProbe: probe(5),
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
                runAsNonRoot: true,
              },
              resources: toResourceRequirements(resources ?? {
                cpu: { request: kplus.Cpu.millis(250) },
                memory: { request: Size.mebibytes(256), limit: Size.gibibytes(1) },
              }),
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            }],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    });

    new k8s.KubeService(this, 'Service', {
      metadata,
      spec: {
        type: 'ClusterIP',
        selector: this.podLabels,
        ports: [{ name: 'http', port: servicePort, targetPort: k8s.IntOrString.fromNumber(proxyPort), protocol: 'TCP' }],
      },
    });
    new k8s.KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
      metadata,
      spec: { maxUnavailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: this.podLabels } },
    });
    new k8s.KubeHorizontalPodAutoscalerV2(this, 'HorizontalPodAutoscaler', {
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: replicas,
        maxReplicas,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }],
      },
    });

    // Isolates the tier's pods both ways: no ingress but what other policies admit (the edge's allowance), egress to upstreams and DNS only.
    new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
      metadata,
      spec: {
        podSelector: { matchLabels: this.podLabels },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: Lazy.any({
          produce: () => [
            ...aggregateFlows(this.upstreams.map((upstream) => this.resolved(upstream))).map(egressRule),
            dnsEgressRule(),
          ],
        }),
      },
    });
    this.backend = RouteBackend.fromServiceName(name, { namespace, port: servicePort, podLabels: this.podLabels, targetPort: proxyPort });

    // Upstreams in isolated namespaces admit the tier on their target ports. At synth, so the upstream namespaces
    // may be declared isolated after the tier.
    const admitted = new Set<string>();
    const context = AppContext.of(this);
    context.onRender(() => props.upstreams.forEach((upstream, i) => {
      const upstreamNamespace = upstream.namespace ?? namespace;
      const key = `${upstreamNamespace}/${upstream.serviceName}`;
      if (admitted.has(key) || !context.isIsolated(upstreamNamespace)) return;
      admitted.add(key);
      new k8s.KubeNetworkPolicy(this, `UpstreamAllowance${i}`, {
        metadata: { name: `allow-${name}-to-${upstream.serviceName}`, namespace: upstreamNamespace, labels },
        spec: {
          podSelector: Lazy.any({ produce: () => ({ matchLabels: this.resolved(upstream).podLabels }) }),
          policyTypes: ['Ingress'],
          ingress: [{ from: [namespacePeer(namespace, this.podLabels)], ports: Lazy.any({ produce: () => [tcp(this.resolved(upstream).port)] }) }],
        },
      });
    }));
  }

  private resolved(upstream: RouteBackend): { namespace: string; podLabels: { [key: string]: string }; port: number } {
    const podLabels = upstream.podLabels;
    const port = upstream.targetPort;
    if (!podLabels || port === undefined) {
      const what = podLabels ? 'target port' : 'pods';
      rejectInput(this, 'upstreams', upstream.serviceName, `the ${what} of upstream Service "${upstream.serviceName}" can not be identified, `
        + 'so no NetworkPolicy can admit exactly it. Use RouteBackend.fromService, or fromServiceName(name, { podLabels, targetPort })');
      // A selector that matches nothing keeps the policy closed while the finding fails the synth.
      return { namespace: upstream.namespace ?? this.namespace, podLabels: { [LABEL_UNIDENTIFIED_BACKEND]: 'true' }, port: port ?? 1 };
    }
    return { namespace: upstream.namespace ?? this.namespace, podLabels, port };
  }
}

/** Memory in fractions of a mebibyte can not be written as the Mi quantities of the Deployment; such resources are reported and the defaults used. */
function checkTierResources(scope: Construct, resources: kplus.ContainerResources | undefined): kplus.ContainerResources | undefined {
  const memory = resources?.memory;
  const valid = [
    checkProp(scope, 'resources.memory.request', memory?.request?.toKibibytes({ rounding: SizeRoundingBehavior.NONE }), (kib) => checkWholeMebibytes(kib / 1024), 'memory request'),
    checkProp(scope, 'resources.memory.limit', memory?.limit?.toKibibytes({ rounding: SizeRoundingBehavior.NONE }), (kib) => checkWholeMebibytes(kib / 1024), 'memory limit'),
  ].every(Boolean);
  return valid ? resources : undefined;
}
