import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { runLint } from '../../src/cli/lint';
import { podMonitor, scrapedApp, serviceMonitor } from '../rules/monitor/monitor-fixtures';
import { networkPolicy } from '../util/manifests';

/** Lints the objects as one YAML file; returns the exit code and the monitor finding lines. */
function lintYaml(objs: any[]): { code: number; lines: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateways-lint-monitors-'));
  try {
    const file = path.join(dir, 'app.yaml');
    fs.writeFileSync(file, objs.map((o) => stringify(o)).join('---\n'));
    let stdout = '';
    const code = runLint([file], { stdout: (s) => { stdout += s; }, stderr: () => undefined });
    return { code, lines: stdout.split('\n').filter((l) => l.includes('CG-MONITOR-')).map((l) => l.replace(`${file}:`, '')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('cdk8s-gateways lint: ServiceMonitors and PodMonitors', () => {
  it('reports a missing port name and a NetworkPolicy that blocks Prometheus, and fails', () => {
    // GIVEN a ServiceMonitor on a port name the Service lacks, and a PodMonitor whose pods a default-deny isolates
    const objs = [...scrapedApp(), serviceMonitor({ spec: { endpoints: [{ port: 'prom' }] } }), podMonitor(), networkPolicy({ namespace: 'apps' })];
    // WHEN
    const run = lintYaml(objs);
    // THEN
    expect(run.code).toBe(1);
    expect(run.lines).toStrictEqual([
      '60 ServiceMonitor/apps/api CG-MONITOR-002 [error] spec.endpoints[0].port = "prom": no selected Service has a port named "prom" (Service api-metrics: "metrics")',
      '72 PodMonitor/apps/api CG-MONITOR-003 [error] spec.podMetricsEndpoints[0].port = "metrics": NetworkPolicy default-deny isolates Deployment apps/api and none admits Prometheus from namespace monitoring on port "metrics"',
    ]);
  });

  it('passes monitors that select existing ports of reachable pods', () => {
    // GIVEN the compliant monitors and no policy
    // THEN
    expect(lintYaml([...scrapedApp(), serviceMonitor(), podMonitor()])).toStrictEqual({ code: 0, lines: [] });
  });
});
