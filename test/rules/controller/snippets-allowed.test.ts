import { configMap, findingsOf, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-CONTROLLER-004';

describe(`${ID} snippets allowed`, () => {
  it.each(['true', 'True'])('rejects allow-snippet-annotations %j', (value) => {
    // GIVEN the ingress-nginx ConfigMap allowing snippets
    const cm = configMap({ name: 'ingress-nginx-controller', namespace: 'ingress-nginx', data: { 'allow-snippet-annotations': value } });
    // WHEN
    const f = singleFinding(lintObjects([cm]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'ConfigMap', name: 'ingress-nginx-controller', field: 'data["allow-snippet-annotations"]', value: shown(value) });
    expect(f.message).toContain('lets every Ingress author inject raw nginx configuration');
  });

  it('rejects annotations-risk-level Critical', () => {
    // GIVEN annotations-risk-level Critical
    const cm = configMap({ name: 'ingress-nginx-controller', data: { 'annotations-risk-level': 'Critical' } });
    // WHEN
    const f = singleFinding(lintObjects([cm]), ID);
    // THEN
    expect(f).toMatchObject({ field: 'data["annotations-risk-level"]', value: shown('Critical') });
    expect(f.message).toContain('accepts Critical-risk annotations such as snippets');
  });

  it('reports both settings of one ConfigMap', () => {
    // GIVEN both unsafe settings
    const cm = configMap({ data: { 'allow-snippet-annotations': 'true', 'annotations-risk-level': 'Critical' } });
    // THEN
    expect(findingsOf(lintObjects([cm]), ID).map((f) => f.field)).toEqual(['data["allow-snippet-annotations"]', 'data["annotations-risk-level"]']);
  });

  it('accepts allow-snippet-annotations "false" and risk level High', () => {
    // GIVEN safe settings
    const cm = configMap({ name: 'ingress-nginx-controller', data: { 'allow-snippet-annotations': 'false', 'annotations-risk-level': 'High' } });
    // THEN
    expect(ruleIds(lintObjects([cm]))).not.toContain(ID);
  });

  it('accepts a ConfigMap without those keys', () => {
    expect(findingsOf(lintObjects([configMap({ data: { 'use-forwarded-headers': 'true' } })]), ID)).toEqual([]);
  });
});
