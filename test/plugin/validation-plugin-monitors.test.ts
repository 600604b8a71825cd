import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { GatewayValidationPlugin } from '../../src/plugin/validation-plugin';
import { scrapedApp, serviceMonitor } from '../rules/monitor/monitor-fixtures';

describe('GatewayValidationPlugin: ServiceMonitors', () => {
  it('reports a ServiceMonitor whose selector matches no Service (CG-MONITOR-001)', async () => {
    // GIVEN a synthesized manifest with a ServiceMonitor selecting scrape=false
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateways-plugin-monitors-'));
    const file = path.join(dir, 'app.k8s.yaml');
    const objs = [...scrapedApp(), serviceMonitor({ spec: { selector: { matchLabels: { scrape: 'false' } } } })];
    fs.writeFileSync(file, objs.map((o) => stringify(o)).join('---\n'));
    const ruleNames: string[] = [];
    const statuses: string[] = [];
    try {
      // WHEN the plugin validates it as cdk8s synth would
      await new GatewayValidationPlugin().validate({
        manifests: [file],
        pkg: 'cdk8s-gateways',
        version: '0.0.0',
        metadata: {},
        report: { addViolation: (v: any) => { ruleNames.push(v.ruleName); }, submit: (status: string) => { statuses.push(status); } },
        logger: { log: () => undefined },
      } as any);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // THEN a warning-level violation, and the report still passes
    expect(ruleNames).toStrictEqual(['CG-MONITOR-001']);
    expect(statuses).toStrictEqual(['success']);
  });
});
