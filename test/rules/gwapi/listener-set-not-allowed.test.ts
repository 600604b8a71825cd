import { gateway, listenerSet } from './gwapi-manifests';
import { findingsOf, lintObjects, namespace, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-008';

describe(`${ID} ListenerSet its Gateway does not admit`, () => {
  it('accepts a ListenerSet admitted by allowedListeners from All', () => {
    // GIVEN Gateway infra/web admitting ListenerSets from all namespaces
    const report = lintObjects([gateway({ allowedListeners: { namespaces: { from: 'All' } } }), listenerSet()]);
    // THEN nothing at all is reported
    expect(ruleIds(report)).toEqual([]);
  });

  it('rejects a ListenerSet on a Gateway without allowedListeners (the default admits none)', () => {
    // GIVEN no allowedListeners
    const f = singleFinding(lintObjects([gateway(), listenerSet()]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'ListenerSet', namespace: 'tenant-a', name: 'tenant-a', field: 'spec.parentRef', severity: 'error' });
    expect(f.value).toBe(shown({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'web', namespace: 'infra' }));
    expect(f.message).toContain('Gateway infra/web does not admit ListenerSets from namespace "tenant-a": its spec.allowedListeners.namespaces is from "None" (the default when unset)');
  });

  it('rejects a ListenerSet from another namespace when the Gateway admits only its own (from: Same)', () => {
    // GIVEN from Same on infra, ListenerSet in tenant-a; and a ListenerSet in infra
    const objs = [gateway({ allowedListeners: { namespaces: { from: 'Same' } } }), listenerSet(), listenerSet({ name: 'own', namespace: 'infra' })];
    // THEN only the one in tenant-a
    expect(findingsOf(lintObjects(objs), ID).map((f) => `${f.namespace}/${f.name}`)).toEqual(['tenant-a/tenant-a']);
  });

  it('judges a namespace selector against the declared Namespace labels', () => {
    // GIVEN a selector tenant=true; Namespace tenant-a labelled, Namespace tenant-b not
    const selector = { namespaces: { from: 'Selector', selector: { matchLabels: { tenant: 'true' } } } };
    const objs = [
      gateway({ allowedListeners: selector }),
      namespace({ name: 'tenant-a', labels: { tenant: 'true' } }),
      namespace({ name: 'tenant-b' }),
      listenerSet(),
      listenerSet({ name: 'tenant-b', namespace: 'tenant-b', listeners: [{ name: 'b', port: 80, protocol: 'HTTP', hostname: 'b.tenants.example.org' }] }),
    ];
    // THEN only tenant-b is reported
    expect(findingsOf(lintObjects(objs), ID).map((f) => f.namespace)).toEqual(['tenant-b']);
  });
});
