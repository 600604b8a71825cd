import { gateway, httpRoute, httpsListener, listener, listenerSet } from './gwapi-manifests';
import { findingsOf, lintObjects, Manifest, namespace, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-009';
const NAME_LABEL = 'kubernetes.io/metadata.name';

/** Platform namespace infra and tenant namespace shop (hosts *.shop.example.com, label team: shop); plus `extra`. */
function cluster(...extra: Manifest[]): Manifest[] {
  return [
    namespace({ name: 'infra' }),
    namespace({
      name: 'shop',
      labels: { 'gateways.cdk8s.io/tenant': 'shop', 'team': 'shop' },
      annotations: { 'gateways.cdk8s.io/allowed-hosts': '*.shop.example.com' },
    }),
    ...extra,
  ];
}

function admitting(namespaces: string[]): Manifest {
  return { namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: NAME_LABEL, operator: 'In', values: namespaces }] } } };
}

describe(`${ID} tenant namespace admitted on a listener that accepts hosts it does not own`, () => {
  it('rejects a plain HTTP listener without hostname whose selector admits the tenant namespace by name', () => {
    // GIVEN the redirect listener of Gateway infra/web admits infra and shop (the hole: shop's routes could claim any host on port 80)
    const report = lintObjects(cluster(gateway({ listeners: [listener({ hostname: null, allowedRoutes: admitting(['infra', 'shop']) })] })));
    // WHEN
    const f = singleFinding(report, ID);
    // THEN the Gateway's listener is reported, naming the tenant and what it could claim
    expect(f).toMatchObject({ kind: 'Gateway', namespace: 'infra', name: 'web', field: 'spec.listeners[0].allowedRoutes.namespaces', severity: 'error' });
    expect(f.value).toBe(shown({ hostname: null, admits: 'shop' }));
    expect(f.message).toBe('listener "http" (port 80, HTTP, any host) of Gateway infra/web admits routes from namespace "shop" of tenant "shop", '
      + 'whose allowed hosts are *.shop.example.com: a route there can claim any host (the listener has no hostname) on it');
  });

  it('accepts a listener without hostname that admits the platform namespace only', () => {
    // GIVEN the redirect listener admits infra alone, and shop has its own host listener
    const report = lintObjects(cluster(gateway({
      listeners: [
        listener({ hostname: null, allowedRoutes: admitting(['infra']) }),
        httpsListener('https-www', 'www.shop.example.com', 'infra-tls', { allowedRoutes: admitting(['shop']) }),
      ],
    })));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });

  it('rejects a listener whose hostname is outside the tenant\'s hosts and that admits all namespaces', () => {
    // GIVEN an HTTP listener for *.example.com (wider than *.shop.example.com) with from: All
    const report = lintObjects(cluster(gateway()));
    // THEN
    const f = singleFinding(report, ID);
    expect(f.value).toBe(shown({ hostname: '*.example.com', admits: 'shop' }));
    expect(f.message).toContain('a route there can claim host "*.example.com" on it');
  });

  it('rejects a selector on another label the tenant namespace carries (matchLabels)', () => {
    // GIVEN a listener without hostname selecting namespaces with team=shop
    const report = lintObjects(cluster(gateway({ listeners: [listener({ hostname: null, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'shop' } } } } })] })));
    // THEN
    expect(findingsOf(report, ID).map((f) => f.value)).toStrictEqual([shown({ hostname: null, admits: 'shop' })]);
  });

  it('accepts a selector whose matchExpressions exclude the tenant namespace (NotIn)', () => {
    // GIVEN a listener without hostname for every namespace but shop
    const report = lintObjects(cluster(gateway({
      listeners: [listener({
        hostname: null, allowedRoutes: { namespaces: { from: 'Selector', selector: { matchExpressions: [{ key: NAME_LABEL, operator: 'NotIn', values: ['shop'] }] } } },
      })],
    })));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });

  it('accepts from: Same on a Gateway outside the tenant namespace, and a listener for one of the tenant\'s hosts admitting all', () => {
    // GIVEN listeners without hostname (Same) and for www.shop.example.com (All)
    const report = lintObjects(cluster(gateway({
      listeners: [
        listener({ hostname: null, allowedRoutes: { namespaces: { from: 'Same' } } }),
        listener({ name: 'shop', hostname: 'www.shop.example.com', allowedRoutes: { namespaces: { from: 'All' } } }),
      ],
    })));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });

  it('rejects a platform ListenerSet whose listener without hostname admits the tenant', () => {
    // GIVEN ListenerSet infra/shared on Gateway infra/web, its listener without hostname admitting all namespaces
    const report = lintObjects(cluster(
      gateway({ allowedListeners: { namespaces: { from: 'Same' } } }),
      listenerSet({ name: 'shared', namespace: 'infra', listeners: [listener({ name: 'any', port: 8080, hostname: null })] }),
      httpRoute({ namespace: 'shop', hostnames: ['www.shop.example.com'] }),
    ));
    // THEN the ListenerSet's listener is reported (and the Gateway's *.example.com one)
    expect(findingsOf(report, ID).map((f) => `${f.kind} ${f.field}`).sort()).toStrictEqual([
      'Gateway spec.listeners[0].allowedRoutes.namespaces', 'ListenerSet spec.listeners[0].allowedRoutes.namespaces',
    ]);
  });
});
