import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-006';

function withIssuerRef(issuerRef: any) {
  return lintObjects([ingressClass(), ingress({ tls: tls() }), certificate({ issuerRef })]);
}

describe(`${ID} invalid issuer kind`, () => {
  it.each([
    [{ name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' }],
    [{ name: 'local', kind: 'Issuer' }],
    [{ name: 'local' }],
    [{ name: 'pca', kind: 'AWSPCAClusterIssuer', group: 'awspca.cert-manager.io' }],
  ])('accepts %j', (ref) => {
    // GIVEN a reference the webhook accepts (external groups are not checked)
    // THEN
    expect(findingsOf(withIssuerRef(ref), ID)).toEqual([]);
  });

  it('rejects an external issuer kind without its group, with a hint', () => {
    // GIVEN AWSPCAClusterIssuer in the default group
    const f = singleFinding(withIssuerRef({ name: 'pca', kind: 'AWSPCAClusterIssuer' }), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.issuerRef.kind', value: shown('AWSPCAClusterIssuer') });
    expect(f.message).toContain('issuerRef.kind must be Issuer or ClusterIssuer');
    expect(f.message).toContain('did you forget to set issuerRef.group');
  });

  it('rejects a misspelt kind in the cert-manager.io group, without the hint', () => {
    // GIVEN "Clusterissuer"
    const f = singleFinding(withIssuerRef({ name: 'letsencrypt', kind: 'Clusterissuer', group: 'cert-manager.io' }), ID);
    // THEN
    expect(f.message).not.toContain('did you forget');
  });

  it('rejects an empty issuer name', () => {
    // GIVEN name ""
    const f = singleFinding(withIssuerRef({ name: '', kind: 'ClusterIssuer' }), ID);
    // THEN
    expect(f.field).toBe('spec.issuerRef.name');
  });
});
