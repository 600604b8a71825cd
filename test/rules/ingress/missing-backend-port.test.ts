import { findingsOf, ingress, ingressClass, lintObjects, service, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-015';

describe(`${ID} backend port not on the Service`, () => {
  it('rejects a port number the Service does not expose (the container port instead of the Service port)', () => {
    // GIVEN Service web with port http 80 → targetPort http, and a backend on port 8080
    const report = lintObjects([ingressClass(), service(), ingress({ paths: [{ port: 8080 }] })]);
    // THEN one error naming the Service's ports
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: 'error', field: 'spec.rules[0].http.paths[0].backend.service.port', value: shown({ number: 8080 }) });
    expect(f.message).toBe('Service default/web has no port number 8080; its ports: http (80)');
  });

  it('rejects a port name the Service does not have', () => {
    // GIVEN a backend on port name "https"
    const report = lintObjects([ingressClass(), service(), ingress({ paths: [{ port: 'https' }] })]);
    // THEN
    expect(singleFinding(report, ID).message).toBe('Service default/web has no port named "https"; its ports: http (80)');
  });

  it.each([80, 'http'])('accepts the Service port %j (compliant neighbour)', (port) => {
    // GIVEN a backend on the Service's port, by number or by name
    const report = lintObjects([ingressClass(), service(), ingress({ paths: [{ port }] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('does not judge ExternalName Services, whose ports are optional', () => {
    // GIVEN an ExternalName Service without ports
    const external = service({ type: 'ExternalName', ports: [], override: { spec: { selector: undefined, externalName: 'api.example.net' } } });
    const report = lintObjects([ingressClass(), external, ingress({ paths: [{ port: 443 }] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
