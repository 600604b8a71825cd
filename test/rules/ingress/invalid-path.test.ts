import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-002';

function lintPath(path: string, pathType: string) {
  return lintObjects([ingressClass(), ingress({ paths: [{ path, pathType }] })]);
}

describe(`${ID} invalid Ingress path`, () => {
  it.each([
    ['/', 'Prefix'],
    ['/api/v1', 'Prefix'],
    ['/api/', 'Prefix'],
    ['/healthz', 'Exact'],
    ['/.well-known/acme-challenge', 'Prefix'],
    ['/([a-z0-9]*)', 'ImplementationSpecific'],
    ['/api(/|$)(.*)', 'ImplementationSpecific'],
  ])('accepts %j with pathType %s', (path, pathType) => {
    // GIVEN a clean absolute path (or a regex under ImplementationSpecific)
    // WHEN linting
    const report = lintPath(path, pathType);
    // THEN no path is reported
    expect(ruleIds(report)).not.toContain(ID);
  });

  it.each([
    ['a relative Prefix path', 'api', 'Prefix', "must be an absolute path (start with '/')"],
    ['a relative Exact path', 'healthz', 'Exact', "must be an absolute path (start with '/')"],
    ['an empty Prefix path', '', 'Prefix', "must be an absolute path (start with '/')"],
    ['a relative ImplementationSpecific regex', 'api(/|$)(.*)', 'ImplementationSpecific', "must be an absolute path (start with '/')"],
    ['a path with "//"', '/a//b', 'Prefix', "must not contain '//'"],
    ['a path with "/./"', '/a/./b', 'Prefix', "must not contain '/./'"],
    ['a path with "/../"', '/a/../b', 'Exact', "must not contain '/../'"],
    ['a path with "%2f"', '/a%2fb', 'Prefix', "must not contain '%2f'"],
    ['a path with "%2F"', '/a%2Fb', 'Exact', "must not contain '%2F'"],
    ['a path ending in "/."', '/static/.', 'Prefix', "must not end with '/.'"],
    ['a path ending in "/.."', '/static/..', 'Exact', "must not end with '/..'"],
  ])('rejects %s', (_what, path, pathType, phrase) => {
    // GIVEN an Ingress path the API server refuses for its pathType
    // WHEN linting
    const report = lintPath(path, pathType);
    // THEN the path field is reported with the received path
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', field: 'spec.rules[0].http.paths[0].path', value: shown(path) });
    expect(f.message).toContain(`${pathType} path ${phrase}`);
  });

  it('rejects an unknown pathType on the pathType field', () => {
    // GIVEN pathType "Regex"
    const f = singleFinding(lintPath('/api', 'Regex'), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].http.paths[0].pathType', value: shown('Regex') });
    expect(f.message).toContain('pathType must be one of Exact, Prefix, ImplementationSpecific');
  });

  it('rejects an empty pathType', () => {
    // GIVEN pathType "" (the field is required)
    const f = singleFinding(lintPath('/api', ''), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].http.paths[0].pathType', value: '(unset)' });
    expect(f.message).toContain('pathType is required');
  });

  it('names the rule and path index of each bad path', () => {
    // GIVEN a second path that is bad
    const report = lintObjects([ingressClass(), ingress({ paths: [{ path: '/' }, { path: '/x//y' }] })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.field)).toEqual(['spec.rules[0].http.paths[1].path']);
  });
});
