/**
 * Binding does not depend on declaration order (issue 14): gateways, tenants, isolated namespaces and routes are
 * declared in every order an app can write them, and the synthesized YAML is the same, NetworkPolicy allowances and
 * Certificates included.
 */
import { App, Chart, Testing, Yaml } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import {
  AcmeIssuer, IGateway, IngressClassGateway, IngressController, NetworkIsolation, PublicWebGateway, Route, RouteBackend, RuleEngine, Tenant,
} from '../../src';
import { assertValidManifests } from '../schema-validator';
import { appService, quietStderr } from '../tenancy/tenant-test-utils';

quietStderr();

type DefaultKind = 'IngressClassGateway' | 'PublicWebGateway';
type Step = 'defaultGateway' | 'namedGateway' | 'isolatedNamespace' | 'tenant' | 'routes';
const STEPS: Step[] = ['defaultGateway', 'namedGateway', 'isolatedNamespace', 'tenant', 'routes'];

/** Every order of `items`. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/**
 * Orders a program can be written in: a construct can only name a gateway that exists, so the tenant (allowed the
 * default gateway) comes after it, and the routes (one names the internal gateway) after the named gateway.
 */
const ORDERS = permutations(STEPS).filter((order) =>
  order.indexOf('defaultGateway') < order.indexOf('tenant') && order.indexOf('namedGateway') < order.indexOf('routes'));

/**
 * An app with a default gateway (public-web), a named internal gateway, a Tenant "shop" (isolated), a namespace
 * "billing" declared isolated by hand, two TLS routes into shop through the default gateway and one route into
 * billing through the internal gateway; declared in `order`. Charts are created first so each construct's chart
 * is the same in every order.
 */
function declare(kind: DefaultKind, order: Step[]): App {
  const app = Testing.app();
  const ingress = new Chart(app, 'ingress');
  const internal = new Chart(app, 'internal');
  const shopApps = new Chart(app, 'shop-apps', { namespace: 'shop' });
  const billingApps = new Chart(app, 'billing-apps', { namespace: 'billing' });
  const issuer = kind === 'PublicWebGateway' ? new AcmeIssuer(ingress, 'LetsEncrypt', { email: 'ops@example.com' }) : undefined;
  if (kind === 'IngressClassGateway') {
    // A plain gateway issues no Certificates: the secrets come from elsewhere.
    RuleEngine.of(app).declareExternalTlsSecret('shop', 'shop-tls');
    RuleEngine.of(app).declareExternalTlsSecret('shop', 'www-shop-tls');
  }
  let defaultGateway: IGateway | undefined;
  let namedGateway: IGateway | undefined;
  const steps: Record<Step, () => void> = {
    defaultGateway: () => {
      const props = { className: 'public-web', controller: IngressController.traefik(), defaultClass: true };
      defaultGateway = kind === 'PublicWebGateway'
        ? new PublicWebGateway(ingress, 'PublicWeb', { ...props, issuer: issuer! })
        : new IngressClassGateway(ingress, 'PublicWeb', props);
    },
    namedGateway: () => {
      namedGateway = new IngressClassGateway(internal, 'InternalApi', { className: 'internal-api', controller: IngressController.haproxy() });
    },
    isolatedNamespace: () => NetworkIsolation.of(app).declareIsolatedNamespace('billing'),
    tenant: () => {
      new Tenant(app, 'shop', { hosts: ['shop.example.com', 'www.shop.example.com'], gateways: [defaultGateway!] });
    },
    routes: () => {
      const web = RouteBackend.fromService(appService(shopApps, 'web'));
      new Route(shopApps, 'Web', { host: 'shop.example.com', backend: web, tlsSecretName: 'shop-tls' });
      new Route(shopApps, 'WebWww', { host: 'www.shop.example.com', path: '/static', backend: web, tlsSecretName: 'www-shop-tls' });
      new Route(billingApps, 'Api', { gateway: namedGateway, host: 'billing.internal.example.com', backend: RouteBackend.fromService(appService(billingApps, 'api')) });
    },
  };
  for (const step of order) steps[step]();
  return app;
}

/** Each chart's YAML, by chart path (the chart list itself follows declaration order, which is the user's). */
function yamlByChart(app: App): Record<string, string> {
  const result: Record<string, string> = {};
  for (const chart of app.charts) {
    const objects = Testing.synth(chart);
    assertValidManifests(objects);
    result[chart.node.path] = Yaml.stringify(...objects);
  }
  return result;
}

/** The objects of every chart of `yaml`. */
function objectsOf(yaml: Record<string, string>): any[] {
  return Object.values(yaml).flatMap((doc) => parseAllDocuments(doc).map((d) => d.toJS())).filter(Boolean);
}

describe.each<DefaultKind>(['IngressClassGateway', 'PublicWebGateway'])('declaration order with a default %s', (kind) => {
  const canonical = yamlByChart(declare(kind, STEPS));

  it('binds every route, admits each gateway into each isolated namespace, and issues the Certificates in the canonical order', () => {
    // GIVEN the declarations in the order a reader would write them
    const objects = objectsOf(canonical);
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy' && o.metadata.name.startsWith('allow-') && o.metadata.name.includes('-to-'));
    // THEN one allowance per isolated namespace, from exactly the serving gateway's controller pods
    expect(policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort()).toStrictEqual([
      'billing/allow-internal-api-to-api',
      'shop/allow-public-web-to-web',
    ]);
    const shopAllowance = policies.find((p) => p.metadata.namespace === 'shop');
    expect(shopAllowance.spec.ingress[0].from[0].namespaceSelector.matchLabels).toStrictEqual({ 'kubernetes.io/metadata.name': 'ingress-public-web' });
    // AND every route's Ingress bound to its gateway's class
    const ingresses = objects.filter((o) => o.kind === 'Ingress');
    expect(ingresses.map((i) => `${i.metadata.namespace} ${i.spec.rules[0].host} ${i.spec.ingressClassName}`).sort()).toStrictEqual([
      'billing billing.internal.example.com internal-api',
      'shop shop.example.com public-web',
      'shop www.shop.example.com public-web',
    ]);
    // AND a PublicWebGateway issues one Certificate per secret, for its route's host; a plain gateway issues none
    const certificates = objects.filter((o) => o.kind === 'Certificate');
    expect(certificates.map((c) => `${c.metadata.namespace}/${c.spec.secretName} ${c.spec.dnsNames.join(',')}`))
      .toStrictEqual(kind === 'PublicWebGateway' ? ['shop/shop-tls shop.example.com', 'shop/www-shop-tls www.shop.example.com'] : []);
  });

  it.each(ORDERS.map((order) => [order.join(' > '), order] as const))('synthesizes the same YAML when declared as %s', (_name, order) => {
    // GIVEN the same declarations in another order
    const app = declare(kind, [...order]);
    // WHEN
    const yaml = yamlByChart(app);
    // THEN
    expect(yaml).toStrictEqual(canonical);
  });
});

describe('rendering at synth', () => {
  it('adds no object on a second synth, and only the new route\'s objects after a route is added', () => {
    // GIVEN an app synthesized once
    const app = declare('PublicWebGateway', STEPS);
    const first = objectsOf(yamlByChart(app));
    // WHEN it is synthesized again
    const second = objectsOf(yamlByChart(app));
    // THEN nothing is duplicated
    expect(second).toStrictEqual(first);
    // WHEN a route into the tenant is added after that synth
    const shopApps = app.node.findChild('shop-apps') as Chart;
    new Route(shopApps, 'Shop', { host: 'shop.example.com', path: '/cart', backend: RouteBackend.fromService(appService(shopApps, 'cart')), tlsSecretName: 'cart-tls' });
    const third = objectsOf(yamlByChart(app));
    // THEN exactly its Ingress, Certificate, allowance (and its app's Deployment and Service) are new
    const key = (o: any) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    const added = third.map(key).filter((k) => !first.map(key).includes(k));
    expect(added.filter((k) => !k.startsWith('Deployment') && !k.startsWith('Service ')).map((k) => k.replace(/-[0-9a-f]{8}$/, '')).sort()).toStrictEqual([
      'Certificate shop/cart-tls',
      'Ingress shop/shop-apps-shop',
      'NetworkPolicy shop/allow-public-web-to-cart',
    ]);
  });
});
