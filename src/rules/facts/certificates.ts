/**
 * The certificates cert-manager will request: Certificate objects and the ones ingress-shim creates from annotated
 * Ingress TLS entries, and the secrets they write.
 */
import { CERT_MANAGER_GROUP, IssuerReference, issuerReferenceOf, shimIssuerOf } from './issuers';
import { ClusterModel, groupBy, isObject, listOf, ManifestObject } from '../model';

/** The webhook's limit on `spec.commonName` (cert-manager v1.21.1 internal/apis/certmanager/validation/certificate.go). */
export const MAX_COMMON_NAME_LENGTH = 64;

/**
 * A certificate cert-manager will request: a Certificate object, or one that ingress-shim creates from an annotated
 * Ingress TLS entry (named after its secret, for the entry's hosts).
 */
export interface CertificateRequest {
  /** The Certificate, or the annotated Ingress. */
  readonly object: ManifestObject;
  /** JSON path of the names in `object`: `spec.dnsNames` or `spec.tls[i].hosts`. */
  readonly namesField: string;
  readonly namespace: string;
  readonly secretName?: string;
  readonly dnsNames: string[];
  readonly issuerRef?: IssuerReference;
  /** Labels the solver selectors' matchLabels are compared with. */
  readonly labels: Record<string, string>;
}

/** Every certificate request of the model: Certificates, then ingress-shim TLS entries. */
export function certificateRequests(model: ClusterModel): CertificateRequest[] {
  const result: CertificateRequest[] = [];
  for (const cert of model.ofKind('Certificate')) {
    if (!cert.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
    const spec = isObject(cert.json.spec) ? cert.json.spec : {};
    result.push({
      object: cert,
      namesField: 'spec.dnsNames',
      namespace: cert.namespace!,
      secretName: typeof spec.secretName === 'string' ? spec.secretName : undefined,
      dnsNames: listOf(spec.dnsNames).map(String),
      issuerRef: issuerReferenceOf(spec.issuerRef),
      labels: cert.labels,
    });
  }
  for (const ingress of model.ofKind('Ingress')) {
    const ref = shimIssuerOf(ingress);
    if (!ref) continue;
    listOf(ingress.json.spec?.tls).forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.secretName !== 'string') return;
      result.push({
        object: ingress,
        namesField: `spec.tls[${i}].hosts`,
        namespace: ingress.namespace!,
        secretName: entry.secretName,
        dnsNames: listOf(entry.hosts).map(String),
        issuerRef: ref,
        labels: ingress.labels,
      });
    });
  }
  return result;
}

/** cert-manager Certificates by the secret they write (`namespace/secretName`). */
export function certificatesBySecret(model: ClusterModel): Map<string, ManifestObject[]> {
  const writing = model.ofKind('Certificate')
    .filter((cert) => cert.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`) && isObject(cert.json.spec) && typeof cert.json.spec.secretName === 'string');
  return groupBy(writing, (cert) => `${cert.namespace}/${cert.json.spec.secretName}`);
}
