import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-005';

describe(`${ID} duplicate route`, () => {
  it('rejects the same host and path on one class, naming both Ingresses', () => {
    // GIVEN Ingresses "shop" (apps) and "shop-v2" (web) both routing app.example.com/ Prefix on class nginx
    const objs = [
      ingressClass(),
      ingress({ name: 'shop', namespace: 'apps' }),
      ingress({ name: 'shop-v2', namespace: 'web' }),
    ];
    // WHEN
    const report = lintObjects(objs);
    // THEN the second claim is reported, and the message names both objects and where they are
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', namespace: 'web', name: 'shop-v2', field: 'spec.rules[0].http.paths[0].path', value: shown('/') });
    expect(f.message).toContain('host "app.example.com" Prefix path "/" on class "nginx"');
    expect(f.message).toContain('already routed by Ingress apps/shop spec.rules[0].http.paths[0] (test.yaml:1)');
    expect(f.message).toContain('this one is Ingress web/shop-v2 (test.yaml:2)');
  });

  it('accepts the same host and path on two different classes', () => {
    // GIVEN the same route on classes nginx and traefik
    const objs = [
      ingressClass({ name: 'nginx' }),
      ingressClass({ name: 'traefik', controller: 'traefik.io/ingress-controller' }),
      ingress({ name: 'a', className: 'nginx' }),
      ingress({ name: 'b', className: 'traefik' }),
    ];
    // THEN
    expect(ruleIds(lintObjects(objs))).not.toContain(ID);
  });

  it('accepts the same path as Prefix in one Ingress and Exact in another', () => {
    // GIVEN /api as Prefix and /api as Exact
    const objs = [ingressClass(), ingress({ name: 'a', paths: [{ path: '/api', pathType: 'Prefix' }] }), ingress({ name: 'b', paths: [{ path: '/api', pathType: 'Exact' }] })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('accepts the same path on different hosts', () => {
    // GIVEN / on a.example.com and on b.example.com
    const objs = [ingressClass(), ingress({ name: 'a', host: 'a.example.com' }), ingress({ name: 'b', host: 'b.example.com' })];
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('rejects a duplicate between a host-less rule and another host-less rule', () => {
    // GIVEN two Ingresses routing / for any host
    const objs = [ingressClass(), ingress({ name: 'a', host: null }), ingress({ name: 'b', host: null })];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN "*" stands for any host
    expect(f.name).toBe('b');
    expect(f.message).toContain('host "*" Prefix path "/"');
  });

  it('rejects an ImplementationSpecific entry without a path next to one for "/", which route the same requests', () => {
    // GIVEN one Ingress whose ImplementationSpecific entry omits the path, and one that writes "/"
    const withoutPath = ingress({ name: 'a', paths: [{ pathType: 'ImplementationSpecific' }] });
    delete withoutPath.spec.rules[0].http.paths[0].path;
    const objs = [ingressClass(), withoutPath, ingress({ name: 'b', paths: [{ path: '/', pathType: 'ImplementationSpecific' }] })];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN a route without a path is the route for "/"
    expect(f).toMatchObject({ name: 'b', field: 'spec.rules[0].http.paths[0].path', value: shown('/') });
    expect(f.message).toContain('host "app.example.com" ImplementationSpecific path "/" on class "nginx" is already routed by Ingress default/a');
  });

  it('counts an Ingress without a class as routed on the single default class', () => {
    // GIVEN default class nginx, one Ingress naming it and one relying on the default
    const objs = [ingressClass({ isDefault: true }), ingress({ name: 'explicit' }), ingress({ name: 'implicit', className: null })];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN
    expect(f).toMatchObject({ name: 'implicit' });
    expect(f.message).toContain('on class "nginx" is already routed by Ingress default/explicit');
  });

  it('counts the legacy class annotation as the class', () => {
    // GIVEN one Ingress on nginx by field, one by the legacy annotation
    const objs = [
      ingressClass(),
      ingress({ name: 'by-field' }),
      ingress({ name: 'by-annotation', className: null, annotations: { 'kubernetes.io/ingress.class': 'nginx' } }),
    ];
    // THEN
    expect(singleFinding(lintObjects(objs), ID).name).toBe('by-annotation');
  });
});
