import { gateway } from './gwapi-manifests';
import { findingsOf, lintObjects, singleFinding } from '../../util/manifests';

const ID = 'CG-GWAPI-012';
const ANNOTATION = 'gateways.cdk8s.io/client-certificate-unsupported';

describe(`${ID} client certificate requirement not applied`, () => {
  it('accepts a Gateway without the record, or with an empty one', () => {
    // GIVEN
    const report = lintObjects([gateway(), gateway({ name: 'api', annotations: { [ANNOTATION]: '' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a Gateway whose implementation can not require client certificates, naming what is not applied', () => {
    // GIVEN a Gateway recording that neither the requirement nor the chain depth is applied
    const report = lintObjects([gateway({ annotations: { [ANNOTATION]: 'clientCertificate,clientCertificate.verifyDepth' } })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Gateway', name: 'web', namespace: 'infra', severity: 'error', field: `metadata.annotations["${ANNOTATION}"]` });
    expect(f.message).toBe('the implementation of Gateway "web" can not apply client certificates (its HTTPS listeners accept clients without one), '
      + 'the client certificate chain depth (the implementation\'s own limit applies)');
  });

  it('honours a suppression annotation with a reason', () => {
    // GIVEN the record and a suppression
    const report = lintObjects([gateway({ annotations: { [ANNOTATION]: 'clientCertificate', [`suppress.gateways.cdk8s.io/${ID}`]: 'the CDN in front verifies client certificates' } })]);
    // THEN
    expect(findingsOf(report, ID).map((f) => f.suppressed)).toStrictEqual([true]);
  });
});
