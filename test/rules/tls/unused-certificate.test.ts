import { caIssuer, tls } from './tls-manifests';
import { certificate, deployment, findingsOf, ingress, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';
import * as gwapi from '../gwapi/gwapi-manifests';

const ID = 'CG-TLS-010';

describe(`${ID} unused certificate`, () => {
  it('accepts a Certificate whose secret an Ingress serves', () => {
    // GIVEN an Ingress TLS entry naming web-tls
    const report = lintObjects([ingressClass(), ingress({ tls: tls() }), certificate()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts Certificates whose secrets a Gateway listener and a ListenerSet listener serve (across namespaces by reference)', () => {
    // GIVEN Gateway infra/web serving shop/www-tls, ListenerSet tenant-a/tenant-a serving its own a-tls
    const report = lintObjects([
      gwapi.gateway({ listeners: [gwapi.listener({ name: 'www', port: 443, protocol: 'HTTPS', hostname: 'www.example.com', certificateRefs: [{ name: 'www-tls', namespace: 'shop' }] })] }),
      gwapi.listenerSet({ listeners: [gwapi.httpsListener('a', 'a.tenants.example.org', 'a-tls')] }),
      certificate({ namespace: 'shop', secretName: 'www-tls', dnsNames: ['www.example.com'] }),
      certificate({ namespace: 'tenant-a', secretName: 'a-tls', dnsNames: ['a.tenants.example.org'] }),
    ]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('warns about a Certificate whose secret nothing uses', () => {
    // GIVEN a Certificate and no consumer of web-tls
    const report = lintObjects([ingressClass(), ingress(), certificate()]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ severity: 'warning', kind: 'Certificate', field: 'spec.secretName', value: shown('web-tls') });
    expect(f.message).toContain('nothing in these manifests uses secret default/web-tls');
    expect(report.errors).toEqual([]);
  });

  it('warns when the secret is used in another namespace only', () => {
    // GIVEN the Ingress in "shop", the Certificate in "default"
    const report = lintObjects([ingressClass(), ingress({ namespace: 'shop', tls: tls() }), certificate(), certificate({ namespace: 'shop' })]);
    // THEN only the default one is unused
    expect(singleFinding(report, ID).namespace).toBe('default');
  });

  it('accepts a CA certificate whose secret a CA ClusterIssuer signs with', () => {
    // GIVEN the CA secret in cert-manager's namespace
    const report = lintObjects([caIssuer(), certificate({ namespace: 'cert-manager', secretName: 'internal-ca', dnsNames: ['internal-ca'] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a secret mounted by a pod', () => {
    // GIVEN a Deployment mounting web-tls
    const report = lintObjects([certificate(), deployment({ podSpec: { volumes: [{ name: 'tls', secret: { secretName: 'web-tls' } }] } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a secret named by a controller flag', () => {
    // GIVEN --default-ssl-certificate=default/web-tls
    const report = lintObjects([certificate(), deployment({ args: ['--default-ssl-certificate=default/web-tls'] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a secret of a Gateway API listener', () => {
    // GIVEN a Gateway whose HTTPS listener references web-tls
    const gateway = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'edge', namespace: 'default' },
      spec: { gatewayClassName: 'edge', listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'web-tls' }] } }] },
    };
    const report = lintObjects([certificate(), gateway]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('honours a suppression with a reason', () => {
    // GIVEN the Certificate annotated as used outside the manifests
    const report = lintObjects([certificate({ annotations: { [`suppress.gateways.cdk8s.io/${ID}`]: 'mounted by a VM outside the cluster' } })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.suppressed)).toEqual([true]);
  });
});
