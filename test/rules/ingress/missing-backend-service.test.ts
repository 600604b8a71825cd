import { findingsOf, ingress, ingressClass, lintObjects, service, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-014';

describe(`${ID} backend Service missing`, () => {
  it('warns about a backend Service that the namespace\'s manifests do not define', () => {
    // GIVEN Services web and api in namespace shop, and an Ingress routing to "wbe"
    const report = lintObjects([
      ingressClass(), service({ namespace: 'shop' }), service({ name: 'api', namespace: 'shop' }),
      ingress({ namespace: 'shop', paths: [{ service: 'wbe' }] }),
    ]);
    // THEN one warning on the backend name, listing the Services that exist
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: 'warning', namespace: 'shop', field: 'spec.rules[0].http.paths[0].backend.service.name', value: shown('wbe') });
    expect(f.message).toBe('no Service "wbe" in namespace shop among these manifests, so the route answers 503; Services there: api, web');
  });

  it('accepts a backend whose Service is defined (compliant neighbour)', () => {
    // GIVEN the Service web in the Ingress namespace
    const report = lintObjects([ingressClass(), service({ namespace: 'shop' }), ingress({ namespace: 'shop' })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('does not judge namespaces whose Services are not among the manifests (deployed from elsewhere)', () => {
    // GIVEN an Ingress in shop, and a Service only in namespace other
    const report = lintObjects([ingressClass(), service({ namespace: 'other' }), ingress({ namespace: 'shop' })]);
    // THEN no finding: the backend may come from another folder or a Helm release
    expect(findingsOf(report, ID)).toEqual([]);
  });
});
