import { findingsOf, ingress, ingressClass, lintObjects, Manifest, namespace, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TENANT-002';

/** Namespace shop may use class public-web only. */
function cluster(...extra: Manifest[]): Manifest[] {
  return [
    ingressClass({ name: 'public-web', controller: 'k8s.io/ingress-nginx/public-web' }),
    ingressClass({ name: 'internal-api', controller: 'k8s.io/ingress-nginx/internal-api' }),
    namespace({
      name: 'shop',
      labels: { 'gateways.cdk8s.io/tenant': 'shop' },
      annotations: { 'gateways.cdk8s.io/allowed-hosts': 'shop.example.com', 'gateways.cdk8s.io/allowed-classes': 'public-web' },
    }),
    ...extra,
  ];
}

describe(`${ID} class outside the tenant's allowance`, () => {
  it('rejects a class the tenant was not granted, naming tenant, class and host', () => {
    // GIVEN an Ingress on internal-api
    const report = lintObjects(cluster(ingress({ namespace: 'shop', host: 'shop.example.com', className: 'internal-api' })));
    // WHEN
    const f = singleFinding(report, ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Ingress', namespace: 'shop', field: 'spec.ingressClassName', value: shown('internal-api'), severity: 'error' });
    expect(f.message).toBe('tenant "shop" may not use class "internal-api" for host "shop.example.com": its allowed classes are public-web');
  });

  it('rejects a foreign class named by the legacy annotation', () => {
    // GIVEN kubernetes.io/ingress.class: internal-api
    const legacy = ingress({ namespace: 'shop', host: 'shop.example.com', className: null, annotations: { 'kubernetes.io/ingress.class': 'internal-api' } });
    // THEN
    expect(singleFinding(lintObjects(cluster(legacy)), ID).field).toBe('metadata.annotations.kubernetes.io/ingress.class');
  });

  it('rejects the default class when the tenant may not use it', () => {
    // GIVEN internal-api is the default and the Ingress names no class
    const objs = cluster(ingress({ namespace: 'shop', host: 'shop.example.com', className: null }))
      .map((o) => (o.kind === 'IngressClass' && o.metadata.name === 'internal-api'
        ? ingressClass({ name: 'internal-api', controller: 'k8s.io/ingress-nginx/internal-api', isDefault: true }) : o));
    // THEN
    expect(singleFinding(lintObjects(objs), ID).message).toBe('tenant "shop" may not use class "internal-api" (the default class) for host "shop.example.com": its allowed classes are public-web');
  });

  it('accepts an allowed class', () => {
    // GIVEN public-web
    const report = lintObjects(cluster(ingress({ namespace: 'shop', host: 'shop.example.com', className: 'public-web' })));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });

  it('leaves an Ingress without any class to CG-INGRESS-010', () => {
    // GIVEN no class and no default
    const report = lintObjects(cluster(ingress({ namespace: 'shop', host: 'shop.example.com', className: null })));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
    expect(findingsOf(report, 'CG-INGRESS-010')).toHaveLength(1);
  });

  it('ignores namespaces that record no class allowance', () => {
    // GIVEN an Ingress in a plain namespace on internal-api
    const report = lintObjects(cluster(namespace({ name: 'blog' }), ingress({ namespace: 'blog', host: 'blog.example.com', className: 'internal-api' })));
    // THEN
    expect(findingsOf(report, ID)).toStrictEqual([]);
  });
});
