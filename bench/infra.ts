/**
 * Captures what the library's gateways chart synthesizes for a route list, once per size.
 *
 * The two baselines emit the controllers (a few dozen objects) from this JSON instead of re-implementing
 * ingress-nginx by hand; they then never load the library, so its modules do not count towards their
 * memory. The capture builds the whole library app because the gateways' objects depend on the routes
 * (for example the controller's egress NetworkPolicy lists the tenant namespaces it routes to).
 */
import { App } from 'cdk8s';
import { build } from './variants/library';
import { GatewayInfra, Manifest, RouteSpec } from './workload';

export function captureGatewayInfra(routes: RouteSpec[]): GatewayInfra {
  const app = new App({ outdir: '/nonexistent' }); // never synthesized to disk
  const { chart, byClass } = build(app, routes, false);
  const controllerPodLabels: Record<string, Record<string, string>> = {};
  for (const [className, gateway] of byClass) controllerPodLabels[className] = gateway.controllerPodLabels!;
  return { chartId: chart.node.id, objects: chart.toJson() as Manifest[], controllerPodLabels };
}
