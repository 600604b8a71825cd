/**
 * Building blocks of the NetworkPolicies this library writes: peers, ports and well-known cluster endpoints.
 * Internal: nothing here is part of the public API.
 */
import { k8s } from 'cdk8s-plus-28';
import { LABEL_K8S_APP, NAMESPACE_NAME_LABEL } from '../core/manifest-contract';

/** Cluster DNS: CoreDNS and kube-dns both run in kube-system with this label (also what the upstream manifests use). */
export const CLUSTER_DNS_NAMESPACE = 'kube-system';
export const CLUSTER_DNS_POD_LABELS: { [key: string]: string } = { [LABEL_K8S_APP]: 'kube-dns' };
export const DNS_PORT = 53;

/**
 * Sources an internal gateway admits when no allowlist is given: the private IPv4 ranges (RFC 1918) and IPv6
 * unique local addresses (RFC 4193), where internal load balancers, VPC clients and in-cluster clients live.
 */
export const PRIVATE_SOURCE_CIDRS: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];

/** A peer selecting every pod of one namespace by its immutable `kubernetes.io/metadata.name` label. */
export function namespacePeer(namespace: string, podLabels?: { [key: string]: string }): k8s.NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } },
    ...(podLabels ? { podSelector: { matchLabels: { ...podLabels } } } : {}),
  };
}

export function ipBlockPeer(cidr: string): k8s.NetworkPolicyPeer {
  return { ipBlock: { cidr } };
}

export function tcp(port: number): k8s.NetworkPolicyPort {
  return { protocol: 'TCP', port: k8s.IntOrString.fromNumber(port) };
}

export function udp(port: number): k8s.NetworkPolicyPort {
  return { protocol: 'UDP', port: k8s.IntOrString.fromNumber(port) };
}

/** Egress to cluster DNS on 53 over UDP and TCP (TCP for truncated answers). */
export function dnsEgressRule(): k8s.NetworkPolicyEgressRule {
  return {
    to: [namespacePeer(CLUSTER_DNS_NAMESPACE, CLUSTER_DNS_POD_LABELS)],
    ports: [udp(DNS_PORT), tcp(DNS_PORT)],
  };
}

/** Sorted, without duplicates: policies must come out identical on every synth. */
export function sortedNumbers(values: Iterable<number>): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Label maps compare by their sorted entries. */
export function labelKey(labels: { [key: string]: string } | undefined): string {
  if (!labels) return '';
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
