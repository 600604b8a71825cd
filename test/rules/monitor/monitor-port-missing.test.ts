import { podMonitor, scrapedApp, serviceMonitor } from './monitor-fixtures';
import { findingsOf, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-MONITOR-002';

describe(`${ID} monitor scrapes a port name that does not exist`, () => {
  it('rejects a ServiceMonitor endpoint naming a port the selected Service lacks', () => {
    // GIVEN port "http-metrics" where the Service names it "metrics"
    const monitor = serviceMonitor({ spec: { endpoints: [{ port: 'http-metrics', path: '/metrics' }] } });
    // WHEN
    const f = singleFinding(lintObjects([...scrapedApp(), monitor]), ID);
    // THEN an error on the endpoint's port, listing the ports that exist
    expect(f).toMatchObject({ severity: 'error', kind: 'ServiceMonitor', name: 'api', field: 'spec.endpoints[0].port', value: shown('http-metrics') });
    expect(f.message).toBe('no selected Service has a port named "http-metrics" (Service api-metrics: "metrics")');
  });

  it('rejects a PodMonitor endpoint naming a port no container has', () => {
    // GIVEN "prom" where the container port is "metrics"
    const monitor = podMonitor({ spec: { podMetricsEndpoints: [{ port: 'prom' }] } });
    // THEN
    const f = singleFinding(lintObjects([...scrapedApp(), monitor]), ID);
    expect(f.field).toBe('spec.podMetricsEndpoints[0].port');
    expect(f.message).toBe('no selected pod has a port named "prom" (Deployment apps/api: "http", "metrics")');
  });

  it('accepts endpoints whose port names exist on the Service and on the container', () => {
    // GIVEN the compliant monitors
    // THEN
    expect(findingsOf(lintObjects([...scrapedApp(), serviceMonitor(), podMonitor()]), ID)).toStrictEqual([]);
  });
});
