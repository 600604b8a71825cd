import { Chart } from 'cdk8s';
import { CertificateOptions, TlsCertificate } from './certificate';
import { ICertificateIssuer } from './issuer';
import { Route } from '../routing/route';

/**
 * The Certificates a TLS-issuing gateway creates for its routes: one per TLS secret and namespace, in the route's
 * scope, for the route's host. A route that shares a secret for another host is reported by CG-TLS-008/009.
 */
export class RouteCertificates {
  private readonly bySecret = new Map<string, TlsCertificate>();

  constructor(private readonly issuer: ICertificateIssuer, private readonly options: CertificateOptions = {}) {}

  /** Creates the Certificate for the route's TLS secret, unless the secret already has one. */
  public issueFor(route: Route): void {
    const secretName = route.tlsSecretName;
    if (secretName === undefined) return;
    // As the route's Ingress writes it: no namespace when neither the backend nor the chart names one.
    const namespace = route._backendNamespace ?? Chart.of(route).namespace;
    const key = `${namespace ?? 'default'}/${secretName}`;
    if (this.bySecret.has(key)) return;
    this.bySecret.set(key, new TlsCertificate(route, 'Certificate', {
      ...this.options,
      secretName,
      namespace,
      dnsNames: [route.host],
      issuer: this.issuer,
    }));
  }

  public all(): TlsCertificate[] {
    return [...this.bySecret.values()];
  }
}
