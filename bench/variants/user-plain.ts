/**
 * Baseline (a2): exactly the objects the user path synthesizes (captured by `user-capture.ts`), as plain
 * `ApiObject`s in the same charts: no typed props, no validation, nothing resolved at synth. The floor for
 * what cdk8s itself costs for the user path's output.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { UserPathCapture } from '../workload';

export function build(app: App, capture: UserPathCapture): void {
  const charts = new Map<string, Chart>();
  for (const captured of capture.charts) {
    // No chart namespace: every captured object carries its own (cluster-scoped ones none).
    const chart = new Chart(app, captured.id);
    charts.set(captured.id, chart);
    for (const dependency of captured.dependsOn) chart.addDependency(charts.get(dependency)!);
    captured.objects.forEach(({ apiVersion, kind, metadata, ...rest }, i) => new ApiObject(chart, `o${i}`, { apiVersion, kind, metadata, ...rest }));
  }
}
