/**
 * How NetworkPolicies admit one TCP flow between pods, as the API server and the common CNIs apply them: the policies
 * that isolate a pod for a direction, and whether one rule admits a peer on a port. The one home of these semantics,
 * shared by the rules that ask whether a flow passes (controller to backend, HTTP-01 solvers, Prometheus scrapes).
 *
 * Lookups are indexed once per model, so rules that ask per route or per certificate stay linear in the manifests.
 */
import { NAMESPACE_NAME_LABEL } from '../../core/manifest-contract';
import { ClusterModel, groupBy, isObject, labelSelectorMatches, listOf, ManifestObject } from '../model';

/** What is indexed per model: Namespaces and NetworkPolicies by namespace name. */
interface PolicyIndex {
  readonly namespaces: Map<string, ManifestObject>;
  readonly namespaceLabels: Map<string, Record<string, string>>;
  readonly policiesByNamespace: Map<string, ManifestObject[]>;
}

const INDEX = new WeakMap<ClusterModel, PolicyIndex>();

function indexOf(model: ClusterModel): PolicyIndex {
  let index = INDEX.get(model);
  if (!index) {
    index = {
      // A later Namespace of the same name wins, as it does when the manifests are applied (CG-META-003 reports the pair).
      namespaces: new Map(model.ofKind('Namespace').map((n) => [n.name, n])),
      namespaceLabels: new Map(),
      policiesByNamespace: groupBy(model.ofKind('NetworkPolicy'), (p) => p.namespace!),
    };
    INDEX.set(model, index);
  }
  return index;
}

/**
 * The namespace's labels, plus the `kubernetes.io/metadata.name` label the API server sets on every namespace.
 * Computed once per namespace and model: many tenants must not make every peer check scan every Namespace.
 */
export function namespaceLabels(model: ClusterModel, namespace: string): Record<string, string> {
  const index = indexOf(model);
  let labels = index.namespaceLabels.get(namespace);
  if (!labels) {
    labels = { ...(index.namespaces.get(namespace)?.labels ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
    index.namespaceLabels.set(namespace, labels);
  }
  return labels;
}

/** One side of a TCP flow a NetworkPolicy rule may admit. */
export interface PolicyPeer {
  readonly namespace: string;
  readonly labels: Record<string, string>;
}

/**
 * Does a NetworkPolicy rule's port list admit a TCP connection to `port` (or the port named `portName`)? An absent or
 * empty list admits every port; `endPort` widens a numbered entry to a range. `port` is undefined when only the name is known.
 */
export function policyPortsAdmit(ports: unknown, port: number | undefined, portName?: string): boolean {
  const entries = listOf(ports);
  // The flows checked here are TCP (proxied HTTP, scrapes): an entry for another protocol does not admit them.
  return entries.length === 0 || entries.filter((p) => isObject(p) && (p.protocol ?? 'TCP') === 'TCP').some((p) => p.port === undefined
    || (port !== undefined && (p.port === port || (typeof p.port === 'number' && typeof p.endPort === 'number' && port >= p.port && port <= p.endPort)))
    || (portName !== undefined && p.port === portName));
}

/** Does a peer list (`from` or `to`) of a policy in `policyNamespace` include `peer`? Absent or empty means everyone. */
export function policyPeersInclude(model: ClusterModel, peers: unknown, policyNamespace: string, peer: PolicyPeer): boolean {
  const entries = listOf(peers);
  if (entries.length === 0) return true;
  const nsLabels = namespaceLabels(model, peer.namespace);
  return entries.some((p) => {
    if (!isObject(p) || p.ipBlock) return false; // pod-to-pod traffic is not matched by ipBlock peers in most CNIs
    const nsOk = p.namespaceSelector ? labelSelectorMatches(p.namespaceSelector, nsLabels) : peer.namespace === policyNamespace;
    const podOk = p.podSelector ? labelSelectorMatches(p.podSelector, peer.labels) : true;
    return nsOk && podOk;
  });
}

/**
 * Does a NetworkPolicy ingress rule (`peersKey` 'from') or egress rule ('to') of a policy in `policyNamespace`
 * admit TCP traffic with `peer` to `port` (or the port named `portName`; `port` undefined when only the name is known)?
 */
export function policyRuleAdmits(
  model: ClusterModel, rule: any, peersKey: 'from' | 'to', policyNamespace: string, peer: PolicyPeer, port: number | undefined, portName?: string,
): boolean {
  if (!isObject(rule)) return false;
  return policyPortsAdmit(rule.ports, port, portName) && policyPeersInclude(model, rule[peersKey], policyNamespace, peer);
}

/** The directions a policy isolates: `policyTypes`, else what the API server defaults (Ingress, plus Egress with egress rules). */
export function policyTypesOf(policy: ManifestObject): string[] {
  const spec = isObject(policy.json.spec) ? policy.json.spec : {};
  return Array.isArray(spec.policyTypes) ? spec.policyTypes : (listOf(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
}

/** Does the policy's `spec.podSelector` select pods with these labels (an absent selector selects every pod)? */
export function policySelects(policy: ManifestObject, labels: Record<string, string>): boolean {
  const spec = isObject(policy.json.spec) ? policy.json.spec : {};
  return labelSelectorMatches(spec.podSelector ?? {}, labels);
}

/** The NetworkPolicies of a namespace that isolate some of its pods for `direction` traffic, in manifest order. */
export function policiesIsolatingIn(model: ClusterModel, namespace: string, direction: 'Ingress' | 'Egress'): ManifestObject[] {
  return (indexOf(model).policiesByNamespace.get(namespace) ?? []).filter((policy) => policyTypesOf(policy).includes(direction));
}

/** The NetworkPolicies of a namespace that isolate pods with `labels` for `direction` traffic. */
export function isolatingPolicies(model: ClusterModel, namespace: string, labels: Record<string, string>, direction: 'Ingress' | 'Egress'): ManifestObject[] {
  return policiesIsolatingIn(model, namespace, direction).filter((policy) => policySelects(policy, labels));
}

/**
 * The egress rules of a policy that could reach a namespace. A controller policy has one rule per backend namespace,
 * so rules whose every peer names its namespace by `kubernetes.io/metadata.name` alone are indexed by that name; the
 * rest are checked for every destination. Keeps callers linear in the number of routes.
 */
const EGRESS_INDEX = new WeakMap<ManifestObject, { generic: any[]; byNamespace: Map<string, any[]> }>();

export function egressRulesTowards(policy: ManifestObject, namespace: string): any[] {
  let index = EGRESS_INDEX.get(policy);
  if (!index) {
    const built = { generic: [] as any[], byNamespace: new Map<string, any[]>() };
    for (const rule of listOf(policy.json.spec?.egress).filter(isObject)) {
      const names = listOf(rule.to).map(namespaceNameOf);
      if (names.length === 0 || names.some((n) => n === undefined)) {
        built.generic.push(rule);
        continue;
      }
      for (const name of new Set(names as string[])) built.byNamespace.set(name, [...(built.byNamespace.get(name) ?? []), rule]);
    }
    index = built;
    EGRESS_INDEX.set(policy, index);
  }
  return [...index.generic, ...(index.byNamespace.get(namespace) ?? [])];
}

/** The namespace a peer selects by `kubernetes.io/metadata.name` alone; undefined for any other peer. */
function namespaceNameOf(peer: any): string | undefined {
  if (!isObject(peer) || peer.ipBlock || !isObject(peer.namespaceSelector)) return undefined;
  const { matchLabels, matchExpressions } = peer.namespaceSelector;
  if (listOf(matchExpressions).length > 0 || !isObject(matchLabels)) return undefined;
  const keys = Object.keys(matchLabels);
  return keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL && typeof matchLabels[NAMESPACE_NAME_LABEL] === 'string' ? matchLabels[NAMESPACE_NAME_LABEL] : undefined;
}
