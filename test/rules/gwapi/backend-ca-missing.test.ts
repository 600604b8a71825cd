import { gateway, GWAPI_VERSION, httpRoute } from './gwapi-manifests';
import { certificate, configMap, findingsOf, lintObjects, Manifest, ruleIds, secret, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-011';

/** BackendTLSPolicy apps/web-backend-tls for Service apps/web, trusting the CA in `caRef` (a ConfigMap by default). */
function backendTlsPolicy(caRef: Manifest = { group: '', kind: 'ConfigMap', name: 'internal-ca' }): Manifest {
  return {
    apiVersion: GWAPI_VERSION,
    kind: 'BackendTLSPolicy',
    metadata: { name: 'web-backend-tls', namespace: 'apps' },
    spec: {
      targetRefs: [{ group: '', kind: 'Service', name: 'web' }],
      validation: { hostname: 'web.apps.svc', caCertificateRefs: [caRef] },
    },
  };
}

const caConfigMap = (namespace = 'apps') => configMap({ name: 'internal-ca', namespace, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----' } });
const secretRef = { group: '', kind: 'Secret', name: 'internal-ca' };

describe(`${ID} BackendTLSPolicy CA that nothing provides`, () => {
  it('accepts a policy whose CA ConfigMap is in the manifests, in the policy\'s namespace', () => {
    // GIVEN the policy, its ConfigMap apps/internal-ca, and a Gateway and HTTPRoute no rule reports
    const objs = [gateway(), httpRoute(), backendTlsPolicy(), caConfigMap()];
    // THEN nothing at all is reported
    expect(ruleIds(lintObjects(objs))).toEqual([]);
  });

  it('rejects a policy whose CA ConfigMap nothing provides, and one whose ConfigMap is in another namespace', () => {
    // GIVEN no ConfigMap; then the ConfigMap only in namespace infra (a caCertificateRef is local to the policy)
    const missing = singleFinding(lintObjects([gateway(), httpRoute(), backendTlsPolicy()]), ID);
    const elsewhere = singleFinding(lintObjects([gateway(), httpRoute(), backendTlsPolicy(), caConfigMap('infra')]), ID);
    // THEN
    expect(missing).toMatchObject({
      kind: 'BackendTLSPolicy', name: 'web-backend-tls', field: 'spec.validation.caCertificateRefs[0]', value: shown('internal-ca'), severity: 'error',
    });
    expect(missing.message).toContain('nothing provides ConfigMap "internal-ca" in namespace "apps", the CA of BackendTLSPolicy apps/web-backend-tls');
    expect(elsewhere.field).toBe('spec.validation.caCertificateRefs[0]');
  });

  it('rejects a policy whose CA Secret nothing provides, and not a ConfigMap of the same name', () => {
    // GIVEN a Secret reference, with only a ConfigMap apps/internal-ca present
    const f = singleFinding(lintObjects([gateway(), httpRoute(), backendTlsPolicy(secretRef), caConfigMap()]), ID);
    // THEN
    expect(f.message).toContain('nothing provides Secret "internal-ca" in namespace "apps"');
  });

  it('accepts a CA Secret in the manifests, written by a cert-manager Certificate, or declared as external', () => {
    // GIVEN the Secret; a Certificate writing it; a declaration
    const present = lintObjects([gateway(), httpRoute(), backendTlsPolicy(secretRef), secret({ name: 'internal-ca', namespace: 'apps' })]);
    const issued = lintObjects([gateway(), httpRoute(), backendTlsPolicy(secretRef), certificate({ namespace: 'apps', secretName: 'internal-ca' })]);
    const declared = lintObjects([gateway(), httpRoute(), backendTlsPolicy(secretRef)], { externalSecrets: ['apps/internal-ca'] });
    // THEN
    expect(findingsOf(present, ID)).toEqual([]);
    expect(findingsOf(issued, ID)).toEqual([]);
    expect(findingsOf(declared, ID)).toEqual([]);
  });

  it('does not judge implementation-specific kinds, nor a policy on the system CAs', () => {
    // GIVEN a ClusterTrustBundle reference; and a policy with wellKnownCACertificates
    const trustBundle = backendTlsPolicy({ group: 'certificates.k8s.io', kind: 'ClusterTrustBundle', name: 'internal-ca' });
    const system = backendTlsPolicy();
    system.spec.validation = { hostname: 'web.apps.svc', wellKnownCACertificates: 'System' };
    // THEN
    expect(findingsOf(lintObjects([gateway(), httpRoute(), trustBundle]), ID)).toEqual([]);
    expect(findingsOf(lintObjects([gateway(), httpRoute(), system]), ID)).toEqual([]);
  });
});
