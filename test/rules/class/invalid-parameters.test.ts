import { findingsOf, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-CLASS-003';

function lintParams(parameters: any) {
  return lintObjects([ingressClass({ parameters })]);
}

describe(`${ID} invalid IngressClass parameters`, () => {
  it('accepts Namespace-scoped parameters with a namespace', () => {
    // GIVEN scope Namespace and namespace ingress-system
    const report = lintParams({ apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: 'Namespace', namespace: 'ingress-system' });
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts Cluster-scoped parameters without a namespace, explicit or by default', () => {
    // GIVEN scope Cluster, and scope unset
    const explicit = lintParams({ apiGroup: 'elbv2.k8s.aws', kind: 'IngressClassParams', name: 'alb', scope: 'Cluster' });
    const implicit = lintParams({ apiGroup: 'elbv2.k8s.aws', kind: 'IngressClassParams', name: 'alb' });
    // THEN
    expect(findingsOf(explicit, ID)).toEqual([]);
    expect(findingsOf(implicit, ID)).toEqual([]);
  });

  it('accepts a class without parameters', () => {
    expect(findingsOf(lintObjects([ingressClass()]), ID)).toEqual([]);
  });

  it('rejects scope Cluster with a namespace', () => {
    // GIVEN scope Cluster and namespace ingress-system
    const f = singleFinding(lintParams({ kind: 'IngressClassParams', name: 'alb', scope: 'Cluster', namespace: 'ingress-system' }), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'IngressClass', field: 'spec.parameters.namespace', value: shown('ingress-system') });
    expect(f.message).toContain('namespace must not be set when scope is "Cluster"');
  });

  it('rejects a namespace when scope is unset (it defaults to Cluster)', () => {
    // GIVEN a namespace without a scope
    const f = singleFinding(lintParams({ kind: 'IngressClassParams', name: 'alb', namespace: 'ingress-system' }), ID);
    // THEN
    expect(f.field).toBe('spec.parameters.namespace');
  });

  it('rejects scope Namespace without a namespace', () => {
    // GIVEN scope Namespace and no namespace
    const f = singleFinding(lintParams({ kind: 'IngressParameters', name: 'lb', scope: 'Namespace' }), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.parameters.namespace', value: '(unset)' });
    expect(f.message).toContain('namespace is required when scope is "Namespace"');
  });

  it('rejects an unknown scope', () => {
    // GIVEN scope "Global"
    const f = singleFinding(lintParams({ kind: 'IngressParameters', name: 'lb', scope: 'Global' }), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.parameters.scope', value: shown('Global') });
    expect(f.message).toContain('scope must be "Cluster" or "Namespace"');
  });

  it('rejects a Namespace scope whose namespace is not a DNS-1123 label', () => {
    // GIVEN namespace "Ingress_System"
    const f = singleFinding(lintParams({ kind: 'IngressParameters', name: 'lb', scope: 'Namespace', namespace: 'Ingress_System' }), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.parameters.namespace', value: shown('Ingress_System') });
    expect(f.message).toContain('namespace must consist of lower case alphanumeric characters');
  });

  it('rejects an apiGroup that is not a DNS subdomain', () => {
    // GIVEN apiGroup "Elbv2.K8s.AWS"
    const f = singleFinding(lintParams({ apiGroup: 'Elbv2.K8s.AWS', kind: 'IngressClassParams', name: 'alb' }), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.parameters.apiGroup', value: shown('Elbv2.K8s.AWS') });
    expect(f.message).toContain('apiGroup must be a DNS subdomain');
  });

  it('rejects an empty kind and an empty name', () => {
    // GIVEN kind "" and name ""
    const found = findingsOf(lintParams({ kind: '', name: '' }), ID);
    // THEN both are reported
    expect(found.map((f) => [f.field, f.value, f.message])).toEqual([
      ['spec.parameters.kind', shown(''), 'parameters need a kind'],
      ['spec.parameters.name', shown(''), 'parameters need a name'],
    ]);
  });
});
