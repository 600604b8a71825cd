/**
 * The rules run in every app that uses a construct of this library, gateway or not, and values a controller can
 * not represent are findings rather than crashes.
 */
import * as fs from 'fs';
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import {
  AcmeIssuer, ApiGatewayTier, CaIssuer, Dns01Solver, IngressController, PublicWebGateway, RouteBackend, RuleEngine, TlsCertificate,
} from '../../../src';
import { defaultReportFile } from '../../../src/rules/engine';
import { quietStderr } from '../../tenancy/tenant-test-utils';
import { synthApp } from '../../util/synth';

quietStderr();

/** Runs `fn`, which must throw; returns the error. */
function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected synth to fail');
}

function certificateOnlyApp(duration: Duration): App {
  const app = Testing.app();
  const chart = new Chart(app, 'tls', { namespace: 'web' });
  const issuer = new CaIssuer(chart, 'Ca', { name: 'internal-ca', secretName: 'internal-ca-key' });
  new TlsCertificate(chart, 'Cert', { secretName: 'www-tls', dnsNames: ['www.example.com'], issuer, duration });
  return app;
}

describe('rules in an app without a gateway', () => {
  it('rejects a 59-minute certificate in an app with only a TlsCertificate, and writes the report', () => {
    // GIVEN an app with a certificate and its issuer, and no gateway
    const app = certificateOnlyApp(Duration.minutes(59));
    // WHEN synthesizing
    const error = thrownBy(() => app.synth());
    // THEN the duration rule stops synth, without a stack trace
    expect(error.message).toMatch(/error CG-TLS-003 Certificate web\/www-tls at tls\/Cert\/Resource/);
    expect(error.stack).not.toContain('    at ');
    // AND the report is written
    const report = JSON.parse(fs.readFileSync(defaultReportFile(app.outdir), 'utf8'));
    expect(report.findings.map((f: any) => f.ruleId)).toContain('CG-TLS-003');
  });

  it('accepts a 1-hour certificate in the same app and writes an empty report', () => {
    // GIVEN the valid neighbour
    const app = certificateOnlyApp(Duration.hours(1));
    // WHEN / THEN
    expect(() => app.synth()).not.toThrow();
    const report = JSON.parse(fs.readFileSync(defaultReportFile(app.outdir), 'utf8'));
    expect(report.summary.errors).toBe(0);
  });

  it('rejects port 70000 in an app with only an ApiGatewayTier', () => {
    // GIVEN a tier whose proxy port is out of range, and no gateway
    const app = Testing.app();
    new ApiGatewayTier(new Chart(app, 'api'), 'Tier', {
      name: 'api-gateway',
      namespace: 'api',
      image: 'kong/kong-gateway:3.6.1',
      proxyPort: 70000,
      upstreams: [RouteBackend.fromServiceName('orders', { namespace: 'orders', port: 80, podLabels: { app: 'orders' }, targetPort: 8080 })],
    });
    // THEN
    expect(RuleEngine.of(app).run().errors.map((f) => [f.ruleId, f.constructPath, f.field, f.value])).toStrictEqual([
      ['CG-INPUT-001', 'api/Tier', 'proxyPort', '70000'],
    ]);
    expect(() => app.synth()).toThrow(/CG-INPUT-001 at api\/Tier\n\s+proxyPort = 70000: port must be an integer between 1 and 65535/);
  });

  it('rejects an ACME issuer without solvers in an app with only the issuer, as a finding of the report', () => {
    // GIVEN an issuer alone
    const app = Testing.app();
    new AcmeIssuer(new Chart(app, 'tls'), 'Acme', { email: 'ops@example.com' });
    // WHEN
    const error = thrownBy(() => app.synth());
    // THEN
    expect(error.message).toMatch(/error CG-INPUT-001 at tls\/Acme\n\s+solvers = \[\]: ACME issuer "letsencrypt" has no challenge solver/);
    // AND the neighbour with a DNS-01 solver passes
    const valid = Testing.app();
    new AcmeIssuer(new Chart(valid, 'tls'), 'Acme', { email: 'ops@example.com', dns01Solvers: [Dns01Solver.route53()] });
    expect(() => valid.synth()).not.toThrow();
  });
});

describe('values a controller can not represent', () => {
  function nginxPublicWeb(props: { connectTimeout?: Duration; maxRequestBodySize?: Size }): App {
    const app = Testing.app();
    const issuer = new AcmeIssuer(new Chart(app, 'tls'), 'Acme', { email: 'ops@example.com' });
    new PublicWebGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.nginx(), issuer, ...props });
    return app;
  }

  it('reports a sub-second timeout on ingress-nginx as a finding saying it holds whole seconds, not a cdk8s stack trace', () => {
    // GIVEN a 1.5 s connect timeout
    const app = nginxPublicWeb({ connectTimeout: Duration.millis(1500) });
    // WHEN
    const error = thrownBy(() => synthApp(app));
    // THEN one finding on the prop, with what the controller can represent
    expect(error.message).toContain('error CG-INPUT-001 at ingress/Gateway\n    connectTimeout = 1500: connectTimeout must be a whole number of seconds (got 1500 ms)');
    expect(error.stack).not.toContain('    at ');
    // AND the neighbour (2 s) passes
    expect(() => synthApp(nginxPublicWeb({ connectTimeout: Duration.seconds(2) }))).not.toThrow();
  });

  it('writes a body size of whole KiB on ingress-nginx and rejects a fraction of one', () => {
    // GIVEN 1.5 MiB (1536 KiB) and half a KiB
    const objs = synthApp(nginxPublicWeb({ maxRequestBodySize: Size.kibibytes(1536) }));
    const config = objs.find((o) => o.kind === 'ConfigMap');
    // THEN the first is written in KiB
    expect(config.data['proxy-body-size']).toBe('1536k');
    // AND the second is a finding
    expect(RuleEngine.of(nginxPublicWeb({ maxRequestBodySize: Size.kibibytes(0.5) })).run().errors.map((f) => f.field)).toStrictEqual(['maxRequestBodySize']);
  });
});

describe('certificate durations below a millisecond', () => {
  it('reports a certificate duration of half a millisecond as CG-TLS-003 instead of crashing', () => {
    // GIVEN a duration cdk8s can not convert to whole milliseconds
    const app = certificateOnlyApp(Duration.millis(0.5));
    // THEN the duration rule reports it
    expect(RuleEngine.of(app).run().errors.map((f) => [f.ruleId, f.value])).toStrictEqual([['CG-TLS-003', '"0.5ms"']]);
  });
});
