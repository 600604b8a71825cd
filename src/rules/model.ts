import { ANNOTATION_DEFAULT_CLASS, SUPPRESSION_ANNOTATION_PREFIX } from '../core/manifest-contract';

/** Kinds that have no namespace; every other kind defaults to `default` like the API server does. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'RuntimeClass',
  'ClusterRole', 'ClusterRoleBinding', 'IngressClass', 'IngressClassParams', 'GatewayClass',
  'ClusterIssuer', 'CustomResourceDefinition', 'APIService',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
]);

/** Where a manifest came from: a construct in a cdk8s app, or a document in a YAML file. */
export interface ManifestOrigin {
  readonly constructPath?: string;
  readonly file?: string;
  readonly documentIndex?: number;
  /** One-based line where the document starts in `file`, when known. */
  readonly line?: number;
}

/** One Kubernetes object as the rules see it: its JSON plus where it came from. */
export class ManifestObject {
  public readonly kind: string;
  public readonly apiVersion: string;
  public readonly name: string;
  /** Effective namespace (`default` when unset); undefined for cluster-scoped kinds. */
  public readonly namespace: string | undefined;

  constructor(public readonly json: any, public readonly origin: ManifestOrigin) {
    this.kind = String(json?.kind ?? '');
    this.apiVersion = String(json?.apiVersion ?? '');
    this.name = String(json?.metadata?.name ?? '');
    this.namespace = CLUSTER_SCOPED_KINDS.has(this.kind) ? undefined : String(json?.metadata?.namespace ?? 'default');
  }

  public get labels(): Record<string, string> {
    return this.json?.metadata?.labels ?? {};
  }

  public get annotations(): Record<string, string> {
    return this.json?.metadata?.annotations ?? {};
  }

  /** `Kind namespace/name`, or `Kind name` for cluster-scoped objects. */
  public get ref(): string {
    return this.namespace === undefined ? `${this.kind} ${this.name}` : `${this.kind} ${this.namespace}/${this.name}`;
  }

  /** Where the object came from: its construct path, `file:line` (or `file:document-index` without a line), or its ref. */
  public get location(): string {
    if (this.origin.constructPath) return this.origin.constructPath;
    if (this.origin.file !== undefined) return `${this.origin.file}:${this.origin.line ?? this.origin.documentIndex}`;
    return this.ref;
  }

  /** `Kind namespace/name (location)`: how messages that name two objects name each. */
  public get refWithLocation(): string {
    return `${this.ref} (${this.location})`;
  }

  /** Reasons recorded in `suppress.gateways.cdk8s.io/<rule>` annotations, by rule ID. */
  public suppressionReason(ruleId: string): string | undefined {
    return this.annotations[SUPPRESSION_ANNOTATION_PREFIX + ruleId];
  }
}

/** The pod template of a workload, with the JSON path that leads to it. */
export interface PodTemplateRef {
  readonly object: ManifestObject;
  /** JSON path of the pod spec, for example `spec.template.spec`. */
  readonly specPath: string;
  readonly spec: any;
  readonly labels: Record<string, string>;
}

export interface ContainerRef {
  readonly pod: PodTemplateRef;
  readonly container: any;
  /** JSON path of the container, for example `spec.template.spec.containers[0]`. */
  readonly path: string;
  readonly isInit: boolean;
}

const WORKLOAD_TEMPLATE_PATHS: Record<string, string[]> = {
  ReplicationController: ['spec', 'template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const WORKLOAD_KINDS = [...Object.keys(WORKLOAD_TEMPLATE_PATHS), 'Pod'];

/**
 * Everything the rules may look at, indexed by kind, plus facts the app declares that manifests cannot show
 * (IngressClasses and TLS secrets that exist outside the app).
 */
export class ClusterModel {
  private readonly byKind = new Map<string, ManifestObject[]>();

  constructor(
    public readonly objects: ManifestObject[],
    public readonly externalIngressClasses: ReadonlySet<string> = new Set(),
    public readonly externalTlsSecrets: ReadonlySet<string> = new Set(),
    /**
     * The cluster's default IngressClass when no IngressClass in the objects is marked default
     * (it is defined elsewhere, for example by the platform team or the cloud provider).
     */
    public readonly externalDefaultIngressClass?: string,
  ) {
    for (const obj of objects) {
      const list = this.byKind.get(obj.kind);
      if (list) list.push(obj);
      else this.byKind.set(obj.kind, [obj]);
    }
  }

  public ofKind(...kinds: string[]): ManifestObject[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0]) ?? [];
    return kinds.flatMap((kind) => this.byKind.get(kind) ?? []);
  }

  /** Pod templates of every workload kind (ReplicationController, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod). */
  public podTemplates(): PodTemplateRef[] {
    const result: PodTemplateRef[] = [];
    for (const obj of this.ofKind(...WORKLOAD_KINDS)) {
      const template = podTemplateOf(obj);
      if (template) result.push(template);
    }
    return result;
  }

  /** The IngressClass marked default, if exactly one is. */
  public defaultIngressClasses(): ManifestObject[] {
    return this.ofKind('IngressClass').filter((cls) => cls.annotations[ANNOTATION_DEFAULT_CLASS] === 'true');
  }
}

export function podTemplateOf(obj: ManifestObject): PodTemplateRef | undefined {
  if (obj.kind === 'Pod') {
    return obj.json.spec ? { object: obj, specPath: 'spec', spec: obj.json.spec, labels: obj.labels } : undefined;
  }
  const path = WORKLOAD_TEMPLATE_PATHS[obj.kind];
  if (!path) return undefined;
  let template: any = obj.json;
  for (const key of path) template = template?.[key];
  if (!template?.spec) return undefined;
  return { object: obj, specPath: `${path.join('.')}.spec`, spec: template.spec, labels: template.metadata?.labels ?? {} };
}

export function containersOf(pod: PodTemplateRef): ContainerRef[] {
  const result: ContainerRef[] = [];
  listOf(pod.spec.initContainers).forEach((container: any, i: number) => {
    if (isObject(container)) result.push({ pod, container, path: `${pod.specPath}.initContainers[${i}]`, isInit: true });
  });
  listOf(pod.spec.containers).forEach((container: any, i: number) => {
    if (isObject(container)) result.push({ pod, container, path: `${pod.specPath}.containers[${i}]`, isInit: false });
  });
  return result;
}

/** Hand-written YAML may hold anything: these keep rules from crashing on odd shapes. */
export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an array (empty when it is not one). */
export function listOf(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/** True when every key of `selector` is present with the same value in `labels` (matchLabels semantics). */
export function labelsMatch(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** Evaluates a metav1.LabelSelector (matchLabels and matchExpressions) against labels. An empty selector matches everything. */
export function labelSelectorMatches(selector: any, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expr of listOf(selector.matchExpressions)) {
    if (!isObject(expr)) return false;
    const has = Object.prototype.hasOwnProperty.call(labels, expr.key);
    const values: string[] = expr.values ?? [];
    switch (expr.operator) {
      case 'In': if (!has || !values.includes(labels[expr.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[expr.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** Items grouped by a key, each group in the order the items come. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * The pod port a Service port forwards to (`targetPort`, else `port`): a number, or a container port name. The Service
 * port is picked by `number` (its `port`) when given, else by `name`; undefined when the Service has no such port.
 */
export function serviceTargetPort(service: ManifestObject, port: { readonly number?: number; readonly name?: string }): number | string | undefined {
  const servicePort = listOf(service.json.spec?.ports)
    .find((p) => isObject(p) && (port.number !== undefined ? p.port === port.number : p.name === port.name));
  return servicePort ? servicePort.targetPort ?? servicePort.port : undefined;
}

/** The container ports of a pod template (init containers included), skipping malformed entries. */
export function containerPortsOf(pod: PodTemplateRef): Record<string, any>[] {
  return containersOf(pod).flatMap((c) => listOf(c.container.ports)).filter(isObject);
}

/**
 * A target port (number or name) as it lands on a pod: its number and name, each where the pod's container ports show
 * it. The API server resolves a named target port per pod, so pods behind one Service may land on different numbers.
 */
export function containerPortOn(pod: PodTemplateRef, target: number | string): { readonly number?: number; readonly name?: string } {
  const ports = containerPortsOf(pod);
  if (typeof target === 'number') return { number: target, name: ports.find((p) => p.containerPort === target)?.name };
  return { number: ports.find((p) => p.name === target)?.containerPort, name: target };
}
