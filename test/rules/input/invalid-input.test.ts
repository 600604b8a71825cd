import { Chart, Testing } from 'cdk8s';
import { CloudProvider, IngressClassGateway, IngressController, InternalApiGateway, RuleEngine, Tenant } from '../../../src';
import { InvalidInputError } from '../../../src/core/input/input-error';
import { inputErrors, synthApp } from '../../util/synth';

const ID = 'CG-INPUT-001';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

/** An app with an internal API gateway and a tenant of it, built with `mistakes` applied. */
function app(mistakes: { allowedSourceCidrs?: string[]; hosts?: string[] } = {}) {
  const a = Testing.app();
  const infra = new Chart(a, 'ingress');
  const gateway = new InternalApiGateway(infra, 'Gateway', {
    className: 'internal-api',
    controller: IngressController.nginx(),
    provider: CloudProvider.AWS,
    ...(mistakes.allowedSourceCidrs ? { allowedSourceCidrs: mistakes.allowedSourceCidrs } : {}),
  });
  new Tenant(a, 'shop', { hosts: mistakes.hosts ?? ['shop.example.com'], gateways: [gateway] });
  return a;
}

/** The error a synth throws (fails the test when it does not throw). */
function synthError(a: ReturnType<typeof app>): Error {
  try {
    synthApp(a);
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected synth to fail');
}

describe('CG-INPUT-001 invalid input', () => {
  it('reports every bad prop of an app in one synth, with construct path, field and value', () => {
    // GIVEN two bad props in two constructs of one app
    const a = app({ allowedSourceCidrs: ['10.0.0.0/8', '10.0.0.300/8'], hosts: ['shop.example.com', 'shop.example.com:443'] });
    // THEN both are findings of the rule
    const findings = RuleEngine.of(a).run().errors.filter((f) => f.ruleId === 'CG-INPUT-001');
    expect(findings.map((f) => [f.constructPath, f.field, f.value])).toStrictEqual([
      ['ingress/Gateway', 'allowedSourceCidrs[1]', '"10.0.0.300/8"'],
      ['shop', 'hosts[1]', '"shop.example.com:443"'],
    ]);
    expect(inputErrors(a)[0].message).toContain('has an IPv4 octet above 255');
    expect(inputErrors(a)[1].message).toContain('must not contain a port');
    // AND one synth error lists both
    const error = synthError(a);
    expect(error.message).toMatch(/synth stopped by 2 error\(s\)/);
    expect(error.message).toContain(`error ${ID} at ingress/Gateway\n    allowedSourceCidrs[1] = "10.0.0.300/8": allowed source CIDR has an IPv4 octet above 255`);
    expect(error.message).toContain(`error ${ID} at shop\n    hosts[1] = "shop.example.com:443": host must not contain a port`);
    // AND it carries no stack trace
    expect(error.stack).not.toContain('    at ');
  });

  it('finds nothing in a valid app', () => {
    // GIVEN an app without mistakes
    const a = app();
    // THEN no finding of the rule, and synth succeeds
    expect(inputErrors(a)).toStrictEqual([]);
    expect(() => synthApp(a)).not.toThrow();
  });

  it('reports bad props on every construct that received them', () => {
    // GIVEN a cloud-managed gateway sized like a self-hosted one
    const a = Testing.app();
    const chart = new Chart(a, 'ingress');
    new IngressClassGateway(chart, 'Gateway', { className: 'alb', controller: IngressController.awsAlb(), replicas: 3 });
    // THEN
    expect(inputErrors(a)).toStrictEqual([{
      constructPath: 'ingress/Gateway',
      field: 'replicas',
      value: '3',
      message: 'replicas sizes controller pods, and aws-load-balancer-controller runs none in the cluster; leave it unset',
    }]);
  });

  it('throws InvalidInputError without a stack from scope-less factories', () => {
    // WHEN a static factory gets a value it can not use
    let error: unknown;
    try {
      CloudProvider.of('oracle');
    } catch (e) {
      error = e;
    }
    // THEN the error names the value and what is accepted, and carries no stack frames
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe('CloudProvider.of: unknown cloud provider "oracle"; supported: aws, gcp, azure');
    expect((error as Error).stack).toBe(`InvalidInputError: ${(error as Error).message}`);
    expect((error as Error).stack).not.toContain('    at ');
  });
});
