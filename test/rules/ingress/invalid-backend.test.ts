import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-003';

/** An Ingress with one path whose backend is given verbatim. */
function withBackend(backend: any) {
  return ingress({ rules: [{ host: 'app.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] });
}

describe(`${ID} invalid Ingress backend`, () => {
  it('accepts a Service name with a port number, and one with an IANA port name', () => {
    // GIVEN backends web:80 and api:"http"
    const report = lintObjects([ingressClass(), ingress({ paths: [{ path: '/', port: 80 }, { path: '/api', service: 'api', port: 'http' }] })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('rejects a backend Service name that starts with a digit', () => {
    // GIVEN a backend naming Service "1web"
    const report = lintObjects([ingressClass(), ingress({ paths: [{ service: '1web' }] })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.rules[0].http.paths[0].backend.service.name', value: shown('1web') });
    expect(f.message).toContain('Service name must consist of lower case alphanumeric characters');
  });

  it.each([
    [0],
    [65536],
  ])('rejects port number %p', (port) => {
    // GIVEN a backend port number outside 1-65535
    const report = lintObjects([ingressClass(), ingress({ paths: [{ port }] })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.rules[0].http.paths[0].backend.service.port.number', value: shown(port) });
    expect(f.message).toContain('port must be an integer between 1 and 65535');
  });

  it.each([
    ['longer than 15 characters', 'prometheus-metrics', 'must be no more than 15 characters (got 18)'],
    ["with '--'", 'http--alt', "must not contain consecutive hyphens ('--')"],
    ['without a letter', '8080', 'must contain at least one letter'],
  ])('rejects a port name %s', (_what, name, phrase) => {
    // GIVEN a backend port name that is not an IANA service name
    const report = lintObjects([ingressClass(), ingress({ paths: [{ port: name }] })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.rules[0].http.paths[0].backend.service.port.name', value: shown(name) });
    expect(f.message).toContain(`port ${phrase}`);
  });

  it('rejects a port with both number and name', () => {
    // GIVEN port { number: 80, name: "http" }
    const ing = withBackend({ service: { name: 'web', port: { number: 80, name: 'http' } } });
    // WHEN
    const f = singleFinding(lintObjects([ingressClass(), ing]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].http.paths[0].backend.service.port', value: shown({ number: 80, name: 'http' }) });
    expect(f.message).toContain('exactly one of port.number and port.name must be set');
  });

  it('rejects a port with neither number nor name', () => {
    // GIVEN port {}
    const ing = withBackend({ service: { name: 'web', port: {} } });
    // WHEN
    const f = singleFinding(lintObjects([ingressClass(), ing]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].http.paths[0].backend.service.port', value: shown({}) });
    expect(f.message).toContain('exactly one of');
  });

  it('checks the default backend too', () => {
    // GIVEN a default backend on port 0
    const ing = ingress({ defaultBackend: { service: { name: 'fallback', port: { number: 0 } } } });
    // WHEN
    const report = lintObjects([ingressClass(), ing]);
    // THEN
    expect(findingsOf(report, ID).map((f) => [f.field, f.value])).toEqual([['spec.defaultBackend.service.port.number', '0']]);
  });

  it('ignores resource backends', () => {
    // GIVEN a path whose backend is a resource, not a Service
    const ing = withBackend({ resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } });
    // THEN
    expect(findingsOf(lintObjects([ingressClass(), ing]), ID)).toEqual([]);
  });
});
