import { podMonitor, serviceMonitor } from '../rules/monitor/monitor-fixtures';
import { validateObject } from '../schema-validator';

describe('prometheus-operator CRD schemas in the test validator', () => {
  it('accepts valid monitors and rejects malformed ones (so synthesized monitors are really checked)', () => {
    // GIVEN valid ServiceMonitor and PodMonitor fixtures, and broken variants
    // THEN the valid ones pass
    expect(validateObject(serviceMonitor())).toStrictEqual([]);
    expect(validateObject(podMonitor())).toStrictEqual([]);
    // AND an unknown field, a wrong relabel action and a PrometheusRule without expr are rejected
    expect(validateObject(serviceMonitor({ spec: { endpoints: [{ port: 'metrics', scrapeEvery: '30s' }] } })))
      .toStrictEqual(['.spec.endpoints[0].scrapeEvery: unknown field']);
    expect(validateObject(serviceMonitor({ spec: { endpoints: [{ port: 'metrics', relabelings: [{ action: 'rename', targetLabel: 'x' }] }] } })).join('\n'))
      .toContain('.spec.endpoints[0].relabelings[0].action');
    expect(validateObject({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'r', namespace: 'apps' },
      spec: { groups: [{ name: 'g', rules: [{ alert: 'A' }] }] },
    })).toStrictEqual(['.spec.groups[0].rules[0].expr: required field is missing']);
  });
});
