import { gateway, httpRoute, httpsListener, listener, listenerSet } from './gwapi-manifests';
import { certificate, findingsOf, lintObjects, ruleIds, secret, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-007';
const httpsGateway = (annotations?: Record<string, string>) => gateway({ listeners: [httpsListener('https', '*.example.com', 'wildcard-tls')], annotations });

describe(`${ID} listener certificate Secret that nothing provides`, () => {
  it('accepts a listener whose Secret is in the manifests', () => {
    // GIVEN Gateway infra/web with Secret infra/wildcard-tls
    const objs = [httpsGateway(), secret({ name: 'wildcard-tls', namespace: 'infra' }), httpRoute()];
    // THEN nothing at all is reported
    expect(ruleIds(lintObjects(objs))).toEqual([]);
  });

  it('rejects a listener whose Secret nothing provides', () => {
    // GIVEN no Secret, Certificate, annotation or declaration
    const f = singleFinding(lintObjects([httpsGateway()]), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Gateway', name: 'web', field: 'spec.listeners[0].tls.certificateRefs[0]', value: shown('wildcard-tls'), severity: 'error' });
    expect(f.message).toContain('nothing provides secret "wildcard-tls" in namespace "infra" for listener "https" (host "*.example.com") of Gateway infra/web');
  });

  it('accepts a Secret written by a cert-manager Certificate, or declared as external', () => {
    // GIVEN a Certificate writing infra/wildcard-tls; then no Certificate but the secret declared external
    const withCertificate = lintObjects([httpsGateway(), certificate({ namespace: 'infra', secretName: 'wildcard-tls', dnsNames: ['*.example.com'] })]);
    const declared = lintObjects([httpsGateway()], { externalSecrets: ['infra/wildcard-tls'] });
    // THEN
    expect(findingsOf(withCertificate, ID)).toEqual([]);
    expect(findingsOf(declared, ID)).toEqual([]);
  });

  it('accepts a Secret cert-manager\'s gateway-shim creates from an issuer annotation on the Gateway or the ListenerSet', () => {
    // GIVEN the cluster-issuer annotation on the Gateway; and an issuer annotation on a ListenerSet
    const onGateway = lintObjects([httpsGateway({ 'cert-manager.io/cluster-issuer': 'letsencrypt' })]);
    const onListenerSet = lintObjects([
      gateway({ allowedListeners: { namespaces: { from: 'All' } } }),
      listenerSet({ listeners: [httpsListener('tenant', 'a.tenants.example.org', 'tenant-tls')], annotations: { 'cert-manager.io/issuer': 'tenant-ca' } }),
    ]);
    // THEN
    expect(findingsOf(onGateway, ID)).toEqual([]);
    expect(findingsOf(onListenerSet, ID)).toEqual([]);
  });

  it('rejects a Secret the gateway-shim skips: a listener in cert-manager.io/ignore-tls-listeners, or one without a hostname', () => {
    // GIVEN the annotation, but listener "https" ignored; and an HTTPS listener with no hostname
    const ignored = lintObjects([httpsGateway({ 'cert-manager.io/cluster-issuer': 'letsencrypt', 'cert-manager.io/ignore-tls-listeners': 'https' })]);
    const noHost = lintObjects([gateway({
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      listeners: [listener({ name: 'https', port: 443, protocol: 'HTTPS', hostname: null, certificateRefs: ['any-tls'] })],
    })]);
    // THEN both are reported
    expect(singleFinding(ignored, ID).value).toBe(shown('wildcard-tls'));
    expect(singleFinding(noHost, ID).value).toBe(shown('any-tls'));
  });
});
