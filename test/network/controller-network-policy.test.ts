import { Chart, Testing } from 'cdk8s';
import { ANY_API_SERVER_FLOWS, DNS_FLOWS, egressFlows, ingressFlows, named, policiesSelecting } from './policy-sets';
import {
  ApiServerAccess, CloudProvider, GatewayExposure, IIngressController, IngressClassGateway, IngressController, NetworkIsolation,
  Route, RouteBackend, RuleEngine,
} from '../../src';
import { ControllerNetworkPolicy } from '../../src/network/controller-network-policy';
import { appService, gatewayApp, quietStderr } from '../tenancy/tenant-test-utils';
import { inputErrors, ofKind, synthApp } from '../util/synth';

quietStderr();

describe('controller NetworkPolicy', () => {
  it('selects the controller pods and covers ingress and egress', () => {
    // GIVEN a Traefik gateway without routes
    const { app } = gatewayApp();
    // WHEN
    const objs = synthApp(app);
    // THEN exactly one policy, in the controller namespace, selecting exactly the controller pods
    const [policy] = ofKind(objs, 'NetworkPolicy');
    expect(ofKind(objs, 'NetworkPolicy')).toHaveLength(1);
    expect(policy.metadata.name).toBe('public-web-controller');
    expect(policy.metadata.namespace).toBe('ingress-public-web');
    expect(policy.spec.policyTypes).toStrictEqual(['Ingress', 'Egress']);
    expect(policy.spec.podSelector).toStrictEqual({ matchLabels: ofKind(objs, 'Deployment')[0].spec.selector.matchLabels });
  });

  it('admits clients from anywhere on the HTTP and HTTPS container ports of a public gateway, and metrics from "monitoring"', () => {
    // GIVEN a public Traefik gateway (web 8000, websecure 8443, metrics 9100; the probe port 8080 is not for clients)
    const { app } = gatewayApp();
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(ingressFlows(policy)).toStrictEqual(['any -> TCP/8000', 'any -> TCP/8443', 'ns:monitoring -> TCP/9100']);
  });

  it('lets a controller without routes reach only DNS and the API server (TCP 443/6443, any address by default)', () => {
    // GIVEN a gateway without routes
    const { app } = gatewayApp();
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(egressFlows(policy)).toStrictEqual([...ANY_API_SERVER_FLOWS, ...DNS_FLOWS].sort());
  });

  it.each<[string, () => IIngressController, string[]]>([
    ['ingress-nginx', () => IngressController.nginx(), ['any -> TCP/443', 'any -> TCP/80', 'ns:monitoring -> TCP/10254']],
    ['traefik', () => IngressController.traefik(), ['any -> TCP/8000', 'any -> TCP/8443', 'ns:monitoring -> TCP/9100']],
    ['haproxy', () => IngressController.haproxy(), ['any -> TCP/8080', 'any -> TCP/8443', 'ns:monitoring -> TCP/1024', 'ns:monitoring -> TCP/6060']],
  ])('opens the client and metrics container ports of %s', (_name, controller, expected) => {
    // GIVEN a public gateway of that controller
    const { app } = gatewayApp({ controller: controller() });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(ingressFlows(policy)).toStrictEqual(expected);
  });

  it('admits only private addresses to an internal gateway by default', () => {
    // GIVEN an internal AWS load balancer
    const { app } = gatewayApp({ exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS) });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN clients from RFC 1918 and IPv6 ULA on the client ports, nothing else
    const clients = ['cidr:10.0.0.0/8', 'cidr:172.16.0.0/12', 'cidr:192.168.0.0/16', 'cidr:fc00::/7'];
    expect(ingressFlows(policy)).toStrictEqual([
      ...clients.flatMap((c) => [`${c} -> TCP/8000`, `${c} -> TCP/8443`]),
      'ns:monitoring -> TCP/9100',
    ].sort());
  });

  it('admits the allowlist given for an internal gateway, sorted and without duplicates', () => {
    // GIVEN two CIDRs (one repeated)
    const { app } = gatewayApp({
      exposure: GatewayExposure.clusterIp(),
      allowedSourceCidrs: ['192.168.10.0/24', '10.20.0.0/16', '192.168.10.0/24'],
    });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(policy.spec.ingress[0].from).toStrictEqual([{ ipBlock: { cidr: '10.20.0.0/16' } }, { ipBlock: { cidr: '192.168.10.0/24' } }]);
    expect(ingressFlows(policy).filter((f) => f.startsWith('cidr:'))).toStrictEqual([
      'cidr:10.20.0.0/16 -> TCP/8000', 'cidr:10.20.0.0/16 -> TCP/8443', 'cidr:192.168.10.0/24 -> TCP/8000', 'cidr:192.168.10.0/24 -> TCP/8443',
    ]);
  });

  it('restricts a public gateway to an allowlist when one is given', () => {
    // GIVEN a partner-only public gateway
    const { app } = gatewayApp({ allowedSourceCidrs: ['203.0.113.0/24'] });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(ingressFlows(policy)).toStrictEqual(['cidr:203.0.113.0/24 -> TCP/8000', 'cidr:203.0.113.0/24 -> TCP/8443', 'ns:monitoring -> TCP/9100']);
  });

  it('rejects invalid allowlist entries, admitting only the valid ones', () => {
    // GIVEN an allowlist with two bad entries
    const { app } = gatewayApp({ allowedSourceCidrs: ['10.0.0.0', '203.0.113.0/24', '10.0.0.300/8'] });
    // THEN each is reported on the gateway, with its index and value
    const errors = inputErrors(app);
    expect(errors.map((e) => [e.constructPath, e.field, e.value])).toStrictEqual([
      ['gateways/PublicWeb', 'allowedSourceCidrs[0]', '"10.0.0.0"'],
      ['gateways/PublicWeb', 'allowedSourceCidrs[2]', '"10.0.0.300/8"'],
    ]);
    expect(errors[0].message).toMatch(/^client source CIDR must be an address with a prefix length/);
    expect(errors[1].message).toMatch(/^client source CIDR has an IPv4 octet above 255/);
    // AND the policy admits clients from the valid entry only
    const policy = app.node.findAll().find((c) => c.node.path === 'gateways/PublicWeb/Traefik/NetworkPolicy/Resource') as any;
    expect(ingressFlows(policy.toJson())).toStrictEqual(['cidr:203.0.113.0/24 -> TCP/8000', 'cidr:203.0.113.0/24 -> TCP/8443', 'ns:monitoring -> TCP/9100']);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at gateways\/PublicWeb\n    allowedSourceCidrs\[0\] = "10.0.0.0"/);
  });

  it('rejects an empty allowlist, admitting no client', () => {
    // GIVEN an empty allowlist
    const { app, gateway } = gatewayApp({ allowedSourceCidrs: [] });
    // THEN it is reported
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'gateways/PublicWeb',
      field: 'allowedSourceCidrs',
      value: '[]',
      message: 'the allowlist is empty, so no client could reach the gateway; give at least one CIDR, or leave it unset to use the default',
    }]);
    // AND the policy admits no client rather than every one
    const policy = gateway.node.findAll().find((c) => c.node.path.endsWith('NetworkPolicy/Resource')) as any;
    expect(ingressFlows(policy.toJson())).toStrictEqual(['ns:monitoring -> TCP/9100']);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001/);
  });

  it('admits metrics scrapes from the monitoring namespace given', () => {
    // GIVEN Prometheus in "observability"
    const { app } = gatewayApp({ monitoringNamespace: 'observability' });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(ingressFlows(policy)).toContain('ns:observability -> TCP/9100');
    expect(ingressFlows(policy).join('\n')).not.toContain('ns:monitoring');
  });

  it('narrows API server egress to the CIDRs and ports given', () => {
    // GIVEN the control plane subnet on 443 only
    const { app } = gatewayApp({ apiServerAccess: ApiServerAccess.fromCidrs(['10.100.0.0/24', '10.100.1.0/24'], [443]) });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(egressFlows(policy)).toStrictEqual(['cidr:10.100.0.0/24 -> TCP/443', 'cidr:10.100.1.0/24 -> TCP/443', ...DNS_FLOWS].sort());
  });

  it('lets the controller reach each routed backend on its target port only, including routes declared after the gateway', () => {
    // GIVEN two apps in two namespaces, routed after the gateway was created
    const { app, gateway } = gatewayApp();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const blog = new Chart(app, 'blog', { namespace: 'blog' });
    const shopSvc = appService(shop, 'shop', 8080);
    const blogSvc = appService(blog, 'blog', 3000);
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(shopSvc) });
    new Route(blog, 'Route', { gateway, host: 'blog.example.com', backend: RouteBackend.fromService(blogSvc) });
    // WHEN
    const objs = synthApp(app);
    const policy = named(objs, 'NetworkPolicy', 'public-web-controller');
    // THEN one flow per backend: its namespace, its pods (the Service selector), its target port
    const podsOf = (svc: string) => Object.entries(named(objs, 'Service', svc).spec.selector).map(([k, v]) => `${k}=${v}`).join(',');
    expect(egressFlows(policy)).toStrictEqual([
      `ns:blog pods:${podsOf('blog')} -> TCP/3000`,
      `ns:shop pods:${podsOf('shop')} -> TCP/8080`,
      ...ANY_API_SERVER_FLOWS,
      ...DNS_FLOWS,
    ].sort());
  });

  it('merges the target ports of several routes to one backend into one rule', () => {
    // GIVEN a Service with two ports (80 → 8080, 81 → 9090) and a route to each
    const { app, gateway } = gatewayApp();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const svc = appService(shop, 'shop', 8080);
    svc.bind(81, { targetPort: 9090, name: 'admin' });
    new Route(shop, 'Web', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(svc, { port: 80 }) });
    new Route(shop, 'Admin', { gateway, host: 'shop.example.com', path: '/admin', backend: RouteBackend.fromService(svc, { port: 81 }) });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN one egress rule to the shop pods, with both target ports
    const shopRules = policy.spec.egress.filter((r: any) => r.to?.[0]?.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] === 'shop');
    expect(shopRules).toHaveLength(1);
    expect(shopRules[0].ports).toStrictEqual([{ protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 9090 }]);
  });

  it('falls back to the whole namespace when a backend names no pods, and to every port when its target port is unknown', () => {
    // GIVEN Services by name: one with a target port, one with nothing but its Service port
    const { app, gateway } = gatewayApp();
    const legacy = new Chart(app, 'legacy', { namespace: 'legacy' });
    new Route(legacy, 'Known', { gateway, host: 'a.example.com', backend: RouteBackend.fromServiceName('a', { port: 80, targetPort: 8080 }) });
    new Route(legacy, 'Unknown', { gateway, host: 'b.example.com', backend: RouteBackend.fromServiceName('b', { port: 80 }) });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN the namespace on any port (the unknown one widens the shared namespace flow), never a 504
    expect(egressFlows(policy).filter((f) => f.startsWith('ns:legacy'))).toStrictEqual(['ns:legacy -> any']);
  });

  it('narrows a backend given by name to the pods and target port it names', () => {
    // GIVEN a Service by name with its pod labels and target port
    const { app, gateway } = gatewayApp();
    const legacy = new Chart(app, 'legacy', { namespace: 'legacy' });
    new Route(legacy, 'Route', {
      gateway, host: 'a.example.com', backend: RouteBackend.fromServiceName('a', { port: 80, targetPort: 8080, podLabels: { app: 'a' } }),
    });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(egressFlows(policy).filter((f) => f.startsWith('ns:legacy'))).toStrictEqual(['ns:legacy pods:app=a -> TCP/8080']);
  });

  it('lets the controller reach cert-manager HTTP-01 solver pods on 8089 in namespaces with TLS routes', () => {
    // GIVEN a TLS route in shop and a plain route in blog
    const { app, gateway } = gatewayApp();
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const blog = new Chart(app, 'blog', { namespace: 'blog' });
    const shopRoute = new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(appService(shop, 'shop')), tlsSecretName: 'shop-tls' });
    new Route(blog, 'Route', { gateway, host: 'blog.example.com', backend: RouteBackend.fromService(appService(blog, 'blog')) });
    expect(shopRoute.tlsSecretName).toBe('shop-tls');
    // WHEN
    RuleEngine.of(app).declareExternalTlsSecret('shop', 'shop-tls');
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN the solver flow exists for shop only
    const solverFlows = egressFlows(policy).filter((f) => f.includes('acme.cert-manager.io'));
    expect(solverFlows).toStrictEqual(['ns:shop pods:acme.cert-manager.io/http01-solver=true -> TCP/8089']);
  });

  it('counts routes that fall to the default gateway', () => {
    // GIVEN a default gateway and a route that names none
    const { app } = gatewayApp({ defaultClass: true });
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new Route(shop, 'Route', { host: 'shop.example.com', backend: RouteBackend.fromServiceName('shop', { port: 80, targetPort: 8080, podLabels: { app: 'shop' } }) });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'public-web-controller');
    // THEN
    expect(egressFlows(policy)).toContain('ns:shop pods:app=shop -> TCP/8080');
  });

  it('gives the two gateways of one app policies with only their own routes', () => {
    // GIVEN two gateways, each with one route
    const { app, gateways, gateway: publicWeb } = gatewayApp();
    const internal = new IngressClassGateway(gateways, 'Internal', { className: 'internal-api', controller: IngressController.haproxy() });
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    const api = new Chart(app, 'api', { namespace: 'api' });
    new Route(shop, 'Route', { gateway: publicWeb, host: 'shop.example.com', backend: RouteBackend.fromServiceName('shop', { port: 80, targetPort: 8080, podLabels: { app: 'shop' } }) });
    new Route(api, 'Route', { gateway: internal, host: 'api.example.com', backend: RouteBackend.fromServiceName('api', { port: 80, targetPort: 9000, podLabels: { app: 'api' } }) });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const backendFlows = (name: string) => egressFlows(named(objs, 'NetworkPolicy', name)).filter((f) => f.startsWith('ns:') && !f.startsWith('ns:kube-system'));
    expect(backendFlows('public-web-controller')).toStrictEqual(['ns:shop pods:app=shop -> TCP/8080']);
    expect(backendFlows('internal-api-controller')).toStrictEqual(['ns:api pods:app=api -> TCP/9000']);
  });

  it('writes no policy for a cloud-managed gateway, which runs no pods', () => {
    // GIVEN an Azure Application Gateway (AGIC) gateway
    const app = Testing.app();
    new IngressClassGateway(new Chart(app, 'gateways'), 'Agic', { className: 'agic', controller: IngressController.azureApplicationGateway({ className: 'agic' }) });
    // WHEN / THEN
    expect(ofKind(synthApp(app), 'NetworkPolicy')).toStrictEqual([]);
  });

  it.each<[string, () => IIngressController]>([
    ['ingress-nginx', () => IngressController.nginx()],
    ['traefik', () => IngressController.traefik()],
    ['haproxy', () => IngressController.haproxy()],
  ])('selects every %s workload it generates with a policy covering ingress and egress', (_name, controller) => {
    // GIVEN a gateway with a route into an isolated namespace
    const { app, gateway } = gatewayApp({ controller: controller() });
    NetworkIsolation.of(app).declareIsolatedNamespace('shop');
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromService(appService(shop, 'shop')) });
    // WHEN
    const objs = synthApp(app);
    // THEN every Deployment the library generated is selected by policies that cover both directions
    const generated = ofKind(objs, 'Deployment').filter((d) => d.metadata.labels?.['app.kubernetes.io/managed-by'] === 'cdk8s-gateways');
    expect(generated).toHaveLength(1);
    for (const workload of generated) {
      const types = new Set(policiesSelecting(objs, workload).flatMap((p) => p.spec.policyTypes));
      expect([...types].sort()).toStrictEqual(['Egress', 'Ingress']);
    }
  });
});

describe('controller NetworkPolicy: admission webhook', () => {
  const props = (apiServer: ApiServerAccess) => ({
    name: 'edge-controller',
    namespace: 'ingress-edge',
    labels: {},
    className: 'edge',
    podLabels: { app: 'edge' },
    clientPorts: [443, 80],
    metricsPort: 10254,
    webhookPort: 8443,
    exposure: GatewayExposure.publicLoadBalancer(),
    network: { apiServer },
  });

  it('admits only the API server to the webhook port', () => {
    // GIVEN a controller with a webhook and the API server's CIDR
    const chart = Testing.chart();
    new ControllerNetworkPolicy(chart, 'Policy', props(ApiServerAccess.fromCidrs(['10.100.0.0/24'])));
    // WHEN
    const [policy] = Testing.synth(chart);
    // THEN
    expect(ingressFlows(policy)).toStrictEqual(['any -> TCP/443', 'any -> TCP/80', 'cidr:10.100.0.0/24 -> TCP/8443', 'ns:monitoring -> TCP/10254']);
  });

  it('refuses a webhook when the API server can be any address', () => {
    // GIVEN the portable default
    const chart = Testing.chart();
    // WHEN
    const policy = new ControllerNetworkPolicy(chart, 'Policy', props(ApiServerAccess.anyAddress()));
    // THEN an open webhook port (CVE-2025-1974) is refused, and the port stays closed
    expect(inputErrors(chart)).toStrictEqual([{
      constructPath: 'test/Policy',
      field: 'apiServerAccess',
      value: '"ApiServerAccess.anyAddress()"',
      message: 'the controller runs an admission webhook, which only the API server may reach; give its addresses with ApiServerAccess.fromCidrs(...)',
    }]);
    expect(ingressFlows(policy.policy.toJson())).toStrictEqual(['any -> TCP/443', 'any -> TCP/80', 'ns:monitoring -> TCP/10254']);
    expect(() => Testing.synth(chart)).toThrow(/CG-INPUT-001 at test\/Policy/);
  });
});

describe('ApiServerAccess', () => {
  it('defaults to TCP 443 and 6443 at any address', () => {
    expect(ApiServerAccess.anyAddress()).toMatchObject({ cidrs: undefined, ports: [443, 6443] });
  });

  it('sorts and deduplicates CIDRs and ports', () => {
    expect(ApiServerAccess.fromCidrs(['10.1.0.0/16', '10.0.0.0/16', '10.1.0.0/16'], [6443, 443, 443]))
      .toMatchObject({ cidrs: ['10.0.0.0/16', '10.1.0.0/16'], ports: [443, 6443] });
  });

  it('reports bad CIDRs and ports on the gateway that uses them, instead of throwing in the factory', () => {
    const findings = (apiServerAccess: ApiServerAccess) => {
      const app = Testing.app();
      new IngressClassGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.nginx(), apiServerAccess });
      return inputErrors(app).map((e) => [e.field, e.value, e.message]);
    };
    expect(findings(ApiServerAccess.fromCidrs([]))).toStrictEqual([
      ['apiServerAccess.cidrs', '[]', 'is empty; give at least one CIDR of the API server, such as "10.0.0.1/32"'],
    ]);
    expect(findings(ApiServerAccess.fromCidrs(['10.0.0.0/33', 'fd00::/129', 'kubernetes/32']))).toStrictEqual([
      ['apiServerAccess.cidrs[0]', '"10.0.0.0/33"', 'API server CIDR has an IPv4 prefix length above 32; give an IPv4 or IPv6 address with a prefix length'],
      ['apiServerAccess.cidrs[1]', '"fd00::/129"', 'API server CIDR has an IPv6 prefix length above 128; give an IPv4 or IPv6 address with a prefix length'],
      ['apiServerAccess.cidrs[2]', '"kubernetes/32"', expect.stringContaining('is not an IPv4 or IPv6 address')],
    ]);
    expect(findings(ApiServerAccess.anyAddress([]))).toStrictEqual([
      ['apiServerAccess.ports', '[]', 'is empty; give at least one TCP port, or leave it unset for 443 and 6443'],
    ]);
    expect(findings(ApiServerAccess.anyAddress([443, 70000]))).toStrictEqual([
      ['apiServerAccess.ports[1]', '70000', 'API server port must be an integer between 1 and 65535'],
    ]);
    // AND a valid neighbour passes
    expect(findings(ApiServerAccess.fromCidrs(['10.0.0.1/32'], [6443]))).toStrictEqual([]);
  });
});
