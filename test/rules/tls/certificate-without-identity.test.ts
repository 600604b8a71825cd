import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-001';

describe(`${ID} certificate without identity`, () => {
  const served = () => [ingressClass(), ingress({ tls: tls() })];

  it('accepts a Certificate with dnsNames', () => {
    // GIVEN a Certificate for app.example.com
    const report = lintObjects([...served(), certificate()]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('accepts a Certificate with only a commonName', () => {
    // GIVEN a CA-style Certificate that names itself by commonName
    const report = lintObjects([...served(), certificate({ dnsNames: [], override: { spec: { dnsNames: undefined, commonName: 'internal-ca' } } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a Certificate with no name of any kind', () => {
    // GIVEN no dnsNames, commonName, ipAddresses, uris, emailAddresses or otherNames
    const report = lintObjects([...served(), certificate({ override: { spec: { dnsNames: undefined } } })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Certificate', name: 'web', field: 'spec', severity: 'error' });
    expect(f.message).toContain('at least one of commonName, dnsNames, emailAddresses, ipAddresses, otherNames or uris must be set');
  });

  it('treats an empty dnsNames list as no identity', () => {
    // GIVEN dnsNames: []
    const report = lintObjects([...served(), certificate({ dnsNames: [] })]);
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });
});
