import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-002';

describe(`${ID} commonName too long`, () => {
  const served = () => [ingressClass(), ingress({ tls: tls() })];

  it('accepts a commonName of 64 characters', () => {
    // GIVEN exactly 64 characters
    const cn = `${'a'.repeat(52)}.example.com`;
    expect(cn).toHaveLength(64);
    const report = lintObjects([...served(), certificate({ override: { spec: { commonName: cn } } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a commonName of 65 characters', () => {
    // GIVEN 65 characters
    const cn = `${'a'.repeat(53)}.example.com`;
    const report = lintObjects([...served(), certificate({ override: { spec: { commonName: cn } } })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ field: 'spec.commonName', value: shown(cn) });
    expect(f.message).toContain('commonName is 65 characters; X.509 allows at most 64');
  });
});
