/**
 * Captures what the user-path variant synthesizes at one size, once per size and in its own process (like
 * `infra.ts` for the gateways chart), so baselines (a2) and (c) emit exactly the same objects without loading
 * the library. Rules off: they add no objects, and `--check` verifies the user path with rules on writes the
 * same YAML as baseline (a2).
 */
import { ApiObject, App, Chart, Names } from 'cdk8s';
import { build as buildGatewayApiPath } from './variants/gwapi-path';
import { build } from './variants/user-path';
import { CapturedChart, Manifest, RouteSpec, UserPathCapture } from './workload';

export function captureUserPath(
  routes: RouteSpec[],
  builder: (app: App, routes: RouteSpec[], rulesEnabled: boolean) => void = build,
): UserPathCapture {
  const app = new App({ outdir: '/nonexistent' }); // never synthesized to disk
  builder(app, routes, false);
  const charts = app.charts; // cdk8s's synthesis order
  for (const chart of charts) {
    if (chart.node.scope !== app) throw new Error(`chart ${chart.node.path} is not a child of the app; the baselines rebuild only top-level charts`);
  }
  const dependsOn = (chart: Chart) => chart.node.dependencies.filter((d): d is Chart => d instanceof Chart).map((d) => d.node.id);
  // cdk8s numbers the files when any chart depends on another (App.synth, IndexedChartNamer).
  const indexed = charts.some((chart) => dependsOn(chart).length > 0
    || chart.node.findAll().some((c) => ApiObject.isApiObject(c) && c.node.dependencies.length > 0));
  return {
    charts: charts.map((chart, i): CapturedChart => ({
      id: chart.node.id,
      fileName: `${indexed ? `${String(i).padStart(4, '0')}-` : ''}${Names.toDnsLabel(chart)}.k8s.yaml`,
      dependsOn: dependsOn(chart),
      objects: chart.toJson() as Manifest[],
    })),
  };
}

/** The same capture for the Gateway API user path (`variants/gwapi-path.ts`), the input of baseline (a3). */
export function captureGatewayApiPath(routes: RouteSpec[]): UserPathCapture {
  return captureUserPath(routes, buildGatewayApiPath);
}
