import { ApiObject, Chart, JsonPatch, Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { checkHostPattern } from '../core/host-allowance';
import { checkMapProp, checkProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { standInName } from '../core/input/stand-in';
import { ANNOTATION_ALLOWED_CLASSES, ANNOTATION_ALLOWED_HOSTS, encodeList, HTTP01_SOLVER_POD_LABELS, HTTP01_SOLVER_PORT, LABEL_ISOLATED, LABEL_MANAGED_BY, LABEL_TENANT, MANAGED_BY } from '../core/manifest-contract';
import { checkDns1123Label, checkLabelValue, checkQualifiedName, checkWholeMebibytes } from '../core/validation';
import { RESTRICTED_NAMESPACE_LABELS } from '../gateways/ingress-class-gateway';
import { NetworkIsolation } from '../network/network-isolation';
import { dnsEgressRule, tcp } from '../network/peers';
import { declareTenantNamespace } from '../renderers/gateway-api/tenant-namespaces';
import { IGateway } from '../routing/gateway';
import { Route, RouteProps } from '../routing/route';
import { RuleEngine } from '../rules/engine';

/** The tenant's share of the cluster: a ResourceQuota. Every field has a default, so `{}` is a complete quota. */
export interface TenantQuota {
  /**
   * Total CPU the tenant's pods may request (`requests.cpu`).
   * @default kplus.Cpu.units(4)
   */
  readonly requestsCpu?: kplus.Cpu;
  /**
   * Total memory the tenant's pods may request (`requests.memory`).
   * @default Size.gibibytes(8)
   */
  readonly requestsMemory?: Size;
  /**
   * Total memory limit of the tenant's pods (`limits.memory`).
   * @default Size.gibibytes(16)
   */
  readonly limitsMemory?: Size;
  /**
   * Number of pods.
   * @default 50
   */
  readonly pods?: number;
  /**
   * Number of Services.
   * @default 20
   */
  readonly services?: number;
  /**
   * Number of PersistentVolumeClaims.
   * @default 10
   */
  readonly persistentVolumeClaims?: number;
  /**
   * Number of `LoadBalancer` Services. Tenants are reached through the shared gateways, so none by default.
   * @default 0
   */
  readonly loadBalancers?: number;
  /**
   * Number of `NodePort` Services. Tenants are reached through the shared gateways, so none by default.
   * @default 0
   */
  readonly nodePorts?: number;
}

/** Per-container defaults and bounds: a LimitRange, so pods without resources still fit the quota. */
export interface TenantLimits {
  /**
   * CPU request of a container that sets none.
   * @default kplus.Cpu.millis(100)
   */
  readonly defaultCpuRequest?: kplus.Cpu;
  /**
   * Memory request of a container that sets none.
   * @default Size.mebibytes(128)
   */
  readonly defaultMemoryRequest?: Size;
  /**
   * Memory limit of a container that sets none.
   * @default Size.mebibytes(256)
   */
  readonly defaultMemoryLimit?: Size;
  /**
   * Largest memory limit one container may set.
   * @default Size.gibibytes(4)
   */
  readonly maxMemoryLimit?: Size;
}

/** Props of a `Tenant`. */
export interface TenantProps {
  /**
   * Hosts the tenant may serve: exact hosts (`shop.example.com`) and suffix patterns (`*.shop.example.com`, which
   * allows every host below `shop.example.com` but not `shop.example.com` itself). Recorded on the Namespace;
   * an Ingress in the namespace for any other host fails synth (CG-TENANT-001).
   */
  readonly hosts: string[];
  /**
   * Gateways the tenant may route through. Recorded on the Namespace; an Ingress in the namespace on any other
   * class fails synth (CG-TENANT-002).
   */
  readonly gateways: IGateway[];
  /**
   * The tenant's name, written as the `gateways.cdk8s.io/tenant` label and used in messages.
   * @default - the construct id
   */
  readonly tenantName?: string;
  /**
   * The tenant's namespace; every object of this chart lands in it.
   * @default - the tenant name
   */
  readonly namespace?: string;
  /**
   * The tenant's ResourceQuota.
   * @default - the defaults of each `TenantQuota` field
   */
  readonly quota?: TenantQuota;
  /**
   * The tenant's LimitRange.
   * @default - the defaults of each `TenantLimits` field
   */
  readonly limits?: TenantLimits;
  /**
   * Admit the tenant's gateways to cert-manager HTTP-01 solver pods (label `acme.cert-manager.io/http01-solver`,
   * port 8089), which cert-manager starts in the namespace while it proves control of a host.
   * @default true
   */
  readonly allowAcmeHttp01Solvers?: boolean;
  /**
   * Extra labels for the Namespace (for example a team or cost center).
   * @default - none
   */
  readonly namespaceLabels?: { [key: string]: string };
}

/**
 * One tenant behind shared gateways: a chart whose objects land in the tenant's namespace.
 *
 * It writes the Namespace (Pod Security Admission `restricted`, labelled isolated, annotated with the hosts and
 * classes the tenant may use), a ResourceQuota and a LimitRange, a default-deny NetworkPolicy for ingress and
 * egress, egress to cluster DNS, and an allowance for cert-manager HTTP-01 solvers. Routes in the tenant
 * (`addRoute`, or any `Route` in this chart) get a NetworkPolicy that admits their gateway's controller pods to
 * the backend pods on the backend's target port, and nothing else reaches the tenant's pods.
 *
 * The tenant's pods reach nothing but cluster DNS, not even each other: add NetworkPolicies in this chart for the
 * flows an app needs (its database, another tenant's API). Routes are bound to their gateways at synth, so the
 * tenant, its gateways and the routes into its namespace may be declared in any order.
 */
export class Tenant extends Chart {
  /** The tenant's name. */
  public readonly tenantName: string;
  /** The tenant's hosts: exact hosts and `*.suffix` patterns. */
  public readonly hosts: string[];
  /** The gateways the tenant may route through. */
  public readonly gateways: IGateway[];
  /** The Namespace object. */
  public readonly namespaceObject: k8s.KubeNamespace;

  constructor(scope: Construct, id: string, props: TenantProps) {
    const tenantName = props.tenantName ?? id;
    const givenNamespace = props.namespace ?? tenantName;
    const nsReason = checkDns1123Label(givenNamespace);
    // A rejected namespace is replaced by a valid stand-in, so it is reported once, not on every object of the tenant.
    const namespace = nsReason ? standInName(givenNamespace) : givenNamespace;
    super(scope, id, { namespace });
    this.tenantName = tenantName;

    if (nsReason) rejectInput(this, props.namespace !== undefined ? 'namespace' : 'tenantName', givenNamespace, `namespace ${nsReason}`);
    if (props.hosts.length === 0) rejectInput(this, 'hosts', props.hosts, 'give at least one host the tenant may serve');
    const hosts: string[] = [];
    props.hosts.forEach((host, i) => {
      const reason = checkHostPattern(host);
      if (reason) rejectInput(this, `hosts[${i}]`, host, `host ${reason}`);
      else hosts.push(host);
    });
    if (props.gateways.length === 0) rejectInput(this, 'gateways', [], 'give at least one gateway the tenant may use');
    RuleEngine.of(this);
    const namespaceLabels = checkMapProp(this, 'namespaceLabels', props.namespaceLabels, checkQualifiedName, 'label key', checkLabelValue, 'label value');
    // The tenant name is the value of the tenant label on every object.
    const tenantLabelValid = (nsReason && props.namespace === undefined)
      || checkProp(this, props.tenantName !== undefined ? 'tenantName' : 'id', tenantName, checkLabelValue, 'tenant name (a label value)');
    this.hosts = [...new Set(hosts.map((h) => h.toLowerCase()))];
    this.gateways = [...props.gateways];
    const classes = [...new Set(this.gateways.map((g) => g.className))].sort();

    // Routes into the namespace get their gateway allowance at synth, whenever they are declared.
    NetworkIsolation.of(this).declareIsolatedNamespace(namespace);
    // On Gateway API gateways that serve ListenerSets, the tenant's hosts become listeners of its own ListenerSet.
    declareTenantNamespace(this, namespace, tenantName);
    const labels = { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_TENANT]: tenantLabelValid && !nsReason ? tenantName : namespace };

    this.namespaceObject = new k8s.KubeNamespace(this, 'Namespace', {
      metadata: {
        name: namespace,
        labels: { ...(namespaceLabels ?? {}), ...RESTRICTED_NAMESPACE_LABELS, ...labels, [LABEL_ISOLATED]: 'true' },
        annotations: {
          [ANNOTATION_ALLOWED_HOSTS]: encodeList(this.hosts),
          [ANNOTATION_ALLOWED_CLASSES]: encodeList(classes),
        },
      },
    });
    // A Namespace is cluster-scoped: drop the chart namespace cdk8s writes on every object.
    ApiObject.of(this.namespaceObject).addJsonPatch(JsonPatch.remove('/metadata/namespace'));

    const quota = props.quota ?? {};
    new k8s.KubeResourceQuota(this, 'ResourceQuota', {
      metadata: { name: 'tenant-quota', labels },
      spec: {
        hard: {
          'requests.cpu': k8s.Quantity.fromString((quota.requestsCpu ?? kplus.Cpu.units(4)).amount),
          'requests.memory': k8s.Quantity.fromString(memory(this, 'quota.requestsMemory', quota.requestsMemory, Size.gibibytes(8))),
          'limits.memory': k8s.Quantity.fromString(memory(this, 'quota.limitsMemory', quota.limitsMemory, Size.gibibytes(16))),
          'pods': count(this, 'pods', quota.pods, 50),
          'services': count(this, 'services', quota.services, 20),
          'persistentvolumeclaims': count(this, 'persistentVolumeClaims', quota.persistentVolumeClaims, 10),
          'services.loadbalancers': count(this, 'loadBalancers', quota.loadBalancers, 0),
          'services.nodeports': count(this, 'nodePorts', quota.nodePorts, 0),
        },
      },
    });

    const limits = props.limits ?? {};
    new k8s.KubeLimitRange(this, 'LimitRange', {
      metadata: { name: 'tenant-limits', labels },
      spec: {
        limits: [{
          type: 'Container',
          defaultRequest: {
            cpu: k8s.Quantity.fromString((limits.defaultCpuRequest ?? kplus.Cpu.millis(100)).amount),
            memory: k8s.Quantity.fromString(memory(this, 'limits.defaultMemoryRequest', limits.defaultMemoryRequest, Size.mebibytes(128))),
          },
          default: { memory: k8s.Quantity.fromString(memory(this, 'limits.defaultMemoryLimit', limits.defaultMemoryLimit, Size.mebibytes(256))) },
          max: { memory: k8s.Quantity.fromString(memory(this, 'limits.maxMemoryLimit', limits.maxMemoryLimit, Size.gibibytes(4))) },
        }],
      },
    });

    new k8s.KubeNetworkPolicy(this, 'DefaultDeny', {
      metadata: { name: 'default-deny', labels },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
    new k8s.KubeNetworkPolicy(this, 'AllowDns', {
      metadata: { name: 'allow-cluster-dns', labels },
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [dnsEgressRule()] },
    });

    // Cloud-managed gateways have no proxy pods in the cluster to admit.
    const controllerPeers = this.gateways.flatMap((g) => (g.proxyPeer ? [g.proxyPeer] : []));
    if ((props.allowAcmeHttp01Solvers ?? true) && controllerPeers.length > 0) {
      new k8s.KubeNetworkPolicy(this, 'AllowAcmeHttp01Solvers', {
        metadata: { name: 'allow-acme-http01-solvers', labels },
        spec: {
          podSelector: { matchLabels: { ...HTTP01_SOLVER_POD_LABELS } },
          policyTypes: ['Ingress'],
          ingress: [{ from: controllerPeers, ports: [tcp(HTTP01_SOLVER_PORT)] }],
        },
      });
    }
  }

  /**
   * Adds a route in the tenant's namespace. `gateway` may be left out when the tenant may use exactly one gateway.
   * The backend must be in the tenant's namespace. Hosts and gateways outside the tenant's allowance fail synth
   * (CG-TENANT-001, CG-TENANT-002), with every other finding of the app.
   */
  public addRoute(id: string, props: RouteProps): Route {
    const backend = props.backend;
    if (backend.namespace !== undefined && backend.namespace !== this.namespace) {
      rejectInput(this, `addRoute("${id}").backend.namespace`, backend.namespace,
        `route for host "${props.host}" targets Service ${backend.namespace}/${backend.serviceName}, outside the tenant's namespace; `
        + `give a Service in "${this.namespace}"`);
    }
    let gateway = props.gateway;
    if (!gateway) {
      if (this.gateways.length !== 1) {
        rejectInput(this, `addRoute("${id}").gateway`, undefined,
          `route for host "${props.host}" names no gateway, and the tenant may use ${this.gateways.length}; `
          + `name one of: ${this.gateways.map((g) => `"${g.className}"`).join(', ') || '(none: give the tenant a gateway)'}`);
      }
      gateway = this.gateways[0];
    }
    return new Route(this, id, { ...props, gateway });
  }
}

/** A memory quantity in the largest whole binary unit (`8Gi`, `384Mi`); a fraction of a MiB is reported and `fallback` used. */
function memory(scope: Construct, field: string, given: Size | undefined, fallback: Size): string {
  const valid = checkProp(scope, field, given?.toKibibytes({ rounding: SizeRoundingBehavior.NONE }), (kib) => checkWholeMebibytes(kib / 1024), 'memory');
  const size = valid ? given ?? fallback : fallback;
  const mebibytes = size.toMebibytes();
  return mebibytes % 1024 === 0 ? `${mebibytes / 1024}Gi` : `${mebibytes}Mi`;
}

function count(scope: Construct, field: string, value: number | undefined, fallback: number): k8s.Quantity {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) {
    rejectInput(scope, `quota.${field}`, n, 'quota counts must be whole numbers of at least 0');
    return k8s.Quantity.fromString('0');
  }
  return k8s.Quantity.fromString(String(n));
}
