import { tls } from './tls-manifests';
import { certificate, findingsOf, ingress, ingressClass, lintObjects, singleFinding } from '../../util/manifests';

const ID = 'CG-TLS-005';

function withKey(privateKey: any) {
  return lintObjects([ingressClass(), ingress({ tls: tls() }), certificate({ override: { spec: { privateKey } } })]);
}

describe(`${ID} invalid key size`, () => {
  it.each([
    [{ algorithm: 'ECDSA', size: 256 }],
    [{ algorithm: 'ECDSA', size: 384 }],
    [{ algorithm: 'ECDSA', size: 521 }],
    [{ algorithm: 'RSA', size: 2048 }],
    [{ algorithm: 'RSA', size: 8192 }],
    [{ algorithm: 'Ed25519' }],
    [{ size: 4096 }],
    [{ algorithm: 'ECDSA' }],
  ])('accepts %j', (key) => {
    // GIVEN a key size the webhook accepts
    // THEN
    expect(findingsOf(withKey(key), ID)).toEqual([]);
  });

  it.each([1024, 8193])('rejects an RSA key of %i bits', (size) => {
    // GIVEN an RSA size outside 2048-8192
    const f = singleFinding(withKey({ algorithm: 'RSA', size }), ID);
    // THEN
    expect(f).toMatchObject({ field: 'spec.privateKey.size', value: String(size) });
    expect(f.message).toContain(`an RSA key of ${size} bits is outside 2048-8192`);
  });

  it('rejects a small key without algorithm, which is RSA', () => {
    // GIVEN size 1024 and no algorithm
    const f = singleFinding(withKey({ size: 1024 }), ID);
    // THEN
    expect(f.message).toContain('RSA is the algorithm when none is set');
  });

  it('rejects an ECDSA size that is not a NIST curve', () => {
    // GIVEN ECDSA 2048 (an RSA habit)
    const f = singleFinding(withKey({ algorithm: 'ECDSA', size: 2048 }), ID);
    // THEN
    expect(f.message).toContain('an ECDSA key size must be one of 256, 384, 521 (got 2048)');
  });
});
