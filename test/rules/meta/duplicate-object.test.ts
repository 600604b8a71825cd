import { configMap, findingsOf, ingressClass, lintObjects, namespace, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-META-003';

describe(`${ID} duplicate object`, () => {
  it('accepts the same name in two namespaces, and for two kinds', () => {
    // GIVEN ConfigMap "config" in two namespaces, and a Namespace named like it
    const report = lintObjects([configMap({ namespace: 'a' }), configMap({ namespace: 'b' }), namespace({ name: 'config' })]);
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('rejects the same kind, namespace and name twice, naming both objects', () => {
    // GIVEN ConfigMap a/config twice
    const report = lintObjects([configMap({ namespace: 'a', data: { x: '1' } }), configMap({ namespace: 'a', data: { x: '2' } })]);
    // THEN the second is reported, with the first's position
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'ConfigMap', namespace: 'a', name: 'config', field: 'metadata.name', value: shown('config'), documentIndex: 1 });
    expect(f.message).toContain('ConfigMap a/config (test.yaml:1) has the same kind, namespace and name as ConfigMap a/config (test.yaml:0)');
  });

  it('treats an unset namespace as "default"', () => {
    // GIVEN one ConfigMap without namespace and one in "default"
    const report = lintObjects([configMap(), configMap({ namespace: 'default' })]);
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('rejects a cluster-scoped object defined twice', () => {
    // GIVEN IngressClass nginx twice
    const report = lintObjects([ingressClass(), ingressClass({ controller: 'example.com/other' })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'IngressClass', name: 'nginx', documentIndex: 1 });
    expect(f.message).toContain('IngressClass nginx (test.yaml:0)');
  });
});
