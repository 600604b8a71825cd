import { App, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appService, gatewayApp, quietStderr } from './tenant-test-utils';
import { IngressClassGateway, IngressController, NetworkIsolation, Route, RouteBackend, RuleEngine, Tenant, TenantProps } from '../../src';
import { hostAllowed, checkHostPattern } from '../../src/core/host-allowance';
import { egressFlows, ingressFlows, named } from '../network/policy-sets';
import { inputErrors, ofKind, synthApp } from '../util/synth';

quietStderr();

const TRAEFIK_PEER = 'ns:ingress-public-web pods:app.kubernetes.io/component=controller,app.kubernetes.io/instance=public-web,app.kubernetes.io/name=traefik';
const HAPROXY_PEER = 'ns:ingress-internal-api pods:app.kubernetes.io/component=controller,app.kubernetes.io/instance=internal-api,app.kubernetes.io/name=haproxy-ingress';

/** An app with a public Traefik gateway, an internal HAProxy gateway, and a Tenant "shop" allowed the public one. */
function tenantApp(props: Partial<TenantProps> = {}) {
  const { app, gateways, gateway: publicWeb } = gatewayApp();
  const internalApi = new IngressClassGateway(gateways, 'InternalApi', { className: 'internal-api', controller: IngressController.haproxy() });
  const tenant = new Tenant(app, 'shop', { hosts: ['shop.example.com', '*.shop.example.com'], gateways: [publicWeb], ...props });
  return { app, publicWeb, internalApi, tenant };
}

/** The unsuppressed errors of a synth, as [rule, message]. */
function errorsOf(app: App): Array<[string, string]> {
  return RuleEngine.of(app).run().errors.map((e) => [e.ruleId, e.message]);
}

describe('Tenant objects', () => {
  it('writes exactly its namespace, quota, limits and policies', () => {
    // GIVEN a tenant with no workloads
    const { app } = tenantApp();
    // WHEN
    const objs = synthApp(app).filter((o) => o.metadata.namespace === 'shop' || (o.kind === 'Namespace' && o.metadata.name === 'shop'));
    // THEN
    expect(objs.map((o) => `${o.kind} ${o.metadata.name}`).sort()).toStrictEqual([
      'LimitRange tenant-limits',
      'Namespace shop',
      'NetworkPolicy allow-acme-http01-solvers',
      'NetworkPolicy allow-cluster-dns',
      'NetworkPolicy default-deny',
      'ResourceQuota tenant-quota',
    ]);
  });

  it('writes a restricted, isolated Namespace that records the tenant, its hosts and its classes', () => {
    // GIVEN a tenant allowed both gateways, with a team label
    const { app, publicWeb, internalApi } = tenantApp();
    new Tenant(app, 'billing', { hosts: ['billing.example.com'], gateways: [publicWeb, internalApi], namespaceLabels: { team: 'payments' } });
    // WHEN
    const ns = named(synthApp(app), 'Namespace', 'billing');
    // THEN cluster-scoped (no namespace), every allowance recorded, classes sorted
    expect(ns).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'billing',
        labels: {
          'team': 'payments',
          'app.kubernetes.io/managed-by': 'cdk8s-gateways',
          'gateways.cdk8s.io/isolated': 'true',
          'gateways.cdk8s.io/tenant': 'billing',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'v1.28',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
        annotations: {
          'gateways.cdk8s.io/allowed-classes': 'internal-api,public-web',
          'gateways.cdk8s.io/allowed-hosts': 'billing.example.com',
        },
      },
    });
  });

  it('uses tenantName and namespace when given', () => {
    // GIVEN a construct id, a tenant name and a namespace that all differ
    const { app, publicWeb } = tenantApp();
    const tenant = new Tenant(app, 'Payments', { tenantName: 'payments', namespace: 'team-payments', hosts: ['pay.example.com'], gateways: [publicWeb] });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(tenant.namespace).toBe('team-payments');
    expect(named(objs, 'Namespace', 'team-payments').metadata.labels['gateways.cdk8s.io/tenant']).toBe('payments');
    expect(named(objs, 'ResourceQuota', 'tenant-quota', 'team-payments').metadata.labels['gateways.cdk8s.io/tenant']).toBe('payments');
  });

  it('writes a ResourceQuota with the documented defaults: no LoadBalancer or NodePort Services', () => {
    // GIVEN defaults
    const { app } = tenantApp();
    // WHEN
    const quota = named(synthApp(app), 'ResourceQuota', 'tenant-quota', 'shop');
    // THEN
    expect(quota.spec).toStrictEqual({
      hard: {
        'limits.memory': '16Gi',
        'persistentvolumeclaims': '10',
        'pods': '50',
        'requests.cpu': '4',
        'requests.memory': '8Gi',
        'services': '20',
        'services.loadbalancers': '0',
        'services.nodeports': '0',
      },
    });
  });

  it('writes the quota and limits given', () => {
    // GIVEN every field
    const { app } = tenantApp({
      quota: {
        requestsCpu: kplus.Cpu.millis(1500),
        requestsMemory: Size.mebibytes(1536),
        limitsMemory: Size.gibibytes(3),
        pods: 10,
        services: 4,
        persistentVolumeClaims: 0,
        loadBalancers: 1,
        nodePorts: 2,
      },
      limits: {
        defaultCpuRequest: kplus.Cpu.millis(20),
        defaultMemoryRequest: Size.mebibytes(32),
        defaultMemoryLimit: Size.mebibytes(64),
        maxMemoryLimit: Size.gibibytes(1),
      },
    });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(named(objs, 'ResourceQuota', 'tenant-quota').spec.hard).toStrictEqual({
      'limits.memory': '3Gi',
      'persistentvolumeclaims': '0',
      'pods': '10',
      'requests.cpu': '1500m',
      'requests.memory': '1536Mi',
      'services': '4',
      'services.loadbalancers': '1',
      'services.nodeports': '2',
    });
    expect(named(objs, 'LimitRange', 'tenant-limits').spec.limits).toStrictEqual([{
      type: 'Container', defaultRequest: { cpu: '20m', memory: '32Mi' }, default: { memory: '64Mi' }, max: { memory: '1Gi' },
    }]);
  });

  it('rejects a negative or fractional count', () => {
    // GIVEN two bad counts
    const { app } = tenantApp({ quota: { pods: -1, services: 1.5 } });
    // THEN both are reported on the tenant, and synth fails listing them
    expect(inputErrors(app)).toStrictEqual([
      { constructPath: 'shop', field: 'quota.pods', value: '-1', message: 'quota counts must be whole numbers of at least 0' },
      { constructPath: 'shop', field: 'quota.services', value: '1.5', message: 'quota counts must be whole numbers of at least 0' },
    ]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at shop\n    quota.pods = -1: quota counts must be whole numbers/);
  });

  it('writes a LimitRange with the documented defaults', () => {
    // GIVEN defaults
    const { app } = tenantApp();
    // WHEN
    const limits = named(synthApp(app), 'LimitRange', 'tenant-limits', 'shop');
    // THEN
    expect(limits.spec).toStrictEqual({
      limits: [{ type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { memory: '256Mi' }, max: { memory: '4Gi' } }],
    });
  });

  it('denies all ingress and egress by default and allows only DNS out', () => {
    // GIVEN a tenant
    const { app } = tenantApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    const deny = named(objs, 'NetworkPolicy', 'default-deny', 'shop');
    expect(deny.spec).toStrictEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    const dns = named(objs, 'NetworkPolicy', 'allow-cluster-dns', 'shop');
    expect(dns.spec.podSelector).toStrictEqual({});
    expect(dns.spec.policyTypes).toStrictEqual(['Egress']);
    expect(egressFlows(dns)).toStrictEqual(['ns:kube-system pods:k8s-app=kube-dns -> TCP/53', 'ns:kube-system pods:k8s-app=kube-dns -> UDP/53']);
  });

  it('admits the controllers of its gateways to cert-manager HTTP-01 solver pods on 8089', () => {
    // GIVEN a tenant allowed both gateways
    const { app, publicWeb, internalApi } = tenantApp();
    new Tenant(app, 'billing', { hosts: ['billing.example.com'], gateways: [publicWeb, internalApi] });
    // WHEN
    const policy = named(synthApp(app), 'NetworkPolicy', 'allow-acme-http01-solvers', 'billing');
    // THEN
    expect(policy.spec.podSelector).toStrictEqual({ matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } });
    expect(policy.spec.policyTypes).toStrictEqual(['Ingress']);
    expect(ingressFlows(policy)).toStrictEqual([`${HAPROXY_PEER} -> TCP/8089`, `${TRAEFIK_PEER} -> TCP/8089`]);
  });

  it('writes no solver allowance when asked not to, or when no gateway runs pods', () => {
    // GIVEN one tenant opting out and one on a cloud-managed gateway only
    const { app } = tenantApp({ allowAcmeHttp01Solvers: false });
    const agic = new IngressClassGateway(app.charts[0], 'Agic', { className: 'agic', controller: IngressController.azureApplicationGateway({ className: 'agic' }) });
    new Tenant(app, 'cloud', { hosts: ['cloud.example.com'], gateways: [agic] });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'NetworkPolicy').filter((p) => p.metadata.name === 'allow-acme-http01-solvers')).toStrictEqual([]);
  });

  it('declares its namespace isolated', () => {
    // GIVEN
    const { app } = tenantApp();
    // THEN
    expect(NetworkIsolation.of(app).isIsolated('shop')).toBe(true);
  });

  it('rejects bad props, naming the tenant', () => {
    const { publicWeb } = tenantApp();
    const app = publicWeb.node.root as App;
    // WHEN five tenants each get a bad prop
    new Tenant(app, 'a', { hosts: [], gateways: [publicWeb] });
    new Tenant(app, 'b', { hosts: ['b.example.com'], gateways: [] });
    new Tenant(app, 'c', { hosts: ['c.*.example.com'], gateways: [publicWeb] });
    const d = new Tenant(app, 'd', { hosts: ['D.example.com:443', 'd.example.com'], gateways: [publicWeb] });
    new Tenant(app, 'Team_E', { hosts: ['e.example.com'], gateways: [publicWeb] });
    // THEN every one is reported, naming the tenant, the field and the value
    const errors = inputErrors(app);
    expect(errors.map((e) => [e.constructPath, e.field, e.value])).toStrictEqual([
      ['a', 'hosts', '[]'],
      ['b', 'gateways', '[]'],
      ['c', 'hosts[0]', '"c.*.example.com"'],
      ['d', 'hosts[0]', '"D.example.com:443"'],
      ['Team_E', 'tenantName', '"Team_E"'],
    ]);
    expect(errors[0].message).toBe('give at least one host the tenant may serve');
    expect(errors[1].message).toBe('give at least one gateway the tenant may use');
    expect(errors[2].message).toMatch(/^host may contain a wildcard only/);
    expect(errors[3].message).toBe('host must not contain a port');
    expect(errors[4].message).toMatch(/^namespace must consist of lower case/);
    // AND the bad host is left out of the tenant's allowance
    expect(d.hosts).toStrictEqual(['d.example.com']);
    // AND synth fails listing them all
    expect(() => synthApp(app)).toThrow(/synth stopped[\s\S]*CG-INPUT-001 at a\n[\s\S]*CG-INPUT-001 at Team_E\n/);
  });
});

describe('Tenant routes', () => {
  it('lands routes in the tenant namespace, through its only gateway when none is named', () => {
    // GIVEN a tenant allowed one gateway, and a route without a gateway
    const { app, tenant } = tenantApp();
    const route = tenant.addRoute('Route', { host: 'shop.example.com', backend: RouteBackend.fromService(appService(tenant, 'web')) });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const ingress = ofKind(objs, 'Ingress')[0];
    expect(ingress.metadata.namespace).toBe('shop');
    expect(ingress.spec.ingressClassName).toBe('public-web');
    expect(route.gateway?.className).toBe('public-web');
    // AND the gateway is admitted to the app on its target port, and nothing else is
    const shopPolicies = ofKind(objs, 'NetworkPolicy').filter((p) => p.metadata.namespace === 'shop').map((p) => p.metadata.name).sort();
    expect(shopPolicies).toStrictEqual(['allow-acme-http01-solvers', 'allow-cluster-dns', 'allow-public-web-to-web', 'default-deny']);
    expect(ingressFlows(named(objs, 'NetworkPolicy', 'allow-public-web-to-web'))).toStrictEqual([`${TRAEFIK_PEER} -> TCP/8080`]);
  });

  it('asks for a gateway when the tenant may use several', () => {
    // GIVEN a tenant allowed two gateways
    const { app, publicWeb, internalApi } = tenantApp();
    const tenant = new Tenant(app, 'billing', { hosts: ['billing.example.com'], gateways: [publicWeb, internalApi] });
    // THEN
    tenant.addRoute('Route', { host: 'billing.example.com', backend: RouteBackend.fromServiceName('web', { port: 80, podLabels: { app: 'web' }, targetPort: 8080 }) });
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'billing',
      field: 'addRoute("Route").gateway',
      value: '(unset)',
      message: 'route for host "billing.example.com" names no gateway, and the tenant may use 2; name one of: "public-web", "internal-api"',
    }]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at billing/);
  });

  it('refuses a backend in another namespace', () => {
    // GIVEN a Service in "blog"
    const { app, tenant } = tenantApp();
    // WHEN a route of the tenant targets it
    tenant.addRoute('Route', { host: 'shop.example.com', backend: RouteBackend.fromServiceName('web', { port: 80, namespace: 'blog' }) });
    // THEN
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'shop',
      field: 'addRoute("Route").backend.namespace',
      value: '"blog"',
      message: 'route for host "shop.example.com" targets Service blog/web, outside the tenant\'s namespace; give a Service in "shop"',
    }]);
    expect(() => synthApp(app)).toThrow(/CG-INPUT-001 at shop/);
  });
});

describe('Tenant host allowance', () => {
  it('accepts exact hosts and hosts below a *.suffix, at any depth', () => {
    // GIVEN routes to the exact host, a host below the suffix, two levels below, and a wildcard below it
    const { app, tenant } = tenantApp();
    const service = appService(tenant, 'web');
    ['shop.example.com', 'www.shop.example.com', 'eu.api.shop.example.com', '*.shop.example.com'].forEach((host, i) =>
      tenant.addRoute(`Route${i}`, { host, backend: RouteBackend.fromService(service) }));
    // WHEN / THEN
    expect(errorsOf(app)).toStrictEqual([]);
    expect(() => synthApp(app)).not.toThrow();
  });

  it('fails synth for a host outside the allowance, naming the tenant and the host (CG-TENANT-001)', () => {
    // GIVEN a route to another tenant's host
    const { app, tenant } = tenantApp();
    tenant.addRoute('Route', { host: 'billing.example.com', backend: RouteBackend.fromService(appService(tenant, 'web')) });
    // WHEN / THEN
    expect(errorsOf(app)).toStrictEqual([
      ['CG-TENANT-001', 'tenant "shop" may not serve host "billing.example.com": its allowed hosts are shop.example.com, *.shop.example.com'],
    ]);
    expect(() => synthApp(app)).toThrow(/CG-TENANT-001[\s\S]*tenant "shop" may not serve host "billing.example.com"/);
  });

  it('does not let *.suffix cover the suffix itself, or a look-alike domain', () => {
    // GIVEN a tenant allowed only *.shop.example.com
    const { app, tenant } = tenantApp({ hosts: ['*.shop.example.com'] });
    const service = appService(tenant, 'web');
    tenant.addRoute('Apex', { host: 'shop.example.com', backend: RouteBackend.fromService(service) });
    tenant.addRoute('LookAlike', { host: 'evilshop.example.com', backend: RouteBackend.fromService(service) });
    // WHEN / THEN
    expect(errorsOf(app).map(([id, message]) => `${id} ${message.split(':')[0]}`)).toStrictEqual([
      'CG-TENANT-001 tenant "shop" may not serve host "shop.example.com"',
      'CG-TENANT-001 tenant "shop" may not serve host "evilshop.example.com"',
    ]);
  });

  it('checks TLS hosts too, so a tenant cannot present its certificate for a foreign host', () => {
    // GIVEN a route on an allowed host, with a raw Ingress TLS entry for another host added by patch
    const { app, tenant } = tenantApp();
    const route = tenant.addRoute('Route', { host: 'shop.example.com', backend: RouteBackend.fromService(appService(tenant, 'web')), tlsSecretName: 'shop-tls' });
    RuleEngine.of(app).declareExternalTlsSecret('shop', 'shop-tls');
    route.ingress.addJsonPatch(JsonPatch.add('/spec/tls/0/hosts/-', 'billing.example.com'));
    // WHEN / THEN
    expect(errorsOf(app)).toStrictEqual([
      ['CG-TENANT-001', 'tenant "shop" may not serve host "billing.example.com" (TLS): its allowed hosts are shop.example.com, *.shop.example.com'],
    ]);
  });

  it('fails synth for a route on a gateway the tenant may not use, naming the tenant and the host (CG-TENANT-002)', () => {
    // GIVEN the internal gateway, which the tenant was not granted
    const { app, internalApi, tenant } = tenantApp();
    tenant.addRoute('Route', { gateway: internalApi, host: 'shop.example.com', backend: RouteBackend.fromService(appService(tenant, 'web')) });
    // WHEN / THEN
    expect(errorsOf(app)).toStrictEqual([
      ['CG-TENANT-002', 'tenant "shop" may not use class "internal-api" for host "shop.example.com": its allowed classes are public-web'],
    ]);
  });

  it('applies to any Route in the tenant chart, not only addRoute', () => {
    // GIVEN a plain Route in the tenant chart
    const { app, publicWeb, tenant } = tenantApp();
    new Route(tenant, 'Plain', { gateway: publicWeb, host: 'other.example.com', backend: RouteBackend.fromService(appService(tenant, 'web')) });
    // THEN
    expect(errorsOf(app).map(([id]) => id)).toStrictEqual(['CG-TENANT-001']);
  });
});

describe('Tenant conflicts', () => {
  it('fails synth when two tenants claim the same host + path on one class, naming both (CG-INGRESS-005)', () => {
    // GIVEN two tenants both granted www.example.com, both routing / on public-web
    const { app, publicWeb } = tenantApp();
    const a = new Tenant(app, 'team-a', { hosts: ['www.example.com'], gateways: [publicWeb] });
    const b = new Tenant(app, 'team-b', { hosts: ['www.example.com'], gateways: [publicWeb] });
    a.addRoute('Route', { host: 'www.example.com', backend: RouteBackend.fromService(appService(a, 'web')) });
    b.addRoute('Route', { host: 'www.example.com', backend: RouteBackend.fromService(appService(b, 'web')) });
    // WHEN
    const errors = errorsOf(app);
    // THEN one error, naming both tenants and namespaces
    expect(errors.map(([id]) => id)).toStrictEqual(['CG-INGRESS-005']);
    expect(errors[0][1]).toContain('host "www.example.com" Prefix path "/" on class "public-web" is already routed by Ingress team-a/');
    expect(errors[0][1]).toContain('this one is Ingress team-b/');
    expect(errors[0][1]).toContain('two tenants claim it: tenant "team-a" (namespace team-a) and tenant "team-b" (namespace team-b)');
    expect(() => synthApp(app)).toThrow(/CG-INGRESS-005/);
  });

  it('lets two tenants share a host on different paths when both were granted it', () => {
    // GIVEN api.example.com granted to both, /orders and /users
    const { app, publicWeb } = tenantApp();
    const orders = new Tenant(app, 'orders', { hosts: ['api.example.com'], gateways: [publicWeb] });
    const users = new Tenant(app, 'users', { hosts: ['api.example.com'], gateways: [publicWeb] });
    orders.addRoute('Route', { host: 'api.example.com', path: '/orders', backend: RouteBackend.fromService(appService(orders, 'web')) });
    users.addRoute('Route', { host: 'api.example.com', path: '/users', backend: RouteBackend.fromService(appService(users, 'web')) });
    // THEN the grant is the platform team's decision
    expect(errorsOf(app)).toStrictEqual([]);
  });
});

describe('host allowance matching', () => {
  it.each<[string, string[], boolean]>([
    ['shop.example.com', ['shop.example.com'], true],
    ['SHOP.example.com', ['shop.example.com'], true],
    ['www.shop.example.com', ['shop.example.com'], false],
    ['www.shop.example.com', ['*.shop.example.com'], true],
    ['a.b.shop.example.com', ['*.shop.example.com'], true],
    ['*.shop.example.com', ['*.shop.example.com'], true],
    ['shop.example.com', ['*.shop.example.com'], false],
    ['xshop.example.com', ['*.shop.example.com'], false],
    ['*.example.com', ['*.shop.example.com'], false],
    ['', ['*.example.com'], false],
  ])('%s in %j: %s', (host, patterns, expected) => {
    expect(hostAllowed(host, patterns)).toBe(expected);
  });

  it('validates patterns', () => {
    expect(checkHostPattern('shop.example.com')).toBeUndefined();
    expect(checkHostPattern('*.shop.example.com')).toBeUndefined();
    expect(checkHostPattern('*.Shop.example.com')).toMatch(/^suffix must be a lowercase RFC 1123 subdomain/);
    expect(checkHostPattern('10.0.0.1')).toBe('must be a DNS name, not an IP address');
    expect(checkHostPattern('shop*.example.com')).toMatch(/wildcard only as the whole leftmost label/);
  });
});
