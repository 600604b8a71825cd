import { Chart } from 'cdk8s';
import { CertificateOptions } from './certificate';
import { certificateObject } from './certificate-object';
import { ICertificateIssuer } from './issuer';
import { RouteCertificate } from './route-certificate';
import { rejectInputs } from '../core/input/reject-input';
import { Route } from '../routing/route';

/**
 * The Certificates a TLS-issuing gateway creates for its routes, when it renders them: one per TLS secret and
 * namespace, for the route's host, written as one ApiObject under the route (`<route>/Certificate`, no construct of
 * its own). A route that shares a secret for another host is reported by CG-TLS-008/009.
 */
export class RouteCertificates {
  private readonly bySecret = new Map<string, RouteCertificate>();

  constructor(private readonly issuer: ICertificateIssuer, private readonly options: CertificateOptions = {}) {}

  /** Creates the Certificate for the route's TLS secret, unless the secret already has one. */
  public issueFor(route: Route): void {
    const secretName = route.tlsSecretName;
    if (secretName === undefined) return;
    // As the route's Ingress writes it: no namespace when neither the backend nor the chart names one.
    const namespace = route._backendNamespace ?? Chart.of(route).namespace;
    const key = `${namespace ?? 'default'}/${secretName}`;
    if (this.bySecret.has(key)) return;
    const dnsNames = [route.host];
    const written = certificateObject(route, 'Certificate', { ...this.options, secretName, namespace, dnsNames, issuer: this.issuer });
    rejectInputs(written.apiObject, written.rejected);
    const { certificateName, apiObject } = written;
    this.bySecret.set(key, { certificateName, secretName: written.secretName, dnsNames, namespace: written.namespace, apiObject });
  }

  public all(): RouteCertificate[] {
    return [...this.bySecret.values()];
  }
}
