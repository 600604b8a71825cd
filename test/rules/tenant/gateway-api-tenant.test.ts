import { findingsOf, lintObjects, Manifest, namespace, shown, singleFinding } from '../../util/manifests';
import { gateway, httpRoute, listener, listenerSet } from '../gwapi/gwapi-manifests';

const HOSTS = 'CG-TENANT-001';
const GATEWAYS = 'CG-TENANT-002';

/**
 * Tenant namespace shop (hosts *.shop.example.com, gateway "web") and Gateway infra/web, which admits ListenerSets
 * from tenant namespaces and routes from every namespace; plus `extra`.
 */
function cluster(...extra: Manifest[]): Manifest[] {
  return [
    namespace({ name: 'infra' }),
    namespace({
      name: 'shop',
      labels: { 'gateways.cdk8s.io/tenant': 'shop' },
      annotations: { 'gateways.cdk8s.io/allowed-hosts': '*.shop.example.com', 'gateways.cdk8s.io/allowed-classes': 'web' },
    }),
    gateway({ allowedListeners: { namespaces: { from: 'All' } } }),
    gateway({ name: 'internal', allowedListeners: { namespaces: { from: 'All' } } }),
    ...extra,
  ];
}

describe(`${HOSTS} with Gateway API objects in a tenant namespace`, () => {
  it('rejects an HTTPRoute hostname outside the tenant\'s hosts, at its index', () => {
    // GIVEN an HTTPRoute in shop for billing.example.com
    const report = lintObjects(cluster(httpRoute({ namespace: 'shop', hostnames: ['www.shop.example.com', 'billing.example.com'] })));
    // WHEN
    const f = singleFinding(report, HOSTS);
    // THEN
    expect(f).toMatchObject({ kind: 'HTTPRoute', namespace: 'shop', field: 'spec.hostnames[1]', value: shown('billing.example.com') });
    expect(f.message).toBe('tenant "shop" may not serve host "billing.example.com": its allowed hosts are *.shop.example.com');
  });

  it('accepts HTTPRoute hostnames under the tenant\'s *.suffix', () => {
    // GIVEN hostnames inside *.shop.example.com
    const report = lintObjects(cluster(httpRoute({ namespace: 'shop', hostnames: ['www.shop.example.com', '*.api.shop.example.com'] })));
    // THEN
    expect(findingsOf(report, HOSTS)).toStrictEqual([]);
  });

  it('rejects an HTTPRoute without hostnames on a Gateway outside its namespace, which takes every host of the listener', () => {
    // GIVEN no hostnames, parent Gateway infra/web
    const report = lintObjects(cluster(httpRoute({ namespace: 'shop', hostnames: null })));
    // THEN
    expect(singleFinding(report, HOSTS)).toMatchObject({ field: 'spec.hostnames' });
  });

  it('rejects a tenant ListenerSet listener for a foreign host, and one without a hostname', () => {
    // GIVEN ListenerSet shop/shop with a listener for pay.example.com and one for every host
    const report = lintObjects(cluster(listenerSet({
      name: 'shop',
      namespace: 'shop',
      parentRef: { name: 'web', namespace: 'infra' },
      listeners: [listener({ name: 'pay', hostname: 'pay.example.com' }), listener({ name: 'any', hostname: null, port: 8080 })],
    })));
    // THEN
    expect(findingsOf(report, HOSTS).map((f) => [f.kind, f.field])).toStrictEqual([
      ['ListenerSet', 'spec.listeners[0].hostname'], ['ListenerSet', 'spec.listeners[1].hostname'],
    ]);
  });

  it('accepts a tenant ListenerSet for its own hosts, and a route without hostnames on it', () => {
    // GIVEN ListenerSet shop/shop for www.shop.example.com and a route attached to it with no hostnames
    const report = lintObjects(cluster(
      listenerSet({ name: 'shop', namespace: 'shop', listeners: [listener({ name: 'www', hostname: 'www.shop.example.com' })] }),
      httpRoute({ namespace: 'shop', hostnames: null, parentRefs: [{ kind: 'ListenerSet', group: 'gateway.networking.k8s.io', name: 'shop' }] }),
    ));
    // THEN
    expect(findingsOf(report, HOSTS)).toStrictEqual([]);
  });
});

describe(`${GATEWAYS} with Gateway API objects in a tenant namespace`, () => {
  it('rejects an HTTPRoute attached to a Gateway the tenant was not granted', () => {
    // GIVEN a route in shop on Gateway infra/internal
    const report = lintObjects(cluster(httpRoute({ namespace: 'shop', hostnames: ['www.shop.example.com'], parentRefs: [{ name: 'internal', namespace: 'infra' }] })));
    // WHEN
    const f = singleFinding(report, GATEWAYS);
    // THEN
    expect(f).toMatchObject({ kind: 'HTTPRoute', namespace: 'shop', field: 'spec.parentRefs[0].name', value: shown('internal') });
    expect(f.message).toBe('tenant "shop" may not attach to Gateway "internal": its allowed gateways are web');
  });

  it('rejects a tenant ListenerSet whose parent is a Gateway the tenant was not granted', () => {
    // GIVEN ListenerSet shop/shop on infra/internal
    const report = lintObjects(cluster(listenerSet({
      name: 'shop',
      namespace: 'shop',
      parentRef: { name: 'internal', namespace: 'infra' },
      listeners: [listener({ name: 'www', hostname: 'www.shop.example.com' })],
    })));
    // THEN
    expect(singleFinding(report, GATEWAYS)).toMatchObject({ kind: 'ListenerSet', field: 'spec.parentRef', value: shown('internal') });
  });

  it('accepts routes on the granted Gateway, directly or through the tenant\'s own ListenerSet', () => {
    // GIVEN a route on infra/web and one on ListenerSet shop/shop (itself on infra/web)
    const report = lintObjects(cluster(
      listenerSet({ name: 'shop', namespace: 'shop', listeners: [listener({ name: 'www', hostname: 'www.shop.example.com' })] }),
      httpRoute({ name: 'direct', namespace: 'shop', hostnames: ['www.shop.example.com'] }),
      httpRoute({ name: 'via-set', namespace: 'shop', hostnames: ['www.shop.example.com'], parentRefs: [{ kind: 'ListenerSet', group: 'gateway.networking.k8s.io', name: 'shop' }] }),
    ));
    // THEN
    expect(findingsOf(report, GATEWAYS)).toStrictEqual([]);
  });
});
