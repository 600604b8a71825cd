import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing, YamlOutputType } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { quietStderr } from './tenant-test-utils';
import { appProps, build, TENANTS } from '../../examples/multi-tenant/main';
import { RuleEngine } from '../../src';
import { egressFlows, ingressFlows, named, policiesSelecting } from '../network/policy-sets';
import { lintObjects } from '../util/manifests';
import { ofKind, synthApp } from '../util/synth';

quietStderr();

/** Synthesizes the example the way scripts/synth-examples.ts does, into a fresh directory; returns it. */
function synthToDir(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'multi-tenant-'));
  build(new App({ ...appProps, outdir })).synth();
  return outdir;
}

/** Every file below `dir`, relative, sorted. */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('');
  return out.sort();
}

const TRAEFIK_PEER = 'ns:ingress-public-web pods:app.kubernetes.io/component=controller,app.kubernetes.io/instance=public-web,app.kubernetes.io/name=traefik';
const HAPROXY_PEER = 'ns:ingress-internal-api pods:app.kubernetes.io/component=controller,app.kubernetes.io/instance=internal-api,app.kubernetes.io/name=haproxy-ingress';

describe('examples/multi-tenant', () => {
  let objs: any[];
  beforeAll(() => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    objs = synthApp(build(Testing.app()));
  });
  afterAll(() => jest.restoreAllMocks());

  it('monitors both gateways from the observability namespace, which their NetworkPolicies admit', () => {
    // GIVEN the example (Traefik public, HAProxy internal)
    // THEN a ServiceMonitor per metrics port, each naming observability as the Prometheus namespace
    expect(ofKind(objs, 'ServiceMonitor').map((m) => [m.metadata.name, m.metadata.annotations['monitoring.gateways.cdk8s.io/prometheus-namespace']]))
      .toStrictEqual([['public-web-metrics', 'observability'], ['internal-api-stat', 'observability'], ['internal-api-ctrl-metrics', 'observability']]);
    // AND the dashboards land in observability, and no monitor rule finds a blocked or empty target
    expect(objs.filter((o) => o.metadata.labels?.grafana_dashboard === '1').map((o) => o.metadata.namespace)).toStrictEqual(['observability', 'observability']);
    expect(lintObjects(objs).findings.filter((f) => f.ruleId.startsWith('CG-MONITOR-'))).toStrictEqual([]);
    expect(ofKind(objs, 'PrometheusRule')).toHaveLength(2);
  });

  it('stamps out at least three tenants from its data list: some public, some internal, one on both', () => {
    // GIVEN the data list
    const gatewaysOf = (t: typeof TENANTS[number]) => [...new Set(t.routes.map((r) => r.gateway))].sort().join('+');
    // THEN
    expect(TENANTS.length).toBeGreaterThanOrEqual(3);
    expect(TENANTS.map(gatewaysOf)).toEqual(expect.arrayContaining(['public', 'internal', 'internal+public']));
    // AND every tenant got its namespace, app, Service and routes
    for (const tenant of TENANTS) {
      expect(named(objs, 'Namespace', tenant.name).metadata.labels['gateways.cdk8s.io/isolated']).toBe('true');
      expect(ofKind(objs, 'Deployment').filter((d) => d.metadata.namespace === tenant.name)).toHaveLength(1);
      expect(named(objs, 'Service', tenant.name, tenant.name).spec.ports).toStrictEqual([{ name: 'http', port: 80, targetPort: 8080 }]);
      expect(ofKind(objs, 'Ingress').filter((i) => i.metadata.namespace === tenant.name).map((i) => i.spec.rules[0].host).sort())
        .toStrictEqual(tenant.routes.map((r) => r.host).sort());
    }
  });

  it('synthesizes with no finding at all, and lints clean as plain YAML', () => {
    // GIVEN the app (schema-validated by synthApp)
    const app = build(Testing.app());
    // THEN
    expect(RuleEngine.of(app).run().findings).toStrictEqual([]);
    // (the example declares its TLS secrets as issued outside it; lint is told the same)
    const secrets = ofKind(objs, 'Ingress').flatMap((i) => i.spec.tls.map((t: any) => `${i.metadata.namespace}/${t.secretName}`));
    expect(lintObjects(objs, { externalSecrets: secrets }).findings).toStrictEqual([]);
  });

  it('lets each controller reach exactly the tenants routed through it, on 8080, plus their HTTP-01 solvers', () => {
    // GIVEN the controller policies
    const backends = (name: string) => egressFlows(named(objs, 'NetworkPolicy', name))
      .filter((f) => f.startsWith('ns:') && !f.startsWith('ns:kube-system'))
      .map((f) => f.replace(/cdk8s\.io\/metadata\.addr=\S+/, 'app'));
    // THEN
    expect(backends('public-web-controller')).toStrictEqual([
      'ns:accounts pods:acme.cert-manager.io/http01-solver=true -> TCP/8089',
      'ns:accounts pods:app -> TCP/8080',
      'ns:storefront pods:acme.cert-manager.io/http01-solver=true -> TCP/8089',
      'ns:storefront pods:app -> TCP/8080',
    ]);
    expect(backends('internal-api-controller')).toStrictEqual([
      'ns:accounts pods:acme.cert-manager.io/http01-solver=true -> TCP/8089',
      'ns:accounts pods:app -> TCP/8080',
      'ns:billing pods:acme.cert-manager.io/http01-solver=true -> TCP/8089',
      'ns:billing pods:app -> TCP/8080',
    ]);
    // AND the internal gateway admits the corporate network only, and reaches the API server at its subnet only
    const internal = named(objs, 'NetworkPolicy', 'internal-api-controller');
    expect(ingressFlows(internal).filter((f) => !f.startsWith('ns:observability'))).toStrictEqual(['cidr:10.0.0.0/8 -> TCP/8080', 'cidr:10.0.0.0/8 -> TCP/8443']);
    expect(egressFlows(internal)).toEqual(expect.arrayContaining(['cidr:10.100.0.0/24 -> TCP/443', 'cidr:10.100.0.0/24 -> TCP/6443']));
    expect(egressFlows(internal).filter((f) => f.startsWith('any'))).toStrictEqual([]);
  });

  it('admits into each tenant exactly the gateways that route to it, on the app port', () => {
    // GIVEN the allowances in each tenant namespace
    const allowances = (ns: string) => ofKind(objs, 'NetworkPolicy')
      .filter((p) => p.metadata.namespace === ns && p.metadata.name.startsWith('allow-') && p.metadata.name.endsWith(`-to-${ns}`))
      .flatMap(ingressFlows).sort();
    // THEN
    expect(allowances('storefront')).toStrictEqual([`${TRAEFIK_PEER} -> TCP/8080`]);
    expect(allowances('billing')).toStrictEqual([`${HAPROXY_PEER} -> TCP/8080`]);
    expect(allowances('accounts')).toStrictEqual([`${HAPROXY_PEER} -> TCP/8080`, `${TRAEFIK_PEER} -> TCP/8080`]);
  });

  it('selects every workload by NetworkPolicies covering ingress and egress', () => {
    // GIVEN every Deployment: the two controllers and the three apps
    const deployments = ofKind(objs, 'Deployment');
    expect(deployments).toHaveLength(2 + TENANTS.length);
    // THEN
    for (const workload of deployments) {
      const types = new Set(policiesSelecting(objs, workload).flatMap((p) => p.spec.policyTypes));
      expect(`${workload.metadata.namespace}/${workload.metadata.name}: ${[...types].sort().join(',')}`)
        .toBe(`${workload.metadata.namespace}/${workload.metadata.name}: Egress,Ingress`);
    }
  });

  it('writes one folder per chart and one file per object', () => {
    // GIVEN a synth into a directory
    const outdir = synthToDir();
    // WHEN
    const files = filesBelow(outdir);
    // THEN a folder for the gateways and for each tenant, and nothing else (the report is written beside the folder)
    expect(appProps.yamlOutputType).toBe(YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE);
    expect([...new Set(files.map((f) => f.split(path.sep)[0]))].sort())
      .toStrictEqual(['gateways', ...TENANTS.map((t) => t.name)].sort());
    const yamlFiles = files.filter((f) => f.endsWith('.k8s.yaml'));
    expect(yamlFiles).toHaveLength(objs.length);
    for (const file of yamlFiles) {
      const docs = parseAllDocuments(fs.readFileSync(path.join(outdir, file), 'utf8'));
      expect(docs).toHaveLength(1);
      const obj = docs[0].toJS();
      expect(file).toBe(path.join(file.split(path.sep)[0], `${obj.kind}.${obj.metadata.name}.k8s.yaml`));
    }
    // AND tenant folders hold only their namespace's objects
    for (const tenant of TENANTS) {
      const inFolder = yamlFiles.filter((f) => f.startsWith(`${tenant.name}${path.sep}`)).map((f) => parseAllDocuments(fs.readFileSync(path.join(outdir, f), 'utf8'))[0].toJS());
      expect(new Set(inFolder.map((o) => o.metadata.namespace ?? o.metadata.name))).toStrictEqual(new Set([tenant.name]));
    }
  });

  it('is deterministic: two synths write byte-identical files', () => {
    // GIVEN two synths into two directories
    const first = synthToDir();
    const second = synthToDir();
    // THEN the same files with the same bytes
    const files = filesBelow(first);
    expect(filesBelow(second)).toStrictEqual(files);
    for (const file of files) {
      expect(`${file}\n${fs.readFileSync(path.join(second, file), 'utf8')}`).toBe(`${file}\n${fs.readFileSync(path.join(first, file), 'utf8')}`);
    }
  });
});
