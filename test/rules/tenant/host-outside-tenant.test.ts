import { findingsOf, ingress, ingressClass, lintObjects, Manifest, namespace, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TENANT-001';

/** Namespace shop as a Tenant writes it: tenant label and allowed hosts. */
function tenantNamespace(hosts: string, tenant = 'shop'): Manifest {
  return namespace({
    name: 'shop',
    labels: { 'gateways.cdk8s.io/tenant': tenant, 'gateways.cdk8s.io/isolated': 'true' },
    annotations: { 'gateways.cdk8s.io/allowed-hosts': hosts, 'gateways.cdk8s.io/allowed-classes': 'nginx' },
  });
}

function cluster(hosts: string, ...ingresses: Manifest[]): Manifest[] {
  return [ingressClass(), tenantNamespace(hosts), ...ingresses];
}

describe(`${ID} host outside the tenant's allowance`, () => {
  it('rejects a host the tenant was not granted, naming tenant and host', () => {
    // GIVEN shop may serve shop.example.com only, and routes billing.example.com
    const report = lintObjects(cluster('shop.example.com', ingress({ namespace: 'shop', host: 'billing.example.com' })));
    // WHEN
    const f = singleFinding(report, ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Ingress', namespace: 'shop', name: 'web', field: 'spec.rules[0].host', value: shown('billing.example.com'), severity: 'error' });
    expect(f.message).toBe('tenant "shop" may not serve host "billing.example.com": its allowed hosts are shop.example.com');
  });

  it('names the tenant and its namespace when they differ', () => {
    // GIVEN namespace shop owned by tenant "retail"
    const objs = [ingressClass(), { ...tenantNamespace('shop.example.com', 'retail') }, ingress({ namespace: 'shop', host: 'x.example.com' })];
    // THEN
    expect(singleFinding(lintObjects(objs), ID).message).toMatch(/^tenant "retail" \(namespace shop\) may not serve host "x.example.com"/);
  });

  it('accepts exact hosts and hosts below a *.suffix pattern', () => {
    // GIVEN shop.example.com and *.shop.example.com
    const hosts = 'shop.example.com, *.shop.example.com';
    const objs = cluster(hosts,
      ingress({ name: 'apex', namespace: 'shop', host: 'shop.example.com' }),
      ingress({ name: 'www', namespace: 'shop', host: 'www.shop.example.com' }),
      ingress({ name: 'deep', namespace: 'shop', host: 'a.b.shop.example.com' }),
      ingress({ name: 'wild', namespace: 'shop', host: '*.shop.example.com' }));
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toStrictEqual([]);
  });

  it('does not let *.suffix cover the suffix itself', () => {
    // GIVEN only *.shop.example.com
    const report = lintObjects(cluster('*.shop.example.com', ingress({ namespace: 'shop', host: 'shop.example.com' })));
    // THEN
    expect(singleFinding(report, ID).value).toBe(shown('shop.example.com'));
  });

  it('rejects a rule without a host, which claims every host', () => {
    // GIVEN host: null
    const report = lintObjects(cluster('shop.example.com', ingress({ namespace: 'shop', host: null })));
    // THEN
    expect(singleFinding(report, ID).message).toBe('tenant "shop" may not serve host "*" (a rule without a host receives requests for every host): its allowed hosts are shop.example.com');
  });

  it('rejects a default backend, which receives requests for every host', () => {
    // GIVEN an allowed rule plus spec.defaultBackend
    const report = lintObjects(cluster('shop.example.com', ingress({ namespace: 'shop', host: 'shop.example.com', defaultBackend: { service: { name: 'web', port: { number: 80 } } } })));
    // THEN
    expect(singleFinding(report, ID).field).toBe('spec.defaultBackend');
  });

  it('rejects a TLS host outside the allowance', () => {
    // GIVEN an allowed rule host but a TLS entry for a foreign host too
    const report = lintObjects(cluster('shop.example.com', ingress({
      namespace: 'shop', host: 'shop.example.com', tls: [{ hosts: ['shop.example.com', 'billing.example.com'], secretName: 'web-tls' }],
    })), { externalSecrets: ['shop/web-tls'] });
    // THEN
    const f = singleFinding(report, ID);
    expect(f.field).toBe('spec.tls[0].hosts[1]');
    expect(f.message).toContain('may not serve host "billing.example.com" (TLS)');
  });

  it('reports every host of a namespace that records an empty allowance', () => {
    // GIVEN an empty allowed-hosts annotation
    const report = lintObjects(cluster('', ingress({ namespace: 'shop', host: 'shop.example.com' })));
    // THEN
    expect(singleFinding(report, ID).message).toBe('tenant "shop" may not serve host "shop.example.com": its allowed hosts are none');
  });

  it('ignores namespaces that record no allowance, and Ingresses in other namespaces', () => {
    // GIVEN a plain namespace with any host, and the tenant namespace untouched
    const objs = cluster('shop.example.com', ingress({ namespace: 'blog', host: 'anything.example.org' }));
    // THEN
    expect(findingsOf(lintObjects([...objs, namespace({ name: 'blog' })]), ID)).toStrictEqual([]);
  });
});
