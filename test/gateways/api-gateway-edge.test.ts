import { App, Chart, Testing } from 'cdk8s';
import { build } from '../../examples/api-gateway-edge/main';
import {
  AcmeIssuer, ApiGatewayEdge, ApiGatewayTier, ApiGatewayTierProps, IIngressController, IngressController, RouteBackend, RuleEngine,
} from '../../src';
import { DNS_FLOWS, egressFlows, ingressFlows, named, policiesSelecting } from '../network/policy-sets';
import { inputErrors, ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

const EDGE_PODS = 'app.kubernetes.io/component=controller,app.kubernetes.io/instance=api-edge,app.kubernetes.io/name=ingress-nginx';
const TIER_PODS = 'app.kubernetes.io/component=api-gateway,app.kubernetes.io/instance=kong,app.kubernetes.io/name=api-gateway';
const upstream = (name: string) => RouteBackend.fromServiceName(name, { namespace: 'services', port: 80, podLabels: { app: name }, targetPort: 8080 });

/** A tier "kong" in "api-gateway" with two upstreams, behind an edge class "api-edge" for api.mycompany.com. */
function fixture(controller: IIngressController = IngressController.nginx(), tierProps: Partial<ApiGatewayTierProps> = {}) {
  const app = Testing.app();
  const tierChart = new Chart(app, 'api-gateway');
  const tier = new ApiGatewayTier(tierChart, 'Kong', {
    name: 'kong',
    namespace: 'api-gateway',
    image: 'docker.io/library/kong:3.9.1',
    proxyPort: 8000,
    upstreams: [upstream('orders'), upstream('payments')],
    ...tierProps,
  });
  const edgeChart = new Chart(app, 'edge');
  const issuer = new AcmeIssuer(edgeChart, 'LetsEncrypt', { email: 'ops@mycompany.com' });
  const edge = new ApiGatewayEdge(edgeChart, 'Edge', {
    host: 'api.mycompany.com', edge: { className: 'api-edge', controller, issuer }, apiGateway: tier.backend,
  });
  return { app, tier, edge };
}

function ruleIds(app: App, severity: 'errors' | 'warnings' = 'errors'): string[] {
  return RuleEngine.of(app).run()[severity].map((f) => f.ruleId);
}

describe('ApiGatewayEdge', () => {
  it('terminates TLS for the API host at the edge class and forwards everything to the API gateway tier', () => {
    // GIVEN
    const { app } = fixture();
    // WHEN
    const objs = synthApp(app);
    // THEN one Ingress in the tier namespace, on the edge class, with TLS and a Certificate
    const [ingress] = ofKind(objs, 'Ingress');
    expect(ingress.metadata.namespace).toBe('api-gateway');
    expect(ingress.spec).toMatchObject({
      ingressClassName: 'api-edge',
      tls: [{ hosts: ['api.mycompany.com'], secretName: 'api-mycompany-com-tls' }],
      rules: [{ host: 'api.mycompany.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'kong', port: { number: 80 } } } }] } }],
    });
    expect(ofKind(objs, 'Certificate').map((c) => [c.metadata.namespace, c.spec.dnsNames])).toStrictEqual([['api-gateway', ['api.mycompany.com']]]);
    expect(ruleIds(app)).toStrictEqual([]);
  });

  it('sets the edge settings through the controller profile: limits, rate limit and client address headers', () => {
    // GIVEN ingress-nginx
    const { app } = fixture();
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(named(objs, 'ConfigMap', 'api-edge-controller').data).toMatchObject({
      'proxy-body-size': '8m', 'proxy-connect-timeout': '5', 'proxy-read-timeout': '60', 'limit-req-status-code': '429', 'use-forwarded-headers': 'false',
    });
    expect(ofKind(objs, 'Ingress')[0].metadata.annotations['nginx.ingress.kubernetes.io/limit-rps']).toBe('100');
  });

  it('trusts forwarding headers only from the given proxies', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'edge');
    const issuer = new AcmeIssuer(chart, 'LetsEncrypt', { email: 'ops@mycompany.com' });
    new ApiGatewayEdge(chart, 'Edge', {
      host: 'api.mycompany.com',
      edge: { className: 'api-edge', controller: IngressController.traefik(), issuer },
      trustedProxyCidrs: ['198.51.100.0/24'],
      apiGateway: RouteBackend.fromServiceName('apipark', { namespace: 'api-gateway', port: 80, podLabels: { app: 'apipark' }, targetPort: 8099 }),
    });
    const args: string[] = ofKind(synthApp(app), 'Deployment')[0].spec.template.spec.containers[0].args;
    expect(args).toEqual(expect.arrayContaining([
      '--entryPoints.web.forwardedHeaders.trustedIPs=198.51.100.0/24', '--entryPoints.websecure.forwardedHeaders.trustedIPs=198.51.100.0/24',
      '--entryPoints.websecure.http.middlewares=public-web-hsts@file,edge-rate-limit@file',
    ]));
  });

  it('lets only the edge controller reach the API gateway pods, on the proxy port', () => {
    // GIVEN
    const { app } = fixture();
    // WHEN
    const objs = synthApp(app);
    // THEN every policy selecting the tier pods admits, together, exactly the edge controller
    const tier = named(objs, 'Deployment', 'kong', 'api-gateway');
    const policies = policiesSelecting(objs, tier);
    expect(policies.map((p) => p.metadata.name).sort()).toStrictEqual(['allow-api-edge-to-kong', 'kong']);
    expect([...new Set(policies.flatMap(ingressFlows))].sort()).toStrictEqual([`ns:ingress-api-edge pods:${EDGE_PODS} -> TCP/8000`]);
    // AND the edge controller's egress reaches the tier pods on that port
    expect(egressFlows(named(objs, 'NetworkPolicy', 'api-edge-controller'))).toContain(`ns:api-gateway pods:${TIER_PODS} -> TCP/8000`);
  });

  it('lets the API gateway reach only its upstream services and DNS', () => {
    // GIVEN
    const { app } = fixture();
    // WHEN
    const objs = synthApp(app);
    // THEN
    const policies = policiesSelecting(objs, named(objs, 'Deployment', 'kong', 'api-gateway'));
    expect(policies.every((p) => p.spec.policyTypes.includes('Egress') || p.spec.egress === undefined)).toBe(true);
    expect([...new Set(policies.flatMap(egressFlows))].sort()).toStrictEqual([
      ...DNS_FLOWS, 'ns:services pods:app=orders -> TCP/8080', 'ns:services pods:app=payments -> TCP/8080',
    ].sort());
  });

  it('records the edge settings a controller can not apply (Traefik: body size) and warns', () => {
    const { app, edge } = fixture(IngressController.traefik());
    const objs = synthApp(app);
    expect(edge.unsupportedEdgeSettings).toStrictEqual(['maxRequestBodySize']);
    expect(ofKind(objs, 'IngressClass')[0].metadata.annotations['gateways.cdk8s.io/edge-unsupported']).toBe('maxRequestBodySize');
    expect(ruleIds(app, 'warnings')).toContain('CG-GATEWAY-005');
  });
});

describe('ApiGatewayTier', () => {
  it('generates ServiceAccount, Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler (minimum 2)', () => {
    const objs = synthApp(fixture().app).filter((o) => o.metadata.namespace === 'api-gateway' || o.kind === 'Namespace');
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(expect.arrayContaining([
      'Deployment/kong', 'HorizontalPodAutoscaler/kong', 'Namespace/api-gateway', 'NetworkPolicy/kong', 'PodDisruptionBudget/kong', 'Service/kong', 'ServiceAccount/kong',
    ]));
    expect(named(objs, 'HorizontalPodAutoscaler', 'kong').spec).toMatchObject({ minReplicas: 2, maxReplicas: 10 });
    expect(named(objs, 'Deployment', 'kong').spec.replicas).toBeUndefined();
  });

  it('reads secret values from Secret references only', () => {
    // GIVEN a Secret reference and plain configuration
    const { app } = fixture(undefined, { env: { KONG_DATABASE: 'off' }, secretEnv: [{ name: 'KONG_PG_PASSWORD', secretName: 'kong-db', key: 'password' }] });
    // THEN
    const env = named(synthApp(app), 'Deployment', 'kong').spec.template.spec.containers[0].env;
    expect(env).toStrictEqual([
      { name: 'KONG_DATABASE', value: 'off' },
      { name: 'KONG_PG_PASSWORD', valueFrom: { secretKeyRef: { name: 'kong-db', key: 'password' } } },
    ]);
  });

  it('rejects a literal credential in env, fewer than 2 replicas and a tier without upstreams', () => {
    // GIVEN a tier with all three mistakes
    const { app, tier } = fixture(undefined, { env: { KONG_DATABASE: 'off', KONG_PG_PASSWORD: 'hunter2' }, replicas: 1, upstreams: [] });
    // THEN each is reported on the tier, without echoing the credential
    expect(inputErrors(app)).toStrictEqual([
      { constructPath: 'api-gateway/Kong', field: 'replicas', value: '1', message: 'replicas must be a whole number of at least 2, so one pod can be disrupted' },
      { constructPath: 'api-gateway/Kong', field: 'upstreams', value: '[]', message: 'declare the upstream services the tier routes to; its NetworkPolicy admits only those' },
      {
        constructPath: 'api-gateway/Kong',
        field: 'env.KONG_PG_PASSWORD',
        value: '"(redacted)"',
        message: 'looks like a credential; read it from a Secret with secretEnv instead of writing it into the manifests',
      },
    ]);
    // AND the credential stays out of the manifests
    const deployment = tier.node.findAll().find((c) => c.node.path === 'api-gateway/Kong/Deployment') as any;
    expect(JSON.stringify(deployment?.toJson() ?? {})).not.toContain('hunter2');
    expect(() => synthApp(app)).toThrow(/synth stopped by 3 error\(s\)[\s\S]*CG-INPUT-001 at api-gateway\/Kong\n    replicas = 1/);
  });

  it('rejects a bad rate limit and trusted proxy CIDR on the edge, and a controller without edge settings', () => {
    // GIVEN an edge with a bad rate limit and proxy CIDR
    const app = Testing.app();
    const chart = new Chart(app, 'edge');
    const issuer = new AcmeIssuer(chart, 'LetsEncrypt', { email: 'ops@mycompany.com' });
    new ApiGatewayEdge(chart, 'Edge', {
      host: 'api.mycompany.com',
      edge: { className: 'api-edge', controller: IngressController.azureApplicationGateway({ className: 'api-edge' }), issuer },
      apiGateway: upstream('orders'),
      rateLimitPerSecond: 0,
      trustedProxyCidrs: ['198.51.100.0/24', 'proxy'],
    });
    // THEN
    expect(inputErrors(app).filter((e) => e.constructPath === 'edge/Edge')).toStrictEqual([
      {
        constructPath: 'edge/Edge',
        field: 'edge.controller',
        value: '"azure-application-gateway"',
        message: 'the controller profile has no edge settings (configureEdge); use IngressController.nginx(), traefik() or haproxy()',
      },
      { constructPath: 'edge/Edge', field: 'rateLimitPerSecond', value: '0', message: 'must be a positive integer (1 or more)' },
      {
        constructPath: 'edge/Edge',
        field: 'trustedProxyCidrs[1]',
        value: '"proxy"',
        message: 'trusted proxy CIDR must be an address with a prefix length, such as "10.0.0.0/8" or "fd00::/8"; give an IPv4 or IPv6 address with a prefix length',
      },
    ]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at edge\/Edge/);
  });

  it('fails synth on an unpinned image (CG-POD-003)', () => {
    expect(ruleIds(fixture(undefined, { image: 'docker.io/library/kong:latest' }).app)).toStrictEqual(['CG-POD-003']);
  });
});

describe('examples/api-gateway-edge', () => {
  it('routes api.mycompany.com through a Traefik edge to Kong, which reaches two upstreams', () => {
    const app = build(Testing.app());
    const objs = synthApp(app);
    expect(ruleIds(app)).toStrictEqual([]);
    const kong = named(objs, 'Deployment', 'kong', 'api-gateway');
    expect([...new Set(policiesSelecting(objs, kong).flatMap(egressFlows))].filter((f) => f.startsWith('ns:services'))).toHaveLength(2);
  });
});
