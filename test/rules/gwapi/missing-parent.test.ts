import { gateway, httpRoute, listener, listenerSet } from './gwapi-manifests';
import { findingsOf, lintObjects, namespace, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-003';
const ADMIT_ALL = { namespaces: { from: 'All' } };

describe(`${ID} parentRef to a parent that does not exist`, () => {
  it('accepts routes on an existing Gateway, listener and ListenerSet listener', () => {
    // GIVEN Gateway infra/web, ListenerSet tenant-a/tenant-a, and routes on each (one by sectionName)
    const objs = [
      gateway({ allowedListeners: ADMIT_ALL }),
      listenerSet({ listeners: [listener({ name: 'tenant', hostname: 'a.tenants.example.org' })] }),
      httpRoute({ parentRefs: [{ name: 'web', namespace: 'infra', sectionName: 'http', port: 80 }] }),
      httpRoute({ name: 'tenant', namespace: 'tenant-a', hostnames: ['a.tenants.example.org'], parentRefs: [{ kind: 'ListenerSet', name: 'tenant-a', sectionName: 'tenant' }] }),
    ];
    // THEN nothing at all is reported
    expect(ruleIds(lintObjects(objs))).toEqual([]);
  });

  it('rejects a Gateway name that does not exist in a namespace the manifests manage', () => {
    // GIVEN Gateway infra/web, and a route on infra/wbe
    const f = singleFinding(lintObjects([gateway(), httpRoute({ parentRefs: [{ name: 'wbe', namespace: 'infra' }] })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'HTTPRoute', field: 'spec.parentRefs[0]', severity: 'error' });
    expect(f.value).toBe(shown({ kind: 'Gateway', namespace: 'infra', name: 'wbe' }));
    expect(f.message).toContain('no Gateway "wbe" exists in namespace "infra", which these manifests manage; Gateways there: web');
  });

  it('rejects a missing Gateway in a namespace the manifests declare, even with no Gateway there', () => {
    // GIVEN Namespace edge declared, no Gateway in it, and a route on edge/public
    const f = singleFinding(lintObjects([namespace({ name: 'edge' }), httpRoute({ parentRefs: [{ name: 'public', namespace: 'edge' }] })]), ID);
    // THEN
    expect(f.message).toContain('Gateways there: (none)');
  });

  it('accepts a parent in a namespace these manifests do not manage (a partial repository)', () => {
    // GIVEN a route on platform/shared, and nothing about namespace platform
    const report = lintObjects([httpRoute({ parentRefs: [{ name: 'shared', namespace: 'platform' }] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a sectionName or port that selects no listener of an existing Gateway', () => {
    // GIVEN listener "http" on 80; routes on section "https" and on port 443
    const objs = [
      gateway(),
      httpRoute({ name: 'by-name', parentRefs: [{ name: 'web', namespace: 'infra', sectionName: 'https' }] }),
      httpRoute({ name: 'by-port', parentRefs: [{ name: 'web', namespace: 'infra', port: 443 }] }),
    ];
    // WHEN
    const found = findingsOf(lintObjects(objs), ID);
    // THEN both, with the listeners that exist
    expect(found.map((f) => f.name)).toEqual(['by-name', 'by-port']);
    expect(found[0].message).toContain('Gateway infra/web has no listener named "https"; its listeners: "http" (port 80)');
    expect(found[1].message).toContain('has no listener on port 443');
  });

  it('rejects a ListenerSet whose parent Gateway does not exist in a managed namespace', () => {
    // GIVEN Gateway infra/web, and a ListenerSet on infra/public
    const f = singleFinding(lintObjects([gateway(), listenerSet({ parentRef: { name: 'public', namespace: 'infra' } })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'ListenerSet', field: 'spec.parentRef' });
    expect(f.message).toContain('no Gateway "public" exists in namespace "infra"');
  });
});
