import { k8s } from 'cdk8s-plus-28';
import { labelKey, namespacePeer, sortedNumbers, tcp } from './peers';

/** One place traffic goes: a namespace, optionally narrowed to pods, on a port (any port when undefined). */
export interface EgressDestination {
  readonly namespace: string;
  readonly podLabels?: { [key: string]: string };
  readonly port?: number;
}

/** Destinations merged per namespace and pod set: the union of their ports, or every port (undefined). */
export interface EgressFlow {
  readonly namespace: string;
  readonly podLabels?: { [key: string]: string };
  readonly ports?: number[];
}

/**
 * Merges destinations into one flow per namespace and pod set, with the union of their ports; a destination with
 * an unknown port opens its flow to every port (the traffic must still get through). Sorted by namespace and pod
 * set, so every synth writes the same policy.
 */
export function aggregateFlows(destinations: Iterable<EgressDestination>): EgressFlow[] {
  const flows = new Map<string, { namespace: string; podLabels?: { [key: string]: string }; ports?: Set<number> }>();
  for (const { namespace, podLabels, port } of destinations) {
    const key = `${namespace}\u0000${labelKey(podLabels)}`;
    let flow = flows.get(key);
    if (!flow) {
      flow = { namespace, podLabels, ports: new Set() };
      flows.set(key, flow);
    }
    if (port === undefined) flow.ports = undefined;
    else flow.ports?.add(port);
  }
  return [...flows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, f]) => ({ namespace: f.namespace, podLabels: f.podLabels, ports: f.ports ? sortedNumbers(f.ports) : undefined }));
}

/** The egress rule of one flow: its namespace (and pods), on its ports (every port when it has none). */
export function egressRule(flow: EgressFlow): k8s.NetworkPolicyEgressRule {
  return {
    to: [namespacePeer(flow.namespace, flow.podLabels)],
    ...(flow.ports ? { ports: flow.ports.map(tcp) } : {}),
  };
}
