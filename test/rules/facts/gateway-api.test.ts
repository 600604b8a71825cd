import { gatewayApiFacts, hostnameMatches, hostnamesIntersect, parentRefsOf } from '../../../src/rules/facts/gateway-api';
import { ClusterModel, ManifestObject } from '../../../src/rules/model';
import { assertValidManifests } from '../../schema-validator';
import { Manifest, namespace } from '../../util/manifests';
import { gateway, httpRoute, listener, listenerSet, referenceGrant } from '../gwapi/gwapi-manifests';

function modelOf(objs: Manifest[]): ClusterModel {
  assertValidManifests(objs);
  return new ClusterModel(objs.map((o, i) => new ManifestObject(o, { file: 'test.yaml', documentIndex: i })));
}

describe('Gateway API hostname matching (spec: HTTPRoute hostnames, Listener hostname)', () => {
  it.each([
    ['*.example.com', 'test.example.com', true],
    ['*.example.com', 'foo.test.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'test.example.net', false],
    ['*.example.com', 'xexample.com', false],
    ['test.example.com', 'TEST.example.com', true],
    ['test.example.com', 'other.example.com', false],
  ])('pattern %s matches %s: %s', (pattern, host, expected) => {
    expect(hostnameMatches(pattern, host)).toBe(expected);
  });

  it.each([
    [undefined, 'anything.example.net', true],
    ['test.example.com', '*.example.com', true],
    ['*.example.com', '*.a.example.com', true],
    ['*.a.example.com', '*.example.com', true],
    ['*.example.com', '*.example.net', false],
    ['a.example.com', 'b.example.com', false],
  ])('listener %s and route %s intersect: %s', (listenerHost, routeHost, expected) => {
    expect(hostnamesIntersect(listenerHost, routeHost)).toBe(expected);
  });
});

describe('gatewayApiFacts', () => {
  it('reads listeners with their defaults: allowedRoutes from Same, the protocol\'s route kinds, tls mode Terminate', () => {
    // GIVEN an HTTPS listener with only the required fields and a certificateRef by name
    const bare = { name: 'https', port: 443, protocol: 'HTTPS', hostname: 'a.example.com', tls: { certificateRefs: [{ name: 'a-tls' }] } };
    const facts = gatewayApiFacts(modelOf([gateway({ listeners: [bare] })]));
    // THEN
    const l = facts.gateway('infra', 'web')!.listeners[0];
    expect(l).toMatchObject({ name: 'https', port: 443, protocol: 'HTTPS', hostname: 'a.example.com', tlsMode: 'Terminate', allowedNamespaces: { from: 'Same' } });
    expect(l.allowedKinds.map((k) => k.kind)).toEqual(['HTTPRoute', 'GRPCRoute']);
    expect(l.certificateRefs).toEqual([{ group: '', kind: 'Secret', name: 'a-tls', namespace: 'infra', crossNamespace: false, field: 'spec.listeners[0].tls.certificateRefs[0]' }]);
  });

  it('lists GatewayClasses (cluster-scoped) with their controller', () => {
    // GIVEN GatewayClass eg
    const cls = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'eg' }, spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' } };
    const facts = gatewayApiFacts(modelOf([cls, gateway()]));
    // THEN
    expect(facts.gatewayClasses.map((c) => [c.name, c.controllerName, c.object.namespace])).toEqual([['eg', 'gateway.envoyproxy.io/gatewayclass-controller', undefined]]);
    expect(facts.gateway('infra', 'web')!.className).toBe('eg');
  });

  it('attaches ListenerSets to their parent and judges allowedListeners (default None)', () => {
    // GIVEN a Gateway without allowedListeners, one with from Same, and a ListenerSet on each
    const objs = [
      gateway(),
      gateway({ name: 'same', allowedListeners: { namespaces: { from: 'Same' } } }),
      listenerSet({ name: 'on-web' }),
      listenerSet({ name: 'on-same', namespace: 'infra', parentRef: { name: 'same' } }),
    ];
    const facts = gatewayApiFacts(modelOf(objs));
    // THEN
    expect(facts.listenerSet('tenant-a', 'on-web')).toMatchObject({ admitted: false, parentRef: { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'web', namespace: 'infra' } });
    expect(facts.listenerSet('infra', 'on-same')).toMatchObject({ admitted: true, parentRef: { namespace: 'infra' } });
    expect(facts.gateway('infra', 'same')!.listenerSets.map((s) => s.object.name)).toEqual(['on-same']);
  });

  it('selects listeners by sectionName and port; a Gateway parent selects only the Gateway\'s own listeners', () => {
    // GIVEN Gateway listeners http:80 and alt:8080, and an admitted ListenerSet with listener "http" too
    const objs = [
      gateway({ listeners: [listener(), listener({ name: 'alt', port: 8080 })], allowedListeners: { namespaces: { from: 'All' } } }),
      listenerSet({ listeners: [listener({ name: 'http', hostname: 'a.tenants.example.org' })] }),
      httpRoute({ name: 'whole', parentRefs: [{ name: 'web', namespace: 'infra' }] }),
      httpRoute({ name: 'by-port', parentRefs: [{ name: 'web', namespace: 'infra', port: 8080 }] }),
      httpRoute({ name: 'on-set', parentRefs: [{ kind: 'ListenerSet', name: 'tenant-a', namespace: 'tenant-a', sectionName: 'http' }] }),
    ];
    const model = modelOf(objs);
    const facts = gatewayApiFacts(model);
    const refs = model.ofKind('HTTPRoute').map((route) => parentRefsOf(route)[0]);
    // THEN
    expect(facts.listenersOf(refs[0]).listeners.map((l) => `${l.owner.kind}/${l.name}`)).toEqual(['Gateway/http', 'Gateway/alt']);
    expect(facts.listenersOf(refs[1]).listeners.map((l) => l.name)).toEqual(['alt']);
    expect(facts.listenersOf(refs[2]).listeners.map((l) => `${l.owner.kind}/${l.name}`)).toEqual(['ListenerSet/http']);
  });

  it('applies ReferenceGrant from/to exactly: group, kind and namespace of the source; group, kind and optional name of the target', () => {
    // GIVEN a grant in backends from HTTPRoutes in apps to Service api
    const facts = gatewayApiFacts(modelOf([referenceGrant({ to: [{ group: '', kind: 'Service', name: 'api' }] })]));
    const ref = { fromGroup: 'gateway.networking.k8s.io', fromKind: 'HTTPRoute', fromNamespace: 'apps', toGroup: '', toKind: 'Service', toNamespace: 'backends', toName: 'api' };
    // THEN only the exact reference is permitted
    expect(facts.grantPermits(ref)).toBe(true);
    expect(facts.grantPermits({ ...ref, toName: 'billing' })).toBe(false);
    expect(facts.grantPermits({ ...ref, fromKind: 'GRPCRoute' })).toBe(false);
    expect(facts.grantPermits({ ...ref, fromNamespace: 'web' })).toBe(false);
    expect(facts.grantPermits({ ...ref, toNamespace: 'apps' })).toBe(false);
  });

  it('judges namespace selectors with kubernetes.io/metadata.name, and leaves undeclared labels undecided', () => {
    // GIVEN Namespace apps labelled team=shop; namespace web not declared
    const facts = gatewayApiFacts(modelOf([namespace({ name: 'apps', labels: { team: 'shop' } })]));
    const byTeam = { from: 'Selector', selector: { matchLabels: { team: 'shop' } } };
    const byName = { from: 'Selector', selector: { matchLabels: { 'kubernetes.io/metadata.name': 'apps' } } };
    // THEN
    expect(facts.admits(byTeam, 'apps', 'infra')).toBe(true);
    expect(facts.admits(byName, 'apps', 'infra')).toBe(true);
    expect(facts.admits(byName, 'web', 'infra')).toBe(false);
    expect(facts.admits(byTeam, 'web', 'infra')).toBeUndefined();
    expect(facts.admits({ from: 'Same' }, 'infra', 'infra')).toBe(true);
    expect(facts.admits({ from: 'None' }, 'infra', 'infra')).toBe(false);
  });

  it('does not crash on odd YAML: listeners, parentRefs and grants that are not lists or objects', () => {
    // GIVEN hand-written objects with scalars where lists and objects belong (not schema-valid, so no validation)
    const odd = [
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'g' }, spec: { listeners: 'http', allowedListeners: 3 } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'ListenerSet', metadata: { name: 's' }, spec: { parentRef: 'g', listeners: [null, 1] } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, spec: { parentRefs: { name: 'g' }, hostnames: 'a' } },
      { apiVersion: 'gateway.networking.k8s.io/v1beta1', kind: 'ReferenceGrant', metadata: { name: 'rg' }, spec: { from: 'x', to: [null] } },
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'h' } },
    ];
    const model = new ClusterModel(odd.map((o, i) => new ManifestObject(o, { file: 'odd.yaml', documentIndex: i })));
    // WHEN
    const facts = gatewayApiFacts(model);
    // THEN
    expect(facts.gateways.map((g) => g.listeners.length)).toEqual([0, 0]);
    expect(facts.listenerSets[0]).toMatchObject({ parentRef: { name: '' }, listeners: [] });
    expect(parentRefsOf(model.ofKind('HTTPRoute')[0])).toEqual([]);
    expect(facts.referenceGrants[0]).toMatchObject({ from: [], to: [] });
  });
});
