import { findingsOf, ingress, ingressClass, lintObjects, ruleIds, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-INGRESS-001';

function lintHost(host: string | null, tlsHosts?: string[]) {
  return lintObjects([
    ingressClass(),
    ingress({ host, tls: tlsHosts ? [{ hosts: tlsHosts, secretName: 'web-tls' }] : undefined }),
  ], { externalSecrets: ['default/web-tls'] });
}

describe(`${ID} invalid Ingress host`, () => {
  it.each([
    'app.example.com',
    '*.example.com',
    'localhost',
    'a-b.c-d.example',
  ])('accepts %j', (host) => {
    // GIVEN an Ingress rule with a lowercase DNS name or a leading wildcard label
    // WHEN linting it
    const report = lintHost(host, [host]);
    // THEN no host is reported
    expect(ruleIds(report)).not.toContain(ID);
  });

  it('accepts a rule without a host, and one with an empty host', () => {
    // GIVEN rules that match any host
    const report = lintObjects([ingressClass(), ingress({ host: null }), ingress({ name: 'other', host: '', paths: [{ path: '/other' }] })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects an uppercase host', () => {
    // GIVEN host "App.Example.com"
    const report = lintHost('App.Example.com');
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Ingress', name: 'web', field: 'spec.rules[0].host', value: shown('App.Example.com') });
    expect(f.message).toContain('host must be a lowercase RFC 1123 subdomain');
  });

  it('rejects an IPv4 address as host', () => {
    // GIVEN host "192.168.1.10"
    const f = singleFinding(lintHost('192.168.1.10'), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].host', value: shown('192.168.1.10') });
    expect(f.message).toContain('must be a DNS name, not an IP address');
  });

  it('rejects an IPv6 address as host', () => {
    // GIVEN host "2001:db8::1"
    const f = singleFinding(lintHost('2001:db8::1'), ID);
    // THEN
    expect(f.message).toContain('not an IP address');
  });

  it('rejects a host with a port', () => {
    // GIVEN host "app.example.com:8443"
    const f = singleFinding(lintHost('app.example.com:8443'), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].host', value: shown('app.example.com:8443') });
    expect(f.message).toContain('host must not contain a port');
  });

  it('rejects a wildcard inside a label ("*" mid-label)', () => {
    // GIVEN host "api*.example.com"
    const f = singleFinding(lintHost('api*.example.com'), ID);
    // THEN
    expect(f).toMatchObject({ value: shown('api*.example.com') });
    expect(f.message).toContain("may contain a wildcard only as the whole leftmost label ('*.example.com')");
  });

  it('rejects a wildcard that is not the leftmost label ("foo.*.com")', () => {
    // GIVEN host "foo.*.com"
    const f = singleFinding(lintHost('foo.*.com'), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.rules[0].host', value: shown('foo.*.com') });
    expect(f.message).toContain('wildcard only as the whole leftmost label');
  });

  it('rejects a bare "*" host', () => {
    // GIVEN host "*"
    const f = singleFinding(lintHost('*'), ID);
    // THEN
    expect(f.value).toBe(shown('*'));
  });

  it('rejects an invalid TLS host and names its position', () => {
    // GIVEN a valid rule host but a TLS host list with a port in its second entry
    const report = lintHost('app.example.com', ['app.example.com', 'app.example.com:443']);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.tls[0].hosts[1]', value: shown('app.example.com:443') });
    expect(f.message).toContain('TLS host must be a lowercase RFC 1123 subdomain');
  });

  it('reports every invalid rule host of an Ingress', () => {
    // GIVEN two rules with invalid hosts
    const ing = ingress({
      rules: [
        { host: 'UPPER.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
        { host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
      ],
    });
    // WHEN
    const report = lintObjects([ingressClass(), ing]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.field)).toEqual(['spec.rules[0].host', 'spec.rules[1].host']);
  });
});
