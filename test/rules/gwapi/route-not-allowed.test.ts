import { gateway, grpcRoute, httpRoute, listener } from './gwapi-manifests';
import { findingsOf, lintObjects, namespace, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-004';
const selector = (matchLabels: Record<string, string>) => ({ namespaces: { from: 'Selector', selector: { matchLabels } } });

describe(`${ID} allowedRoutes excludes the route`, () => {
  it('accepts a route from a namespace whose declared labels the listener selector matches', () => {
    // GIVEN a listener selecting team=shop, and Namespace apps labelled team=shop
    const objs = [namespace({ name: 'apps', labels: { team: 'shop' } }), gateway({ listeners: [listener({ allowedRoutes: selector({ team: 'shop' }) })] }), httpRoute()];
    // THEN nothing at all is reported
    expect(ruleIds(lintObjects(objs))).toEqual([]);
  });

  it('rejects a route from another namespace when the listener admits only its own (from: Same)', () => {
    // GIVEN a listener with allowedRoutes from Same in infra, and a route in apps
    const objs = [gateway({ listeners: [listener({ allowedRoutes: { namespaces: { from: 'Same' } } })] }), httpRoute()];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'HTTPRoute', namespace: 'apps', field: 'spec.parentRefs[0]', value: shown({ kind: 'HTTPRoute', namespace: 'apps' }), severity: 'error' });
    expect(f.message).toContain('HTTPRoute apps/web may not attach to Gateway infra/web: listener "http" (port 80, HTTP, host "*.example.com") of Gateway infra/web '
      + 'admits routes from namespace "infra" only (from: Same)');
  });

  it('rejects a route from a declared namespace without the selected labels', () => {
    // GIVEN a listener selecting team=shop, and Namespace apps without labels
    const objs = [namespace({ name: 'apps' }), gateway({ listeners: [listener({ allowedRoutes: selector({ team: 'shop' }) })] }), httpRoute()];
    // THEN
    expect(singleFinding(lintObjects(objs), ID).message).toContain('namespaces selected by {"matchLabels":{"team":"shop"}} (from: Selector)');
  });

  it('rejects by kubernetes.io/metadata.name even when the namespace is not declared, and leaves other labels unjudged', () => {
    // GIVEN listener "byname" selects namespace "shop" by name, listener "bylabel" selects team=shop; apps is not declared
    const byName = [gateway({ listeners: [listener({ allowedRoutes: selector({ 'kubernetes.io/metadata.name': 'shop' }) })] }), httpRoute()];
    const byLabel = [gateway({ listeners: [listener({ allowedRoutes: selector({ team: 'shop' }) })] }), httpRoute()];
    // THEN only the name selector can be judged
    expect(findingsOf(lintObjects(byName), ID)).toHaveLength(1);
    expect(findingsOf(lintObjects(byLabel), ID)).toEqual([]);
  });

  it('rejects a route kind the listener does not list in allowedRoutes.kinds', () => {
    // GIVEN a listener that allows only GRPCRoute, an HTTPRoute and a GRPCRoute on it
    const objs = [
      gateway({ listeners: [listener({ allowedRoutes: { namespaces: { from: 'All' }, kinds: [{ kind: 'GRPCRoute' }] } })] }),
      httpRoute(),
      grpcRoute({ name: 'cart' }),
    ];
    // THEN only the HTTPRoute
    const f = singleFinding(lintObjects(objs), ID);
    expect(f).toMatchObject({ kind: 'HTTPRoute', name: 'web' });
    expect(f.message).toContain('accepts GRPCRoute');
  });

  it('rejects an HTTPRoute on a TCP listener (the protocol\'s default kinds are TCPRoute only)', () => {
    // GIVEN a TCP listener with no allowedRoutes.kinds
    const objs = [gateway({ listeners: [listener({ name: 'db', port: 5432, protocol: 'TCP', hostname: null })] }), httpRoute({ hostnames: null })];
    // THEN
    expect(singleFinding(lintObjects(objs), ID).message).toContain('accepts TCPRoute');
  });
});
