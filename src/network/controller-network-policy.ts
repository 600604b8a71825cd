import { Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { ApiServerAccess } from './api-server-access';
import { ControllerNetworkOptions } from './controller-network-options';
import { aggregateFlows, EgressFlow, egressRule } from './egress-flows';
import { dnsEgressRule, ipBlockPeer, namespacePeer, PRIVATE_SOURCE_CIDRS, sortedNumbers, tcp } from './peers';
import { GatewayExposure } from '../core/exposure';
import { checkCidrListProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { DEFAULT_MONITORING_NAMESPACE, HTTP01_SOLVER_POD_LABELS, HTTP01_SOLVER_PORT } from '../core/manifest-contract';
import { RouteTable } from '../routing/route-table';

/** Everything the controller policy needs to know about the workload it protects. Internal. */
export interface ControllerNetworkPolicyProps {
  readonly name: string;
  readonly namespace: string;
  readonly labels: { [key: string]: string };
  readonly className: string;
  /** Labels that select the controller pods. */
  readonly podLabels: { [key: string]: string };
  /** Container ports that serve clients (HTTP and HTTPS). */
  readonly clientPorts: number[];
  readonly metricsPort: number;
  /** Further metrics ports, admitted from the monitoring namespace like `metricsPort`. */
  readonly additionalMetricsPorts?: number[];
  /** Container port of an admission webhook, when the controller runs one. */
  readonly webhookPort?: number;
  readonly exposure: GatewayExposure;
  readonly network?: ControllerNetworkOptions;
}

/**
 * The valid entries of a gateway's client allowlist; each invalid one, and an empty list, is reported on `scope`
 * (CG-INPUT-001, as `allowedSourceCidrs`). The result may be empty: then no client is admitted.
 */
export function checkedClientSources(scope: IConstruct, cidrs: string[]): string[] {
  if (cidrs.length === 0) {
    rejectInput(scope, 'allowedSourceCidrs', cidrs, 'the allowlist is empty, so no client could reach the gateway; give at least one CIDR, or leave it unset to use the default');
  }
  return checkCidrListProp(scope, 'allowedSourceCidrs', cidrs, 'client source');
}

/**
 * The client sources a controller admits: the allowlist given (checked by the gateway with `checkedClientSources`;
 * empty admits no client), else any address (public) or the private ranges (internal).
 */
export function controllerClientSources(exposure: GatewayExposure, explicit: string[] | undefined): string[] | undefined {
  if (explicit !== undefined) return [...new Set(explicit)].sort();
  return exposure.internal ? [...PRIVATE_SOURCE_CIDRS] : undefined;
}

/**
 * The NetworkPolicy of one gateway's controller pods, covering ingress and egress:
 *
 * - ingress on the client ports from the allowed sources, on the metrics port from the monitoring namespace,
 *   and on the webhook port (if any) from the API server;
 * - egress to the backends of the gateway's routes (namespace, pods and target port; resolved at synth, so
 *   routes declared after the gateway count), to cert-manager HTTP-01 solver pods in namespaces with TLS
 *   routes, to the API server, and to cluster DNS.
 *
 * Kubelet probes are not subject to NetworkPolicy in the common CNIs (they come from the node), so probe-only
 * ports are not opened.
 */
export class ControllerNetworkPolicy extends Construct {
  public readonly policy: k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: ControllerNetworkPolicyProps) {
    super(scope, id);
    const network = props.network ?? {};
    const sources = controllerClientSources(props.exposure, network.clientSourceCidrs);
    const apiServer = network.apiServer ?? ApiServerAccess.anyAddress();
    const monitoringNamespace = network.monitoringNamespace ?? DEFAULT_MONITORING_NAMESPACE;

    const ingress: k8s.NetworkPolicyIngressRule[] = [
      { from: [namespacePeer(monitoringNamespace)], ports: sortedNumbers([props.metricsPort, ...(props.additionalMetricsPorts ?? [])]).map(tcp) },
    ];
    // An empty allowlist (every entry rejected) admits no client: an empty `from` would admit every source.
    if (sources === undefined || sources.length > 0) {
      ingress.unshift({ ...(sources ? { from: sources.map(ipBlockPeer) } : {}), ports: sortedNumbers(props.clientPorts).map(tcp) });
    }
    if (props.webhookPort !== undefined) {
      // An open webhook port is what CVE-2025-1974 exploited: only the API server may call it, so its addresses are required.
      if (!apiServer.cidrs) {
        // The webhook port stays closed: the finding fails synth.
        rejectInput(this, 'apiServerAccess', network.apiServer === undefined ? undefined : 'ApiServerAccess.anyAddress()',
          'the controller runs an admission webhook, which only the API server may reach; give its addresses with ApiServerAccess.fromCidrs(...)');
      } else {
        ingress.push({ from: apiServer.cidrs.map(ipBlockPeer), ports: [tcp(props.webhookPort)] });
      }
    }

    this.policy = new k8s.KubeNetworkPolicy(this, 'Resource', {
      metadata: { name: props.name, namespace: props.namespace, labels: props.labels },
      spec: {
        podSelector: { matchLabels: { ...props.podLabels } },
        policyTypes: ['Ingress', 'Egress'],
        ingress,
        egress: Lazy.any({
          produce: () => [
            ...backendFlows(this, props.className).map(egressRule),
            { ...(apiServer.cidrs ? { to: apiServer.cidrs.map(ipBlockPeer) } : {}), ports: apiServer.ports.map(tcp) },
            dnsEgressRule(),
          ],
        }),
      },
    });
  }
}

/**
 * Where the controller of class `className` sends traffic: its routes' backend pods on their target ports, plus the
 * HTTP-01 solver pods of namespaces with TLS routes.
 */
function backendFlows(scope: Construct, className: string): EgressFlow[] {
  const table = RouteTable.of(scope);
  const routes = table.allGateways().filter((g) => g.className === className).flatMap((g) => table.routesOf(g));
  return aggregateFlows(routes.flatMap((route) => [
    { namespace: route.namespace, podLabels: route.backend.podLabels, port: route.backend.targetPort },
    ...(route.tlsSecretName !== undefined ? [{ namespace: route.namespace, podLabels: HTTP01_SOLVER_POD_LABELS, port: HTTP01_SOLVER_PORT }] : []),
  ]));
}
