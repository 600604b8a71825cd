import { gateway, grpcRoute, httpRoute, listener } from './gwapi-manifests';
import { findingsOf, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-002';

describe(`${ID} route hostnames intersect no listener`, () => {
  it('accepts hostnames one or more labels under the listener wildcard, and routes without hostnames', () => {
    // GIVEN listener *.example.com and routes for app.example.com, a.b.example.com, *.example.com and no hostname
    const objs = [
      gateway(),
      httpRoute({ name: 'one', hostnames: ['app.example.com'] }),
      httpRoute({ name: 'two', hostnames: ['a.b.example.com'] }),
      httpRoute({ name: 'wild', hostnames: ['*.example.com'] }),
      httpRoute({ name: 'any', hostnames: null }),
    ];
    // THEN nothing at all is reported
    expect(ruleIds(lintObjects(objs))).toEqual([]);
  });

  it('rejects a route whose only hostname is outside the listener wildcard', () => {
    // GIVEN listener *.example.com and a route for app.example.net
    const f = singleFinding(lintObjects([gateway(), httpRoute({ hostnames: ['app.example.net'] })]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'HTTPRoute', namespace: 'apps', name: 'web', field: 'spec.hostnames', value: shown(['app.example.net']), severity: 'error' });
    expect(f.message).toContain('no hostname of HTTPRoute apps/web intersects a listener of Gateway infra/web (spec.parentRefs[0]); '
      + 'listeners: listener "http" (port 80, HTTP, host "*.example.com") of Gateway infra/web');
  });

  it('rejects the wildcard\'s own parent domain (a wildcard needs at least one label)', () => {
    // GIVEN listener *.example.com and a route for example.com
    const report = lintObjects([gateway(), grpcRoute({ hostnames: ['example.com'] })]);
    // THEN
    expect(singleFinding(report, ID)).toMatchObject({ kind: 'GRPCRoute', value: shown(['example.com']) });
  });

  it('rejects hostnames that match only a listener the sectionName does not select', () => {
    // GIVEN listeners "http" (*.example.com) and "api" (api.example.net); the route attaches to "api" with app.example.com
    const objs = [
      gateway({ listeners: [listener(), listener({ name: 'api', port: 8080, hostname: 'api.example.net' })] }),
      httpRoute({ parentRefs: [{ name: 'web', namespace: 'infra', sectionName: 'api' }] }),
    ];
    // THEN the route is reported against section "api" only
    const f = singleFinding(lintObjects(objs), ID);
    expect(f.message).toContain('Gateway infra/web section "api"');
    expect(f.message).toContain('listener "api" (port 8080, HTTP, host "api.example.net")');
  });

  it('accepts a route when one of its hostnames intersects (the others are ignored by the spec)', () => {
    // GIVEN hostnames app.example.net and app.example.com on *.example.com
    const report = lintObjects([gateway(), httpRoute({ hostnames: ['app.example.net', 'app.example.com'] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('a suppression annotation with a reason accepts the finding', () => {
    // GIVEN the mismatching route, annotated with a reason
    const route = httpRoute({ hostnames: ['app.example.net'], annotations: { 'suppress.gateways.cdk8s.io/CG-GWAPI-002': 'moved to example.net next sprint' } });
    // WHEN
    const report = lintObjects([gateway(), route]);
    // THEN the finding is kept as suppressed, with its reason, and fails nothing
    expect(singleFinding(report, ID)).toMatchObject({ suppressed: true, suppressionReason: 'moved to example.net next sprint' });
    expect(ruleIds(report)).toEqual([]);
  });
});
