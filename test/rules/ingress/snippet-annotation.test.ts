import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-008';

function lintAnnotations(annotations: Record<string, string>) {
  return lintObjects([ingressClass(), ingress({ annotations })]);
}

describe(`${ID} snippet annotation`, () => {
  it.each([
    'nginx.ingress.kubernetes.io/configuration-snippet',
    'nginx.ingress.kubernetes.io/server-snippet',
    'nginx.ingress.kubernetes.io/auth-snippet',
    'haproxy.org/backend-config-snippet',
    'haproxy.org/frontend.snippet',
  ])('rejects the snippet annotation %s', (key) => {
    // GIVEN an Ingress carrying a raw-configuration snippet
    const report = lintAnnotations({ [key]: 'more_set_headers "X-Debug: 1";' });
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', field: `metadata.annotations["${key}"]`, value: shown('more_set_headers "X-Debug: 1";') });
    expect(f.message).toContain('snippet annotations inject raw configuration into the shared proxy');
  });

  it('shortens a long snippet in the finding', () => {
    // GIVEN a 200-character snippet
    const snippet = 'x'.repeat(200);
    const f = singleFinding(lintAnnotations({ 'nginx.ingress.kubernetes.io/server-snippet': snippet }), ID);
    // THEN the value holds the first 77 characters and "..."
    expect(f.value).toBe(shown(`${'x'.repeat(77)}...`));
  });

  it('accepts typed annotations that are not snippets', () => {
    // GIVEN ordinary controller annotations
    const report = lintAnnotations({
      'nginx.ingress.kubernetes.io/rewrite-target': '/',
      'nginx.ingress.kubernetes.io/ssl-redirect': 'true',
      'example.com/snippets-reviewed': 'yes',
    });
    // THEN
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('reports each snippet annotation of one Ingress', () => {
    // GIVEN two snippets
    const report = lintAnnotations({ 'nginx.ingress.kubernetes.io/server-snippet': 'a', 'nginx.ingress.kubernetes.io/configuration-snippet': 'b' });
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(2);
  });
});
