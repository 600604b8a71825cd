import { configMap, findingsOf, ingress, ingressClass, lintObjects, service, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-013';

describe(`${ID} regex path with Prefix on ingress-nginx`, () => {
  it('rejects a regex Prefix path on an ingress-nginx class', () => {
    // GIVEN class nginx (controller k8s.io/ingress-nginx) and the path /api/(v1|v2)/.* with pathType Prefix
    const report = lintObjects([ingressClass(), service(), ingress({ paths: [{ path: '/api/(v1|v2)/.*', pathType: 'Prefix' }] })]);
    // THEN one error on the path, with the value
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: 'error', field: 'spec.rules[0].http.paths[0].path', value: shown('/api/(v1|v2)/.*') });
    expect(f.message).toContain('ingress-nginx refuses this Prefix path');
  });

  it.each(['/api~v1', '/a@b', '/caf%C3%A9'])('rejects %s too: every character outside letters, digits, ".", "_", "-", "/" counts', (path) => {
    // GIVEN an Exact path with a character the controller's pattern does not allow
    const report = lintObjects([ingressClass(), service(), ingress({ paths: [{ path, pathType: 'Exact' }] })]);
    // THEN
    expect(singleFinding(report, ID).value).toBe(shown(path));
  });

  it('accepts the same regex as ImplementationSpecific, and plain Prefix paths (compliant neighbours)', () => {
    // GIVEN the regex as ImplementationSpecific, and /static/v1.2_x-y as Prefix
    const report = lintObjects([ingressClass(), service(), ingress({
      paths: [{ path: '/api/(v1|v2)/.*', pathType: 'ImplementationSpecific' }, { path: '/static/v1.2_x-y', pathType: 'Prefix' }],
    })]);
    // THEN no finding
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a regex Prefix path on another controller, and when the controller ConfigMap turns the check off', () => {
    // GIVEN the regex on a Traefik class, and separately on nginx with strict-validate-path-type "false"
    const traefik = lintObjects([ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller' }), service(),
      ingress({ className: 'traefik', paths: [{ path: '/api/.*', pathType: 'Prefix' }] })]);
    const relaxed = lintObjects([ingressClass(), service(), configMap({ name: 'ingress-nginx-controller', data: { 'strict-validate-path-type': 'false' } }),
      ingress({ paths: [{ path: '/api/.*', pathType: 'Prefix' }] })]);
    // THEN neither is reported
    expect(findingsOf(traefik, ID)).toEqual([]);
    expect(findingsOf(relaxed, ID)).toEqual([]);
  });
});
