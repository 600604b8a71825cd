import { gateway, httpRoute, listener, listenerSet } from './gwapi-manifests';
import { findingsOf, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-001';
const ADMIT_ALL = { namespaces: { from: 'All' } };

describe(`${ID} conflicting listeners`, () => {
  it('accepts a Gateway and a ListenerSet whose listeners differ in hostname', () => {
    // GIVEN Gateway infra/web on *.example.com:80 and an admitted ListenerSet on a.tenants.example.org:80
    const report = lintObjects([gateway({ allowedListeners: ADMIT_ALL }), listenerSet(), httpRoute()]);
    // THEN nothing at all is reported
    expect(ruleIds(report)).toEqual([]);
  });

  it('rejects a ListenerSet listener with the same port, protocol and hostname as a listener of its Gateway', () => {
    // GIVEN the ListenerSet repeats the Gateway's HTTP *.example.com:80 listener
    const objs = [
      gateway({ allowedListeners: ADMIT_ALL }),
      listenerSet({ listeners: [listener({ name: 'tenant', hostname: '*.example.com' })] }),
    ];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN the ListenerSet's listener (second in precedence) is reported, naming the Gateway's listener it loses to
    expect(f).toMatchObject({ kind: 'ListenerSet', namespace: 'tenant-a', name: 'tenant-a', field: 'spec.listeners[0]', severity: 'error' });
    expect(f.value).toBe(shown({ port: 80, protocol: 'HTTP', hostname: '*.example.com' }));
    expect(f.message).toContain('listener "tenant" (port 80, HTTP, host "*.example.com") of ListenerSet tenant-a/tenant-a conflicts with '
      + 'listener "http" (port 80, HTTP, host "*.example.com") of Gateway infra/web');
  });

  it('rejects two ListenerSets of one Gateway with the same port and protocol and no hostname', () => {
    // GIVEN ListenerSets tenant-a/a and tenant-b/b, each with an HTTP listener on 8080 without hostname (each valid on its own)
    const objs = [
      gateway({ allowedListeners: ADMIT_ALL }),
      listenerSet({ name: 'b', namespace: 'tenant-b', listeners: [listener({ name: 'any', port: 8080, hostname: null })] }),
      listenerSet({ name: 'a', namespace: 'tenant-a', listeners: [listener({ name: 'any', port: 8080, hostname: null })] }),
    ];
    // THEN the one later by namespace/name (tenant-b/b) is reported
    expect(singleFinding(lintObjects(objs), ID)).toMatchObject({ kind: 'ListenerSet', namespace: 'tenant-b', field: 'spec.listeners[0]' });
  });

  it('accepts the same hostname on another port or protocol', () => {
    // GIVEN *.example.com on HTTP 80, HTTP 8080 and HTTPS 443
    const objs = [gateway({
      listeners: [listener(), listener({ name: 'alt', port: 8080 }), listener({ name: 'tls', port: 443, protocol: 'HTTPS', certificateRefs: ['wildcard-tls'] })],
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
    })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('does not count the listeners of a ListenerSet its Gateway does not admit', () => {
    // GIVEN a ListenerSet repeating the Gateway's listener, but the Gateway admits no ListenerSets (CG-GWAPI-008 reports that)
    const objs = [gateway(), listenerSet({ listeners: [listener({ name: 'tenant', hostname: '*.example.com' })] })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });
});
