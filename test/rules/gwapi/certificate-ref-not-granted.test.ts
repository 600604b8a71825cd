import { gateway, httpsListener, listenerSet, referenceGrant } from './gwapi-manifests';
import { findingsOf, lintObjects, ruleIds, secret, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-006';
const CERT_IN_CERTS = { name: 'wildcard-tls', namespace: 'certs' };
const grantFrom = (kind: string, namespace: string) => referenceGrant({
  name: `from-${kind.toLowerCase()}`,
  namespace: 'certs',
  from: [{ group: 'gateway.networking.k8s.io', kind, namespace }],
  to: [{ group: '', kind: 'Secret' }],
});

describe(`${ID} cross-namespace certificateRef without a ReferenceGrant`, () => {
  it('accepts a certificate in another namespace that a ReferenceGrant there permits', () => {
    // GIVEN Gateway infra/web using Secret certs/wildcard-tls, and a grant in certs from Gateways in infra to Secrets
    const objs = [gateway({ listeners: [httpsListener('https', '*.example.com', 'unused', { certificateRefs: [CERT_IN_CERTS] })] }),
      secret({ name: 'wildcard-tls', namespace: 'certs' }), grantFrom('Gateway', 'infra')];
    // THEN nothing at all is reported
    expect(ruleIds(lintObjects(objs))).toEqual([]);
  });

  it('rejects a certificate in another namespace with no ReferenceGrant', () => {
    // GIVEN the same, without the grant
    const objs = [gateway({ listeners: [httpsListener('https', '*.example.com', 'unused', { certificateRefs: [CERT_IN_CERTS] })] }),
      secret({ name: 'wildcard-tls', namespace: 'certs' })];
    // WHEN
    const f = singleFinding(lintObjects(objs), ID);
    // THEN
    expect(f).toMatchObject({ kind: 'Gateway', name: 'web', field: 'spec.listeners[0].tls.certificateRefs[0]', severity: 'error' });
    expect(f.value).toBe(shown({ group: '', kind: 'Secret', namespace: 'certs', name: 'wildcard-tls' }));
    expect(f.message).toContain('listener "https" of Gateway infra/web refers to Secret certs/wildcard-tls, and no ReferenceGrant in namespace "certs" permits it');
  });

  it('rejects a ListenerSet\'s reference covered only by a grant for Gateways (grants are not inherited)', () => {
    // GIVEN a ListenerSet in tenant-a using certs/wildcard-tls and a grant from Gateways in tenant-a
    const objs = [
      gateway({ allowedListeners: { namespaces: { from: 'All' } } }),
      listenerSet({ listeners: [httpsListener('tenant', 'a.tenants.example.org', 'unused', { certificateRefs: [CERT_IN_CERTS] })] }),
      secret({ name: 'wildcard-tls', namespace: 'certs' }),
      grantFrom('Gateway', 'tenant-a'),
    ];
    // THEN the ListenerSet is reported; a grant from ListenerSets would permit it
    expect(singleFinding(lintObjects(objs), ID)).toMatchObject({ kind: 'ListenerSet', namespace: 'tenant-a' });
    expect(findingsOf(lintObjects([...objs, grantFrom('ListenerSet', 'tenant-a')]), ID)).toEqual([]);
  });
});

describe(`${ID} cross-namespace client CA reference (Gateway spec.tls.frontend) without a ReferenceGrant`, () => {
  const withClientCa = (perPort = false) => {
    const validation = { caCertificateRefs: [{ group: '', kind: 'Secret', name: 'client-ca', namespace: 'certs' }] };
    const frontend = perPort ? { default: {}, perPort: [{ port: 443, tls: { validation } }] } : { default: { validation } };
    return gateway({ override: { spec: { tls: { frontend } } } });
  };

  it('accepts a client CA in another namespace that a ReferenceGrant from Gateways permits', () => {
    // GIVEN Gateway infra/web validating client certificates against Secret certs/client-ca, and a grant from Gateways in infra
    const objs = [withClientCa(), grantFrom('Gateway', 'infra')];
    // THEN CG-GWAPI-006 reports nothing
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });

  it('rejects a client CA in another namespace with no ReferenceGrant, default and per port', () => {
    // GIVEN the same without the grant (and a grant from ListenerSets only, which does not count for a Gateway)
    const cases = [
      [false, 'spec.tls.frontend.default.validation.caCertificateRefs[0]'],
      [true, 'spec.tls.frontend.perPort[0].tls.validation.caCertificateRefs[0]'],
    ] as const;
    for (const [perPort, field] of cases) {
      // WHEN
      const f = singleFinding(lintObjects([withClientCa(perPort), grantFrom('ListenerSet', 'infra')]), ID);
      // THEN
      expect(f).toMatchObject({ kind: 'Gateway', name: 'web', field, severity: 'error' });
      expect(f.value).toBe(shown({ group: '', kind: 'Secret', namespace: 'certs', name: 'client-ca' }));
      expect(f.message).toContain('the client certificate validation of Gateway infra/web refers to CA Secret certs/client-ca, and no ReferenceGrant in namespace "certs" permits it');
    }
  });
});
