import { configMap, deployment, findingsOf, ingress, ingressClass, lintObjects, namespace, ruleIds, service, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-META-002';

describe(`${ID} invalid object name`, () => {
  it('accepts DNS-1123 names, a DNS-1035 Service name and a DNS-1123 label namespace', () => {
    // GIVEN objects named the way the API server accepts
    const objs = [
      namespace({ name: 'team-1' }),
      deployment({ name: 'web.v2', namespace: 'team-1' }),
      service({ name: 'web', namespace: 'team-1' }),
      configMap({ name: '1-config', namespace: 'team-1' }),
      ingressClass({ name: 'public.nginx' }),
    ];
    // WHEN linting them
    const report = lintObjects(objs);
    // THEN no name is reported
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('rejects an uppercase Deployment name', () => {
    // GIVEN a Deployment named "Web"
    const report = lintObjects([deployment({ name: 'Web' })]);
    // WHEN / THEN the name is reported as not a DNS-1123 subdomain
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Deployment', field: 'metadata.name', value: shown('Web'), file: 'test.yaml', documentIndex: 0 });
    expect(f.message).toContain('Deployment name must be a lowercase RFC 1123 subdomain');
  });

  it('rejects a ConfigMap name with an underscore', () => {
    // GIVEN a ConfigMap named "app_config"
    const report = lintObjects([configMap({ name: 'app_config' })]);
    // THEN
    expect(singleFinding(report, ID)).toMatchObject({ kind: 'ConfigMap', field: 'metadata.name', value: shown('app_config') });
  });

  it('rejects a Service name that starts with a digit (DNS-1035)', () => {
    // GIVEN a Service named "1web", valid for most kinds but not for Services
    const report = lintObjects([service({ name: '1web' })]);
    // WHEN / THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Service', field: 'metadata.name', value: shown('1web') });
    expect(f.message).toContain('Service name must consist of lower case alphanumeric characters or \'-\', start with a letter');
  });

  it('rejects a Service name with a dot', () => {
    // GIVEN a Service named "web.internal"
    const report = lintObjects([service({ name: 'web.internal' })]);
    // THEN
    expect(singleFinding(report, ID)).toMatchObject({ field: 'metadata.name', value: shown('web.internal') });
  });

  it('accepts "1web" for a Deployment (DNS-1123 subdomain)', () => {
    // GIVEN the same name on a kind checked as a DNS-1123 subdomain
    const report = lintObjects([deployment({ name: '1web' })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a Namespace name with a dot (DNS-1123 label)', () => {
    // GIVEN a Namespace named "team.one"
    const report = lintObjects([namespace({ name: 'team.one' })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Namespace', field: 'metadata.name', value: shown('team.one') });
    expect(f.message).toBe('Namespace name must not contain dots');
  });

  it('rejects a Namespace name longer than 63 characters', () => {
    // GIVEN a 64-character Namespace name
    const name = 'n'.repeat(64);
    const report = lintObjects([namespace({ name })]);
    // THEN
    expect(singleFinding(report, ID).message).toContain('must be no more than 63 characters (got 64)');
  });

  it('rejects a name longer than 253 characters', () => {
    // GIVEN a ConfigMap name of 254 characters in valid labels
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    const report = lintObjects([configMap({ name })]);
    // THEN
    expect(singleFinding(report, ID).message).toContain('no more than 253 characters (got 254)');
  });

  it('rejects an invalid metadata.namespace on a namespaced object', () => {
    // GIVEN a valid name in namespace "Team_A"
    const report = lintObjects([ingress({ namespace: 'Team_A', className: null })]);
    // THEN the namespace field is reported
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', field: 'metadata.namespace', value: shown('Team_A') });
    expect(f.message).toContain('namespace must consist of lower case alphanumeric characters');
  });

  it('accepts path-segment names on RBAC objects and rejects "/" in them', () => {
    // GIVEN a ClusterRole named "system:ingress" (legal for RBAC) and a Role named "a/b"
    const objs = [
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:ingress' }, rules: [] },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'a/b', namespace: 'apps' }, rules: [] },
    ];
    // WHEN
    const report = lintObjects(objs);
    // THEN only the Role is reported
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Role', field: 'metadata.name', value: shown('a/b') });
    expect(f.message).toContain("must not contain '/' or '%'");
  });

  it('accepts an object that only has generateName', () => {
    // GIVEN a Job-like object with generateName instead of a name
    const cm = configMap();
    delete cm.metadata.name;
    cm.metadata.generateName = 'config-';
    // WHEN / THEN
    expect(findingsOf(lintObjects([cm]), ID)).toEqual([]);
  });
});
