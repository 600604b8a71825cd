import { App, Chart, Testing } from 'cdk8s';
import { identities, ofKind, quietStderr, synth, tuples } from './controller-test-utils';
import { build } from '../../examples/multi-controller/main';
import {
  CloudProvider, GatewayExposure, IngressClassGateway, IngressController, Route, RouteBackend, RuleEngine,
} from '../../src';

quietStderr();

interface MultiApp {
  readonly app: App;
  readonly ingress: Chart;
  readonly publicWeb: IngressClassGateway;
  readonly partnerWeb: IngressClassGateway;
  readonly internalApi: IngressClassGateway;
}

/** Two nginx gateways (one the default) and one internal Traefik gateway, each serving a route in its tenant's namespace. */
function multiApp(): MultiApp {
  const app = Testing.app();
  const ingress = new Chart(app, 'ingress');
  const publicWeb = new IngressClassGateway(ingress, 'PublicWeb', { className: 'public-web', controller: IngressController.nginx(), defaultClass: true });
  const partnerWeb = new IngressClassGateway(ingress, 'PartnerWeb', { className: 'partner-web', controller: IngressController.nginx() });
  const internalApi = new IngressClassGateway(ingress, 'InternalApi', {
    className: 'internal-api', controller: IngressController.traefik(), exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
  });
  for (const [tenant, gateway] of [['tenant-a', publicWeb], ['tenant-b', partnerWeb], ['tenant-c', internalApi]] as const) {
    const chart = new Chart(app, tenant, { namespace: tenant });
    new Route(chart, 'Route', { gateway, host: `${tenant}.example.com`, backend: RouteBackend.fromServiceName('web', { port: 80 }) });
  }
  return { app, ingress, publicWeb, partnerWeb, internalApi };
}

function argsOf(deployment: any): string[] {
  return deployment.spec.template.spec.containers[0].args;
}

describe('two nginx gateways and one Traefik gateway in one app', () => {
  it('synthesizes schema-valid objects with no error and only the ingress-nginx retirement warning', () => {
    // GIVEN the three gateways
    const { app } = multiApp();
    // WHEN
    synth(app);
    const report = RuleEngine.of(app).run();
    // THEN
    expect(report.errors).toStrictEqual([]);
    expect([...new Set(report.warnings.map((w) => w.ruleId))]).toStrictEqual(['CG-CONTROLLER-003']);
    expect(report.warnings.map((w) => w.name).sort()).toStrictEqual(['partner-web-controller', 'public-web-controller']);
  });

  it('gives no two objects the same kind, namespace and name', () => {
    // GIVEN the three gateways
    const objs = synth(multiApp().app);
    // THEN every identity is unique, and each controller has its own namespace and cluster-scoped names
    const ids = identities(objs);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toStrictEqual([]);
    expect(ofKind(objs, 'Namespace').map((n) => n.metadata.name).sort()).toStrictEqual(['ingress-internal-api', 'ingress-partner-web', 'ingress-public-web']);
    expect(ofKind(objs, 'ClusterRole').map((r) => r.metadata.name).sort())
      .toStrictEqual(['internal-api-ingress-controller', 'partner-web-ingress-controller', 'public-web-ingress-controller']);
    expect(ofKind(objs, 'ClusterRoleBinding').map((r) => r.metadata.name).sort())
      .toStrictEqual(['internal-api-ingress-controller', 'partner-web-ingress-controller', 'public-web-ingress-controller']);
  });

  it('gives each nginx class its own controller value, and Traefik its fixed one', () => {
    // GIVEN the three gateways
    const objs = synth(multiApp().app);
    // THEN
    const classes = Object.fromEntries(ofKind(objs, 'IngressClass').map((c) => [c.metadata.name, c.spec.controller]));
    expect(classes).toStrictEqual({
      'public-web': 'k8s.io/ingress-nginx/public-web',
      'partner-web': 'k8s.io/ingress-nginx/partner-web',
      'internal-api': 'traefik.io/ingress-controller',
    });
    expect(new Set(Object.values(classes)).size).toBe(3);
  });

  it('binds each controller to its own class only', () => {
    // GIVEN the three gateways
    const objs = synth(multiApp().app);
    const byNamespace = Object.fromEntries(ofKind(objs, 'Deployment').map((d) => [d.metadata.namespace, argsOf(d)]));
    // THEN each nginx names its class and value; Traefik names its class
    expect(byNamespace['ingress-public-web']).toEqual(expect.arrayContaining(['--ingress-class=public-web', '--controller-class=k8s.io/ingress-nginx/public-web']));
    expect(byNamespace['ingress-partner-web']).toEqual(expect.arrayContaining(['--ingress-class=partner-web', '--controller-class=k8s.io/ingress-nginx/partner-web']));
    expect(byNamespace['ingress-internal-api']).toContain('--providers.kubernetesingress.ingressclass=internal-api');
    // AND only the default class watches Ingresses without a class
    expect(byNamespace['ingress-public-web']).toContain('--watch-ingress-without-class=true');
    expect(byNamespace['ingress-partner-web']).not.toContain('--watch-ingress-without-class=true');
  });

  it('gives each nginx its own election id, and lets it lock only that Lease', () => {
    // GIVEN the three gateways
    const objs = synth(multiApp().app);
    // THEN
    const ids = ofKind(objs, 'Deployment').flatMap((d) => argsOf(d).filter((a) => a.startsWith('--election-id=')));
    expect(ids.sort()).toStrictEqual(['--election-id=partner-web-ingress-nginx-leader', '--election-id=public-web-ingress-nginx-leader']);
    const leaseNames = ofKind(objs, 'Role').flatMap((r) => tuples(r.rules)).filter((t) => t.startsWith('coordination.k8s.io|leases|update|'));
    expect(leaseNames.sort()).toStrictEqual([
      'coordination.k8s.io|leases|update|partner-web-ingress-nginx-leader',
      'coordination.k8s.io|leases|update|public-web-ingress-nginx-leader',
    ]);
  });

  it('binds each route to the class of its gateway, in its tenant namespace', () => {
    // GIVEN the three gateways
    const objs = synth(multiApp().app);
    // THEN
    expect(ofKind(objs, 'Ingress').map((i) => [i.metadata.namespace, i.spec.ingressClassName])).toStrictEqual([
      ['tenant-a', 'public-web'], ['tenant-b', 'partner-web'], ['tenant-c', 'internal-api'],
    ]);
  });
});

describe('collisions between gateways of one app', () => {
  it('reports two gateways that share a namespace and both create it, naming both construct paths (CG-META-003)', () => {
    // GIVEN a Traefik gateway placed in the nginx gateway's namespace
    const { app, ingress } = multiApp();
    new IngressClassGateway(ingress, 'Extra', { className: 'extra', controller: IngressController.traefik(), namespace: 'ingress-public-web' });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN only the Namespace collides: every other object carries the class in its name
    expect(errors.map((e) => [e.ruleId, e.kind, e.name])).toStrictEqual([['CG-META-003', 'Namespace', 'ingress-public-web']]);
    expect(errors[0].message).toContain('ingress/Extra/Namespace');
    expect(errors[0].message).toContain('ingress/PublicWeb/Namespace');
    expect(() => synth(app)).toThrow(/CG-META-003/);
  });

  it('accepts the shared namespace when only one gateway creates it', () => {
    // GIVEN createNamespace: false on the second gateway
    const { app, ingress } = multiApp();
    new IngressClassGateway(ingress, 'Extra', { className: 'extra', controller: IngressController.traefik(), namespace: 'ingress-public-web', createNamespace: false });
    // THEN
    expect(RuleEngine.of(app).run().errors).toStrictEqual([]);
    synth(app);
  });

  it('reports two gateways of one class name: every object twice, and the shared election id (CG-META-003, CG-GATEWAY-002)', () => {
    // GIVEN a second nginx gateway reusing class "partner-web"
    const { app, ingress } = multiApp();
    new IngressClassGateway(ingress, 'PartnerWebAgain', { className: 'partner-web', controller: IngressController.nginx() });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    const ids = new Set(errors.map((e) => e.ruleId));
    expect([...ids].sort()).toStrictEqual(['CG-GATEWAY-002', 'CG-META-003']);
    const duplicateKinds = errors.filter((e) => e.ruleId === 'CG-META-003').map((e) => e.kind).sort();
    expect(duplicateKinds).toEqual(expect.arrayContaining(['ClusterRole', 'ClusterRoleBinding', 'Deployment', 'IngressClass', 'Namespace']));
    const election = errors.find((e) => e.ruleId === 'CG-GATEWAY-002')!;
    expect(election.message).toContain('partner-web-ingress-nginx-leader');
    expect(election.message).toContain('ingress/PartnerWeb/IngressNginx/Deployment');
  });

  it('reports a route without gateway in an app without default class, listing the classes (CG-INGRESS-010)', () => {
    // GIVEN two non-default gateways and a route naming none
    const app = Testing.app();
    const ingress = new Chart(app, 'ingress');
    new IngressClassGateway(ingress, 'PublicWeb', { className: 'public-web', controller: IngressController.nginx() });
    new IngressClassGateway(ingress, 'InternalApi', { className: 'internal-api', controller: IngressController.traefik() });
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    new Route(shop, 'Route', { host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }) });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((e) => [e.ruleId, e.constructPath])).toStrictEqual([['CG-INGRESS-010', 'shop/Route/Resource']]);
    expect(errors[0].message).toContain('available classes: internal-api, public-web');
    expect(() => synth(app)).toThrow(/CG-INGRESS-010[\s\S]*internal-api, public-web/);
  });
});

describe('examples/multi-controller', () => {
  it('synthesizes schema-valid objects with no error, each tenant Ingress naming its own class', () => {
    // GIVEN the example
    const app = build(Testing.app());
    // WHEN
    const objs = synth(app);
    // THEN
    expect(RuleEngine.of(app).run().errors).toStrictEqual([]);
    expect(ofKind(objs, 'Ingress').map((i) => [i.metadata.namespace, i.spec.ingressClassName])).toStrictEqual([
      ['tenant-a', 'public-web-gateway'], ['tenant-b', 'internal-api-gateway'],
    ]);
    expect(ofKind(objs, 'IngressClass').map((c) => [c.metadata.name, c.spec.controller])).toStrictEqual([
      ['public-web-gateway', 'k8s.io/ingress-nginx/public-web-gateway'], ['internal-api-gateway', 'traefik.io/ingress-controller'],
    ]);
  });

  it('monitors both gateways for the kube-prometheus-stack release, with one dashboard per controller kind', () => {
    // GIVEN the example
    const objs = synth(build(Testing.app()));
    // THEN a ServiceMonitor and a PrometheusRule per gateway, in its namespace, labelled for the release
    expect([...ofKind(objs, 'ServiceMonitor'), ...ofKind(objs, 'PrometheusRule')].map((o) => [o.kind, o.metadata.namespace, o.metadata.labels.release]))
      .toStrictEqual([
        ['ServiceMonitor', 'ingress-public-web-gateway', 'kube-prometheus-stack'],
        ['ServiceMonitor', 'ingress-internal-api-gateway', 'kube-prometheus-stack'],
        ['PrometheusRule', 'ingress-public-web-gateway', 'kube-prometheus-stack'],
        ['PrometheusRule', 'ingress-internal-api-gateway', 'kube-prometheus-stack'],
      ]);
    // AND the internal API's latency alert uses its own threshold
    const internal = ofKind(objs, 'PrometheusRule').find((r) => r.metadata.namespace === 'ingress-internal-api-gateway');
    expect(internal.spec.groups[0].rules.find((r: any) => r.alert === 'GatewayHostHighLatency').expr).toMatch(/ > 0\.3$/);
    expect(objs.filter((o) => o.metadata.labels?.grafana_dashboard === '1').map((o) => o.metadata.name))
      .toStrictEqual(['cdk8s-gateways-ingress-nginx-dashboard', 'cdk8s-gateways-traefik-dashboard']);
  });
});
