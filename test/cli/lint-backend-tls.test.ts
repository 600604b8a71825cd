import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runLint } from '../../src/cli/lint';
import { readManifestFile } from '../../src/cli/manifests';
import { assertValidManifests } from '../schema-validator';

/** A BackendTLSPolicy for Service apps/api trusting Secret apps/api-ca, which the file does not provide. */
const POLICY = `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: api-backend-tls
  namespace: apps
spec:
  targetRefs:
    - group: ""
      kind: Service
      name: api
  validation:
    hostname: api.apps.svc
    caCertificateRefs:
      - group: ""
        kind: Secret
        name: api-ca
`;

function lint(...args: string[]): { code: number; stdout: string } {
  let stdout = '';
  const code = runLint(args, { stdout: (s) => { stdout += s; }, stderr: () => undefined });
  return { code, stdout };
}

describe('cdk8s-gateways lint: BackendTLSPolicy CA (CG-GWAPI-011)', () => {
  let file: string;
  beforeAll(() => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lint-backend-tls-')), 'policy.yaml');
    fs.writeFileSync(file, POLICY);
  });
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));

  test('reports the policy whose CA Secret the manifests do not provide, on its line, exit code 1', () => {
    // GIVEN the schema-valid policy alone
    expect(() => assertValidManifests(readManifestFile(file).objects.map((o) => o.json))).not.toThrow();
    // WHEN
    const run = lint('--format', 'json', file);
    // THEN
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings;
    expect(findings.map((f: any) => [f.ruleId, `${f.kind}/${f.namespace}/${f.name}`, f.field])).toEqual([
      ['CG-GWAPI-011', 'BackendTLSPolicy/apps/api-backend-tls', 'spec.validation.caCertificateRefs[0]'],
    ]);
  });

  test('accepts the same policy once --external-secret declares the Secret', () => {
    // WHEN
    const run = lint('--format', 'json', file, '--external-secret', 'apps/api-ca');
    // THEN
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });
});
