/**
 * NetworkPolicies as sets, so tests compare what a policy admits rather than how its rules happen to be grouped
 * or ordered: every (peer, port) pair of one direction becomes one string.
 *
 *   peer: "any" | "cidr:10.0.0.0/8" | "ns:<name>" | "ns:<name> pods:k=v,k2=v2" | "pods:k=v" (same namespace)
 *   port: "TCP/80" | "UDP/53" | "any"
 */

function labels(selector: any): string {
  const entries = Object.entries(selector?.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const expr = (selector?.matchExpressions ?? []).map((e: any) => `${e.key} ${e.operator} ${(e.values ?? []).join('|')}`);
  return [...entries.map(([k, v]) => `${k}=${v}`), ...expr].join(',');
}

export function peerString(peer: any): string {
  if (peer.ipBlock) return `cidr:${peer.ipBlock.cidr}${peer.ipBlock.except ? ` except ${peer.ipBlock.except.join('|')}` : ''}`;
  const parts: string[] = [];
  if (peer.namespaceSelector) {
    const ns = peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'];
    parts.push(ns && Object.keys(peer.namespaceSelector.matchLabels).length === 1 ? `ns:${ns}` : `nsSelector:${labels(peer.namespaceSelector) || '*'}`);
  }
  if (peer.podSelector) parts.push(`pods:${labels(peer.podSelector) || '*'}`);
  return parts.join(' ');
}

function portString(port: any): string {
  return `${port.protocol ?? 'TCP'}/${port.port ?? 'any'}${port.endPort ? `-${port.endPort}` : ''}`;
}

/** Every `peer -> port` pair a list of ingress (`from`) or egress (`to`) rules admits, sorted. */
export function flows(rules: any[] | undefined, peerKey: 'from' | 'to'): string[] {
  const out = new Set<string>();
  for (const rule of rules ?? []) {
    const peers: string[] = rule[peerKey]?.length ? rule[peerKey].map(peerString) : ['any'];
    const ports: string[] = rule.ports?.length ? rule.ports.map(portString) : ['any'];
    for (const peer of peers) for (const port of ports) out.add(`${peer} -> ${port}`);
  }
  return [...out].sort();
}

export const ingressFlows = (policy: any): string[] => flows(policy.spec.ingress, 'from');
export const egressFlows = (policy: any): string[] => flows(policy.spec.egress, 'to');

/** The pairs of DNS egress every policy this library writes for egress includes. */
export const DNS_FLOWS = ['ns:kube-system pods:k8s-app=kube-dns -> TCP/53', 'ns:kube-system pods:k8s-app=kube-dns -> UDP/53'];

/** API server egress with the portable default: TCP 443 and 6443 to any address. */
export const ANY_API_SERVER_FLOWS = ['any -> TCP/443', 'any -> TCP/6443'];

/** The objects of one kind and name. */
export function named(objs: any[], kind: string, name: string, namespace?: string): any {
  const found = objs.filter((o) => o.kind === kind && o.metadata.name === name && (namespace === undefined || o.metadata.namespace === namespace));
  if (found.length !== 1) throw new Error(`expected one ${kind} ${namespace ?? '*'}/${name}, got ${found.length}`);
  return found[0];
}

/** Does a label selector (matchLabels only) select these labels? */
export function selects(selector: any, podLabels: Record<string, string>): boolean {
  return Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => podLabels[k] === v) && !(selector?.matchExpressions?.length);
}

/** The policies in a workload's namespace that select its pods, with their effective policyTypes. */
export function policiesSelecting(objs: any[], workload: any): any[] {
  const podLabels = workload.spec.template.metadata.labels ?? {};
  return objs.filter((o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === workload.metadata.namespace && selects(o.spec.podSelector, podLabels));
}
