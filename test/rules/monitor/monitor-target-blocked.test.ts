import { podMonitor, scrapedApp, serviceMonitor } from './monitor-fixtures';
import { findingsOf, lintObjects, namespace, networkPolicy, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-MONITOR-003';

/** A policy isolating the api pods that admits `from` on port 9090 (or on `port`). */
function apiPolicy(from: any[], port: number | string = 9090) {
  return networkPolicy({
    name: 'api',
    namespace: 'apps',
    podSelector: { matchLabels: { app: 'api' } },
    ingress: [{ from, ports: [{ protocol: 'TCP', port }] }],
  });
}

const fromNamespace = (name: string) => [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } } }];

describe(`${ID} NetworkPolicies block Prometheus from the scraped port`, () => {
  it('rejects a ServiceMonitor whose pods are isolated and admit nothing from the Prometheus namespace', () => {
    // GIVEN a default-deny in apps
    const objs = [...scrapedApp(), serviceMonitor(), networkPolicy({ namespace: 'apps' })];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN an error naming the policy and the namespace Prometheus is assumed in
    expect(f).toMatchObject({ severity: 'error', kind: 'ServiceMonitor', name: 'api', field: 'spec.endpoints[0].port', value: shown('metrics') });
    expect(f.message).toBe('NetworkPolicy default-deny isolates Deployment apps/api and none admits Prometheus from namespace monitoring on port "metrics"');
  });

  it('rejects a policy that admits the monitoring namespace on another port', () => {
    // GIVEN monitoring admitted on 8080 only
    const objs = [...scrapedApp(), podMonitor(), apiPolicy(fromNamespace('monitoring'), 8080)];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toHaveLength(1);
  });

  it('rejects when the monitor says Prometheus runs in a namespace the policy does not admit', () => {
    // GIVEN the policy admits "monitoring", the monitor is scraped from "observability"
    const monitor = serviceMonitor({ metadata: { annotations: { 'monitoring.gateways.cdk8s.io/prometheus-namespace': 'observability' } } });
    const objs = [...scrapedApp(), monitor, apiPolicy(fromNamespace('monitoring'))];
    // THEN
    expect(singleFinding(lintObjects(objs), ID).message).toContain('from namespace observability');
  });

  it('accepts a policy that admits the Prometheus namespace on the port, by number or by name', () => {
    // GIVEN admitted by number for the ServiceMonitor, by name for the PodMonitor (two namespaces' worth of policies)
    const objs = [...scrapedApp(), serviceMonitor(), podMonitor(), apiPolicy(fromNamespace('monitoring')), apiPolicy(fromNamespace('monitoring'), 'metrics')];
    objs[objs.length - 1].metadata.name = 'api-by-name';
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });

  it('accepts a policy that admits the Prometheus namespace on a port range covering the port (endPort)', () => {
    // GIVEN monitoring admitted on 9000-9100 (the metrics port is 9090)
    const range = networkPolicy({
      name: 'api',
      namespace: 'apps',
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{ from: fromNamespace('monitoring'), ports: [{ protocol: 'TCP', port: 9000, endPort: 9100 }] }],
    });
    // THEN
    expect(findingsOf(lintObjects([...scrapedApp(), serviceMonitor(), range]), ID)).toStrictEqual([]);
  });

  it('reads the labels of the later Namespace when two have the same name, as applying them leaves it', () => {
    // GIVEN Namespace monitoring twice, labelled team=other and then team=observability, and a policy admitting team=observability
    const policy = apiPolicy([{ namespaceSelector: { matchLabels: { team: 'observability' } } }]);
    const objs = [namespace({ name: 'monitoring', labels: { team: 'other' } }), namespace({ name: 'monitoring', labels: { team: 'observability' } })];
    // THEN Prometheus is admitted
    expect(findingsOf(lintObjects([...scrapedApp(), serviceMonitor(), ...objs, policy]), ID)).toStrictEqual([]);
  });

  it('accepts pods no NetworkPolicy isolates', () => {
    // GIVEN no policy at all
    // THEN
    expect(findingsOf(lintObjects([...scrapedApp(), serviceMonitor()]), ID)).toStrictEqual([]);
  });
});
