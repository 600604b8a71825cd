/**
 * Captures the library's gateways chart as JSON, once per benchmark run.
 *
 * The two baselines emit the controllers (about 25 objects, a constant cost) from this JSON instead of
 * re-implementing ingress-nginx by hand; they then never load the library, so its modules do not
 * count towards their memory.
 */
import { App } from 'cdk8s';
import { RuleEngine } from '../src';
import { buildGatewaysChart } from './variants/library';
import { GatewayInfra, Manifest } from './workload';

export function captureGatewayInfra(): GatewayInfra {
  const app = new App({ outdir: '/nonexistent' }); // never synthesized to disk
  RuleEngine.of(app).enabled = false;
  const { chart, byClass } = buildGatewaysChart(app);
  const controllerPodLabels: Record<string, Record<string, string>> = {};
  for (const [className, gateway] of byClass) controllerPodLabels[className] = gateway.controllerPodLabels!;
  return { chartId: chart.node.id, objects: chart.toJson() as Manifest[], controllerPodLabels };
}
