/**
 * How NetworkPolicies admit one TCP flow between pods, as the API server and the common CNIs apply them: the policies
 * that isolate a pod for a direction, and whether one rule admits a peer on a port. Shared by the rules that ask whether
 * a flow passes (HTTP-01 solvers, Prometheus scrapes).
 */
import { NAMESPACE_NAME_LABEL } from '../../labels';
import { ClusterModel, isObject, labelSelectorMatches, listOf, ManifestObject } from '../model';

/** The namespace's labels, plus the `kubernetes.io/metadata.name` label the API server sets on every namespace. */
export function namespaceLabels(model: ClusterModel, namespace: string): Record<string, string> {
  const ns = model.ofKind('Namespace').find((n) => n.name === namespace);
  return { ...(ns?.labels ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
}

/** One side of a TCP flow a NetworkPolicy rule may admit. */
export interface PolicyPeer {
  readonly namespace: string;
  readonly labels: Record<string, string>;
}

/**
 * Does a NetworkPolicy ingress rule (`peersKey` 'from') or egress rule ('to') of a policy in `policyNamespace`
 * admit TCP traffic with `peer` to `port` (or the port named `portName`)?
 */
export function policyRuleAdmits(
  model: ClusterModel, rule: any, peersKey: 'from' | 'to', policyNamespace: string, peer: PolicyPeer, port: number, portName?: string,
): boolean {
  if (!isObject(rule)) return false;
  const ports = listOf(rule.ports);
  const portOk = ports.length === 0 || ports.filter((p) => isObject(p) && (p.protocol ?? 'TCP') === 'TCP').some((p) => p.port === undefined
    || p.port === port
    || (typeof p.port === 'number' && typeof p.endPort === 'number' && port >= p.port && port <= p.endPort)
    || (portName !== undefined && p.port === portName));
  if (!portOk) return false;
  const peers = listOf(rule[peersKey]);
  if (peers.length === 0) return true;
  const nsLabels = namespaceLabels(model, peer.namespace);
  return peers.some((p) => {
    if (!isObject(p) || p.ipBlock) return false; // pod-to-pod traffic is not matched by ipBlock peers in most CNIs
    const nsOk = p.namespaceSelector ? labelSelectorMatches(p.namespaceSelector, nsLabels) : peer.namespace === policyNamespace;
    const podOk = p.podSelector ? labelSelectorMatches(p.podSelector, peer.labels) : true;
    return nsOk && podOk;
  });
}

/** The NetworkPolicies of a namespace that isolate pods with `labels` for `direction` traffic. */
export function isolatingPolicies(model: ClusterModel, namespace: string, labels: Record<string, string>, direction: 'Ingress' | 'Egress'): ManifestObject[] {
  return model.ofKind('NetworkPolicy').filter((policy) => {
    if (policy.namespace !== namespace) return false;
    const spec = isObject(policy.json.spec) ? policy.json.spec : {};
    const types: string[] = Array.isArray(spec.policyTypes) ? spec.policyTypes : (listOf(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress']);
    return types.includes(direction) && labelSelectorMatches(spec.podSelector ?? {}, labels);
  });
}

