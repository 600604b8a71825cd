import { gateway, httpRoute, referenceGrant } from './gwapi-manifests';
import { findingsOf, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-005';
const crossNamespaceRoute = (name = 'api') => httpRoute({ rules: [{ backendRefs: [{ name, namespace: 'backends', port: 8080 }] }] });

describe(`${ID} cross-namespace backendRef without a ReferenceGrant`, () => {
  it('accepts a cross-namespace backend that a ReferenceGrant in its namespace permits', () => {
    // GIVEN HTTPRoute apps/web -> Service backends/api, and a grant in backends from HTTPRoutes in apps to Services
    const objs = [gateway(), crossNamespaceRoute(), referenceGrant()];
    // THEN nothing at all is reported
    expect(ruleIds(lintObjects(objs))).toEqual([]);
  });

  it('rejects a cross-namespace backend with no ReferenceGrant', () => {
    // GIVEN HTTPRoute apps/web -> Service backends/api and no grant
    const f = singleFinding(lintObjects([gateway(), crossNamespaceRoute()]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'HTTPRoute', namespace: 'apps', field: 'spec.rules[0].backendRefs[0]', severity: 'error' });
    expect(f.value).toBe(shown({ group: '', kind: 'Service', namespace: 'backends', name: 'api' }));
    expect(f.message).toContain('no ReferenceGrant in namespace "backends" permits it; one would need from '
      + '{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: apps} and to {group: "", kind: Service}');
  });

  it('rejects a grant for another name, another route kind, another source namespace or in the wrong namespace', () => {
    // GIVEN four grants that each miss one part of the reference
    const objs = [
      gateway(),
      crossNamespaceRoute(),
      referenceGrant({ name: 'other-name', to: [{ group: '', kind: 'Service', name: 'billing' }] }),
      referenceGrant({ name: 'other-kind', from: [{ group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'apps' }] }),
      referenceGrant({ name: 'other-ns', from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'web' }] }),
      referenceGrant({ name: 'misplaced', namespace: 'apps' }),
    ];
    // THEN the reference is still reported
    expect(findingsOf(lintObjects(objs), ID)).toHaveLength(1);
  });

  it('accepts a grant that names the Service', () => {
    // GIVEN a grant to Service "api" only
    const objs = [gateway(), crossNamespaceRoute(), referenceGrant({ to: [{ group: '', kind: 'Service', name: 'api' }] })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('rejects a requestMirror backendRef into another namespace without a grant', () => {
    // GIVEN a route to its own Service web that mirrors to Service shadow/web
    const mirror = { type: 'RequestMirror', requestMirror: { backendRef: { name: 'web', namespace: 'shadow', port: 80 } } };
    const route = httpRoute({ rules: [{ filters: [mirror], backendRefs: [{ name: 'web', port: 80 }] }] });
    // WHEN
    const f = singleFinding(lintObjects([gateway(), route]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].filters[0].requestMirror.backendRef', value: shown({ group: '', kind: 'Service', namespace: 'shadow', name: 'web' }) });
  });
});
