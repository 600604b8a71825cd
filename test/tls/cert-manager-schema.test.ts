import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { IssuerRef, TlsCertificate } from '../../src';
import { createValidator, validateObject } from '../schema-validator';

describe('cert-manager objects are validated against the CRD schemas in ../shared/crds', () => {
  it('has a schema for Certificate, Issuer and ClusterIssuer', () => {
    // GIVEN the default validator
    const kinds = createValidator().knownKinds;
    // THEN
    expect(kinds).toEqual(expect.arrayContaining(['cert-manager.io/v1/Certificate', 'cert-manager.io/v1/Issuer', 'cert-manager.io/v1/ClusterIssuer']));
  });

  it('accepts the Certificate TlsCertificate writes', () => {
    // GIVEN a TlsCertificate
    const chart = new Chart(Testing.app(), 'web', { namespace: 'web' });
    new TlsCertificate(chart, 'Cert', { secretName: 'www-tls', dnsNames: ['www.example.com'], issuer: IssuerRef.clusterIssuer('letsencrypt') });
    // WHEN
    const [cert] = Testing.synth(chart);
    // THEN
    expect(validateObject(cert)).toEqual([]);
  });

  it('rejects a Certificate with an unknown field, proving Certificates are schema-checked', () => {
    // GIVEN a misspelt field and a key algorithm the CRD does not allow
    const cert = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: { name: 'web', namespace: 'web' },
      spec: { secretName: 'web-tls', dnsName: ['www.example.com'], issuerRef: { name: 'letsencrypt' }, privateKey: { algorithm: 'DSA' } },
    };
    // WHEN
    const errors = validateObject(cert);
    // THEN
    expect(errors).toContain('.spec.dnsName: unknown field');
    expect(errors.join('\n')).toMatch(/\.spec\.privateKey\.algorithm: must be one of \["RSA","ECDSA","Ed25519"\]/);
  });

  it('rejects a Certificate without its required secretName and issuerRef', () => {
    // GIVEN an empty spec
    const errors = validateObject({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata: { name: 'web' }, spec: {} });
    // THEN
    expect(errors).toEqual(expect.arrayContaining(['.spec.secretName: required field is missing', '.spec.issuerRef: required field is missing']));
  });

  it('rejects a ClusterIssuer whose ACME solver has an unknown field', () => {
    // GIVEN ingressClass (the old field name) instead of ingressClassName
    const issuer = {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'letsencrypt' },
      spec: { acme: { server: 'https://acme-v02.api.letsencrypt.org/directory', privateKeySecretRef: { name: 'k' }, solvers: [{ http01: { ingress: { ingressClass: 'nginx' } } }] } },
    };
    // THEN
    expect(validateObject(issuer)).toContain('.spec.acme.solvers[0].http01.ingress.ingressClass: unknown field');
  });

  it('fails with a clear message, rather than passing, when the CRD folder is missing', () => {
    // GIVEN a folder that does not exist
    const missing = path.join(os.tmpdir(), 'cdk8s-gateways-no-crds');
    // THEN
    expect(() => createValidator({ crdDir: missing })).toThrow(/CRD directory not found: .*cdk8s-gateways-no-crds[\s\S]*cert-manager resources cannot be validated/);
  });

  it('fails with a clear message when a cert-manager CRD file is missing', () => {
    // GIVEN a folder with only the Certificate CRD
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crds-'));
    fs.copyFileSync(path.join(__dirname, '..', '..', '..', 'shared', 'crds', 'cert-manager.io_certificates.yaml'), path.join(dir, 'cert-manager.io_certificates.yaml'));
    // THEN
    expect(() => createValidator({ crdDir: dir })).toThrow(/missing CRD file\(s\) in .*: cert-manager.io_issuers.yaml, cert-manager.io_clusterissuers.yaml/);
  });
});
