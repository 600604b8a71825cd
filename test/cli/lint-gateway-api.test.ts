import * as fs from 'fs';
import * as path from 'path';
import { runLint } from '../../src/cli/lint';
import { readManifestFile } from '../../src/cli/manifests';
import { assertValidManifests } from '../schema-validator';

/** The Gateway API fixture: a Gateway and a GatewayClass, a tenant ListenerSet and its route, an app route and a ReferenceGrant. */
const DIR = path.relative(process.cwd(), path.join(__dirname, '..', 'fixtures', 'lint', 'gateway-api'));
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(DIR, f));

function lint(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runLint(args, { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; } });
  return { code, stdout, stderr };
}

describe('cdk8s-gateways lint: Gateway API manifests', () => {
  test('the fixture is schema-valid Gateway API v1.6 (Kubernetes 1.28 + CRDs)', () => {
    // GIVEN every object of the fixture
    const objects = FILES.flatMap((f) => readManifestFile(f).objects.map((o) => o.json));
    // THEN
    expect(objects.map((o) => o.kind)).toEqual(['HTTPRoute', 'ReferenceGrant', 'GatewayClass', 'Namespace', 'Gateway', 'Namespace', 'ListenerSet', 'HTTPRoute']);
    expect(() => assertValidManifests(objects)).not.toThrow();
  });

  test('reads GatewayClass as cluster-scoped and the other Gateway API kinds as namespaced', () => {
    // GIVEN the parsed fixture
    const objects = FILES.flatMap((f) => readManifestFile(f).objects);
    const ns = (kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.namespace);
    // THEN
    expect(ns('GatewayClass')).toEqual([undefined]);
    expect(ns('Gateway')).toEqual(['infra']);
    expect(ns('ListenerSet')).toEqual(['tenant-a']);
    expect(ns('HTTPRoute')).toEqual(['apps', 'tenant-a']);
    expect(ns('ReferenceGrant')).toEqual(['backends']);
  });

  test('reports the route outside its listener\'s hostnames, the missing section and the unprovided ListenerSet secret, exit code 1', () => {
    // WHEN linting the folder as JSON
    const run = lint('--format', 'json', DIR);
    // THEN exactly these findings, by ID and object; the granted cross-namespace backend and the shim-provided secret pass
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings;
    expect(findings.map((f: any) => [f.ruleId, `${f.kind}/${f.namespace}/${f.name}`, f.field])).toEqual([
      ['CG-GWAPI-002', 'HTTPRoute/apps/web', 'spec.hostnames'],
      ['CG-GWAPI-003', 'HTTPRoute/apps/web', 'spec.parentRefs[1]'],
      ['CG-GWAPI-007', 'ListenerSet/tenant-a/tenant-a', 'spec.listeners[0].tls.certificateRefs[0]'],
    ]);
    expect(findings[2]).toMatchObject({ file: path.join(DIR, 'tenant-a.yaml'), line: 9 });
  });

  test('--external-secret declares the ListenerSet\'s secret, and --skip leaves the Gateway API rules out', () => {
    // WHEN declaring tenant-a/shop-tls; and skipping the area
    const declared = lint('--format', 'json', DIR, '--external-secret', 'tenant-a/shop-tls');
    const skipped = lint(DIR, '--skip', 'CG-GWAPI');
    // THEN
    expect(JSON.parse(declared.stdout).findings.map((f: any) => f.ruleId)).toEqual(['CG-GWAPI-002', 'CG-GWAPI-003']);
    expect(skipped.code).toBe(0);
  });
});
