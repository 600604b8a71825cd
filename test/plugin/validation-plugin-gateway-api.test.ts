import * as path from 'path';
import { GatewayValidationPlugin } from '../../src/plugin/validation-plugin';

const DIR = path.join(__dirname, '..', 'fixtures', 'lint', 'gateway-api');

describe('GatewayValidationPlugin: Gateway API manifests', () => {
  test('reports Gateway API findings like any other rule, and the report fails', async () => {
    // GIVEN the Gateway API fixture, as cdk8s synth would list its files
    const manifests = ['apps.yaml', 'gateway.yaml', 'tenant-a.yaml'].map((f) => path.join(DIR, f));
    const violations: Array<{ ruleName: string; violatingResources: Array<{ resourceName: string; locations: string[] }> }> = [];
    const submits: string[] = [];
    const context = {
      manifests,
      pkg: 'cdk8s-gateways',
      version: '0.0.0',
      metadata: {},
      report: { addViolation: (v: any) => { violations.push(v); }, submit: (status: string) => { submits.push(status); } },
      logger: { log: () => undefined },
    };
    // WHEN validating
    await new GatewayValidationPlugin().validate(context as any);
    // THEN
    expect(violations.map((v) => v.ruleName)).toEqual(['CG-GWAPI-002', 'CG-GWAPI-003', 'CG-GWAPI-007']);
    expect(violations.find((v) => v.ruleName === 'CG-GWAPI-007')!.violatingResources).toEqual([
      expect.objectContaining({ resourceName: 'ListenerSet/tenant-a/tenant-a', locations: ['spec.listeners[0].tls.certificateRefs[0]'] }),
    ]);
    expect(submits).toEqual(['failure']);
  });

  test('reports a tenant namespace admitted on a listener without hostname (CG-GWAPI-009) at the listener', async () => {
    // GIVEN a tenant Namespace and a Gateway whose HTTP listener without hostname admits it
    const violations: Array<{ ruleName: string; violatingResources: Array<{ resourceName: string; locations: string[] }> }> = [];
    const context = {
      manifests: [path.join(DIR, '..', 'gateway-api-tenant', 'gateway.yaml')],
      pkg: 'cdk8s-gateways',
      version: '0.0.0',
      metadata: {},
      report: { addViolation: (v: any) => { violations.push(v); }, submit: () => undefined },
      logger: { log: () => undefined },
    };
    // WHEN validating
    await new GatewayValidationPlugin().validate(context as any);
    // THEN exactly that finding, on the Gateway's listener
    expect(violations.map((v) => v.ruleName)).toEqual(['CG-GWAPI-009']);
    expect(violations[0].violatingResources).toEqual([
      expect.objectContaining({ resourceName: 'web', locations: ['spec.listeners[0].allowedRoutes.namespaces'] }),
    ]);
  });
});
