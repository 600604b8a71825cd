/**
 * Builders for small, valid, plain Kubernetes manifests, and a helper that runs the whole rule
 * catalogue over them the way `lint` does.
 *
 * Every builder returns a fresh object that passes the Kubernetes 1.28 / CRD schema and, with its
 * defaults, triggers no rule. Options change the common fields; `override` deep-merges anything else
 * into the result (arrays are replaced, and an `undefined` value removes the key), so a test can break
 * exactly one thing:
 *
 *   deployment({ containerSecurityContext: { allowPrivilegeEscalation: undefined } })
 */
import { ALL_RULES } from '../../src/rules/catalogue';
import { evaluate } from '../../src/rules/evaluate';
import { Finding } from '../../src/rules/finding';
import { ClusterModel, ManifestObject } from '../../src/rules/model';
import { RuleReport } from '../../src/rules/report';
import { assertValidManifests } from '../schema-validator';

export type Manifest = Record<string, any>;
export type Labels = Record<string, string>;

/** Deep-merges `patch` into a copy of `base`: objects merge, arrays and scalars replace, `undefined` deletes. */
export function merge<T>(base: T, patch: any): T {
  if (patch === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(patch)) return clone(patch);
  const out: any = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete out[key];
    else out[key] = key in out ? merge(out[key], value) : clone(value);
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as any;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clone(v)])) as any;
  }
  return value;
}

interface CommonOptions {
  readonly name?: string;
  /** Omitted from the manifest when undefined (the model then assumes `default`). */
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly annotations?: Record<string, string>;
  /** Deep-merged into the finished manifest. */
  readonly override?: any;
}

function metadata(name: string, opts: CommonOptions): Manifest {
  return clone({
    name,
    namespace: opts.namespace,
    labels: opts.labels,
    annotations: opts.annotations,
  });
}

function finish(obj: Manifest, opts: CommonOptions): Manifest {
  return merge(obj, opts.override);
}

// ---------------------------------------------------------------------------------------------- workloads

/** A pinned image from a registry; tag and digest untouched by the rules. */
export const PINNED_IMAGE = 'registry.example.com/team/web:1.4.2';
/** The ingress-nginx controller image (retired upstream: fires CG-CONTROLLER-003). */
export const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.11.3';
/** The Traefik image: a known, still maintained controller. */
export const TRAEFIK_IMAGE = 'docker.io/library/traefik:v3.1.4';

export const RESTRICTED_POD_SECURITY_CONTEXT = {
  runAsNonRoot: true,
  runAsUser: 10001,
  runAsGroup: 10001,
  seccompProfile: { type: 'RuntimeDefault' },
};

export const RESTRICTED_CONTAINER_SECURITY_CONTEXT = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
};

export const DEFAULT_RESOURCES = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { memory: '256Mi' },
};

export interface DeploymentOptions extends CommonOptions {
  /** @default 2 */
  readonly replicas?: number;
  /** Pod template labels, also the selector. @default { app: name } */
  readonly podLabels?: Labels;
  /** @default PINNED_IMAGE */
  readonly image?: string;
  /** @default [{ name: 'http', containerPort: 8080 }] */
  readonly ports?: any[];
  readonly args?: string[];
  /** Deep-merged into `containers[0]`. */
  readonly container?: any;
  /** Deep-merged into `containers[0].securityContext`. */
  readonly containerSecurityContext?: any;
  /** Deep-merged into the pod `securityContext`. */
  readonly podSecurityContext?: any;
  /** Deep-merged into the pod spec. */
  readonly podSpec?: any;
  /** Extra containers after the first (not merged with anything). */
  readonly extraContainers?: any[];
  readonly initContainers?: any[];
}

/** A container that satisfies every workload rule. */
export function container(name: string, opts: { image?: string; ports?: any[]; args?: string[]; override?: any } = {}): Manifest {
  return merge({
    name,
    image: opts.image ?? PINNED_IMAGE,
    args: opts.args,
    ports: opts.ports ?? [{ name: 'http', containerPort: 8080 }],
    resources: clone(DEFAULT_RESOURCES),
    securityContext: clone(RESTRICTED_CONTAINER_SECURITY_CONTEXT),
  }, opts.override);
}

function podSpec(name: string, opts: DeploymentOptions): Manifest {
  let first = merge(container(name, { image: opts.image, ports: opts.ports, args: opts.args }), opts.container);
  if (opts.containerSecurityContext !== undefined) first = merge(first, { securityContext: opts.containerSecurityContext });
  return merge(clone({
    securityContext: merge(clone(RESTRICTED_POD_SECURITY_CONTEXT), opts.podSecurityContext),
    initContainers: opts.initContainers,
    containers: [first, ...(opts.extraContainers ?? [])],
  }), opts.podSpec);
}

/** A compliant Deployment: 2 replicas, restricted security context, resources, pinned image, port `http` 8080. */
export function deployment(opts: DeploymentOptions = {}): Manifest {
  const name = opts.name ?? 'web';
  const podLabels = opts.podLabels ?? { app: name };
  return finish({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(name, opts),
    spec: {
      replicas: opts.replicas ?? 2,
      selector: { matchLabels: { ...podLabels } },
      template: {
        metadata: { labels: { ...podLabels } },
        spec: podSpec(name, opts),
      },
    },
  }, opts);
}

/** A compliant bare Pod. */
export function pod(opts: Omit<DeploymentOptions, 'replicas'> = {}): Manifest {
  const name = opts.name ?? 'web';
  return finish({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...metadata(name, opts), labels: opts.podLabels ?? opts.labels ?? { app: name } },
    spec: podSpec(name, opts),
  }, opts);
}

export interface ControllerOptions extends DeploymentOptions {
  /** IngressClass the controller serves, written as the gateways.cdk8s.io/ingress-class label. @default 'nginx' */
  readonly className?: string;
}

/**
 * An ingress controller Deployment the rules recognize: namespace `ingress-system`, 2 replicas, pod labels
 * `app.kubernetes.io/name` + `gateways.cdk8s.io/ingress-class`. The default image is Traefik (a maintained
 * controller); pass INGRESS_NGINX_IMAGE for ingress-nginx.
 */
export function controllerDeployment(opts: ControllerOptions = {}): Manifest {
  const className = opts.className ?? 'nginx';
  return deployment({
    name: 'ingress-controller',
    namespace: 'ingress-system',
    image: TRAEFIK_IMAGE,
    podLabels: { 'app.kubernetes.io/name': 'ingress-controller', 'gateways.cdk8s.io/ingress-class': className },
    ports: [{ name: 'web', containerPort: 8000 }, { name: 'websecure', containerPort: 8443 }],
    ...opts,
  });
}

export interface ServiceOptions extends CommonOptions {
  /** @default { app: name } */
  readonly selector?: Labels;
  /** @default [{ name: 'http', port: 80, targetPort: 'http' }] */
  readonly ports?: any[];
  readonly type?: string;
}

/** A ClusterIP Service whose port `http` 80 targets the container port named `http` (8080 in `deployment()`). */
export function service(opts: ServiceOptions = {}): Manifest {
  const name = opts.name ?? 'web';
  return finish({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(name, opts),
    spec: clone({
      type: opts.type,
      selector: opts.selector ?? { app: name },
      ports: opts.ports ?? [{ name: 'http', port: 80, targetPort: 'http' }],
    }),
  }, opts);
}

// ---------------------------------------------------------------------------------------------- ingress

export interface IngressPath {
  readonly path?: string;
  /** @default 'Prefix' */
  readonly pathType?: string;
  /** @default 'web' */
  readonly service?: string;
  /** A number becomes port.number, a string port.name. @default 80 */
  readonly port?: number | string;
}

export interface IngressOptions extends CommonOptions {
  /** spec.ingressClassName; `null` leaves it out. @default 'nginx' */
  readonly className?: string | null;
  /** Host of the single rule; `null` for a rule without host. @default 'app.example.com' */
  readonly host?: string | null;
  /** Paths of the single rule. @default [{ path: '/', pathType: 'Prefix', service: 'web', port: 80 }] */
  readonly paths?: IngressPath[];
  /** Replaces spec.rules entirely. */
  readonly rules?: any[];
  readonly tls?: any[];
  readonly defaultBackend?: any;
}

/** The `backend` of an Ingress path: `port` as number → port.number, as string → port.name. */
export function backend(serviceName = 'web', port: number | string = 80): Manifest {
  return { service: { name: serviceName, port: typeof port === 'number' ? { number: port } : { name: port } } };
}

/** An Ingress on class `nginx` routing app.example.com/ (Prefix) to Service web:80. */
export function ingress(opts: IngressOptions = {}): Manifest {
  const name = opts.name ?? 'web';
  const paths = (opts.paths ?? [{}]).map((p) => ({
    path: p.path ?? '/',
    pathType: p.pathType ?? 'Prefix',
    backend: backend(p.service ?? 'web', p.port ?? 80),
  }));
  const host = opts.host === null ? undefined : opts.host ?? 'app.example.com';
  return finish({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: metadata(name, opts),
    spec: clone({
      ingressClassName: opts.className === null ? undefined : opts.className ?? 'nginx',
      defaultBackend: opts.defaultBackend,
      tls: opts.tls,
      rules: opts.rules ?? [{ host, http: { paths } }],
    }),
  }, opts);
}

export interface IngressClassOptions extends CommonOptions {
  /** @default 'k8s.io/ingress-nginx' */
  readonly controller?: string;
  readonly isDefault?: boolean;
  readonly parameters?: any;
}

/** IngressClass `nginx` with controller `k8s.io/ingress-nginx`. */
export function ingressClass(opts: IngressClassOptions = {}): Manifest {
  const name = opts.name ?? 'nginx';
  const annotations = { ...(opts.annotations ?? {}), ...(opts.isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {}) };
  return finish({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: metadata(name, { ...opts, namespace: undefined, annotations: Object.keys(annotations).length ? annotations : undefined }),
    spec: clone({ controller: opts.controller ?? 'k8s.io/ingress-nginx', parameters: opts.parameters }),
  }, opts);
}

// ---------------------------------------------------------------------------------------------- availability

export interface PdbOptions extends CommonOptions {
  /** matchLabels of the selector. @default { app: 'web' } */
  readonly selector?: Labels;
  /** @default 1 */
  readonly minAvailable?: number | string;
}

export function pdb(opts: PdbOptions = {}): Manifest {
  const name = opts.name ?? 'web';
  return finish({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadata(name, opts),
    spec: { minAvailable: opts.minAvailable ?? 1, selector: { matchLabels: { ...(opts.selector ?? { app: 'web' }) } } },
  }, opts);
}

export interface HpaOptions extends CommonOptions {
  /** Target Deployment name. @default 'web' */
  readonly target?: string;
  readonly targetKind?: string;
  /** `null` leaves minReplicas out (the API default is 1). @default 2 */
  readonly minReplicas?: number | null;
  /** @default 5 */
  readonly maxReplicas?: number;
}

export function hpa(opts: HpaOptions = {}): Manifest {
  const name = opts.name ?? opts.target ?? 'web';
  return finish({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadata(name, opts),
    spec: clone({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: opts.targetKind ?? 'Deployment', name: opts.target ?? 'web' },
      minReplicas: opts.minReplicas === null ? undefined : opts.minReplicas ?? 2,
      maxReplicas: opts.maxReplicas ?? 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
    }),
  }, opts);
}

// ---------------------------------------------------------------------------------------------- network

export interface NetworkPolicyOptions extends CommonOptions {
  /** @default {} (every pod of the namespace) */
  readonly podSelector?: any;
  /** @default ['Ingress'] */
  readonly policyTypes?: string[];
  /** Ingress rules. @default [] (deny all ingress) */
  readonly ingress?: any[];
  readonly egress?: any[];
}

/** A NetworkPolicy; with its defaults, a default-deny of all ingress to every pod of the namespace. */
export function networkPolicy(opts: NetworkPolicyOptions = {}): Manifest {
  const name = opts.name ?? 'default-deny';
  return finish({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(name, opts),
    spec: clone({
      podSelector: opts.podSelector ?? {},
      policyTypes: opts.policyTypes ?? ['Ingress'],
      ingress: opts.ingress ?? [],
      egress: opts.egress,
    }),
  }, opts);
}

// ---------------------------------------------------------------------------------------------- config

export function configMap(opts: CommonOptions & { data?: Record<string, string> } = {}): Manifest {
  const name = opts.name ?? 'config';
  return finish({ apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(name, opts), data: { ...(opts.data ?? {}) } }, opts);
}

export function namespace(opts: Omit<CommonOptions, 'namespace'> = {}): Manifest {
  const name = opts.name ?? 'apps';
  return finish({ apiVersion: 'v1', kind: 'Namespace', metadata: metadata(name, opts) }, opts);
}

/** A `kubernetes.io/tls` Secret (placeholder PEM data, base64). */
export function secret(opts: CommonOptions & { type?: string; data?: Record<string, string> } = {}): Manifest {
  const name = opts.name ?? 'web-tls';
  return finish({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: metadata(name, opts),
    type: opts.type ?? 'kubernetes.io/tls',
    data: opts.data ?? { 'tls.crt': 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t', 'tls.key': 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t' },
  }, opts);
}

export interface CertificateOptions extends CommonOptions {
  /** @default 'web-tls' */
  readonly secretName?: string;
  /** @default ['app.example.com'] */
  readonly dnsNames?: string[];
  /** @default { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' } */
  readonly issuerRef?: any;
}

/** A cert-manager.io/v1 Certificate writing secret `web-tls`. */
export function certificate(opts: CertificateOptions = {}): Manifest {
  const name = opts.name ?? 'web';
  return finish({
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: metadata(name, opts),
    spec: {
      secretName: opts.secretName ?? 'web-tls',
      dnsNames: [...(opts.dnsNames ?? ['app.example.com'])],
      issuerRef: opts.issuerRef ?? { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' },
    },
  }, opts);
}

// ---------------------------------------------------------------------------------------------- linting

/** A Deployment, its Service, an Ingress and its IngressClass: the smallest app every rule accepts. */
export function webApp(): Manifest[] {
  return [ingressClass(), deployment(), service(), ingress()];
}

export interface LintOptions {
  /** IngressClasses declared as existing outside the manifests. */
  readonly externalClasses?: string[];
  /** TLS secrets declared as provided elsewhere, as `namespace/name`. */
  readonly externalSecrets?: string[];
  /** The cluster's default IngressClass, declared as defined elsewhere (lint --default-class). */
  readonly defaultClass?: string;
}

/**
 * Schema-validates every object (Kubernetes 1.28 + CRDs; throws on the first invalid set), then runs
 * every rule over them as documents of `test.yaml` and returns the report.
 */
export function lintObjects(objs: Manifest[], opts: LintOptions = {}): RuleReport {
  assertValidManifests(objs);
  const model = new ClusterModel(
    objs.map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i })),
    new Set(opts.externalClasses ?? []),
    new Set(opts.externalSecrets ?? []),
    opts.defaultClass,
  );
  return evaluate(model, ALL_RULES);
}

/** Rule IDs of the unsuppressed findings, each once, in report order. */
export function ruleIds(report: RuleReport): string[] {
  return [...new Set(report.findings.filter((f) => !f.suppressed).map((f) => f.ruleId))];
}

/** Every finding of one rule, suppressed ones included. */
export function findingsOf(report: RuleReport, id: string): Finding[] {
  return report.findings.filter((f) => f.ruleId === id);
}

/** `JSON.stringify`, as findings record values. */
export function shown(value: unknown): string {
  return JSON.stringify(value);
}

/** The one finding of rule `id` (fails the test, listing what was found, when there is not exactly one). */
export function singleFinding(report: RuleReport, id: string): Finding {
  const found = findingsOf(report, id);
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${id} finding, got ${found.length}:\n${report.format(report.findings) || '(no findings)'}`);
  }
  return found[0];
}
