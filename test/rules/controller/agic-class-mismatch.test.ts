import { findingsOf, ingressClass, lintObjects, shown, singleFinding } from '../../util/manifests';

const ID = 'CG-CONTROLLER-005';
const AGIC = 'azure/application-gateway';

describe(`${ID} AGIC class name mismatch`, () => {
  it('rejects an AGIC IngressClass named other than the default class AGIC serves', () => {
    // GIVEN an IngressClass "edge" for AGIC, whose installation serves azure-application-gateway
    const report = lintObjects([ingressClass({ name: 'edge', controller: AGIC })]);
    // THEN
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'IngressClass', name: 'edge', field: 'metadata.name', value: shown('edge') });
    expect(f.message).toContain('AGIC serves only the class "azure-application-gateway"');
  });

  it('accepts the class AGIC serves by default', () => {
    // GIVEN the add-on's class name
    const report = lintObjects([ingressClass({ name: 'azure-application-gateway', controller: AGIC })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('rejects a class whose name differs from the configured class recorded on it', () => {
    // GIVEN a class "edge" whose installation is recorded as serving "agic-internal"
    const report = lintObjects([ingressClass({ name: 'edge', controller: AGIC, annotations: { 'gateways.cdk8s.io/agic-class-name': 'agic-internal' } })]);
    // THEN
    expect(singleFinding(report, ID).message).toContain('"agic-internal"');
  });

  it('accepts a class named as the configured class recorded on it', () => {
    // GIVEN
    const report = lintObjects([ingressClass({ name: 'agic-internal', controller: AGIC, annotations: { 'gateways.cdk8s.io/agic-class-name': 'agic-internal' } })]);
    // THEN
    expect(findingsOf(report, ID)).toEqual([]);
  });

  it('ignores classes of other controllers', () => {
    expect(findingsOf(lintObjects([ingressClass({ name: 'edge' })]), ID)).toEqual([]);
  });
});
