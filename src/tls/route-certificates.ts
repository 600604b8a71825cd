import { Chart } from 'cdk8s';
import { CertificateOptions } from './certificate';
import { certificateObject } from './certificate-object';
import { ICertificateIssuer } from './issuer';
import { RouteCertificate } from './route-certificate';
import { rejectInputs } from '../core/input/reject-input';
import { gatewaySecretName } from '../renderers/gateway-api/gateway-secret';
import { Route } from '../routing/route';

/**
 * The Certificates a TLS-issuing gateway creates for its routes, when it renders them: one per TLS secret and
 * namespace, for the route's host (in the route's namespace, or all in the Gateway's on the Gateway API), written as one ApiObject under the route (`<route>/Certificate`, no construct of
 * its own). A route that shares a secret for another host is reported by CG-TLS-008/009.
 */
export class RouteCertificates {
  private readonly bySecret = new Map<string, RouteCertificate>();

  /**
   * @param gatewayNamespace issue every Certificate in this namespace (the Gateway's, on the Gateway API alone),
   *   its Secret named `gatewaySecretName(route namespace, tlsSecretName)`; undefined: in the route's namespace,
   *   named `tlsSecretName`, as the route's Ingress needs it.
   */
  constructor(
    private readonly issuer: ICertificateIssuer,
    private readonly options: CertificateOptions = {},
    private readonly gatewayNamespace?: string,
  ) {}

  /** Creates the Certificate for the route's TLS secret, unless the secret already has one. */
  public issueFor(route: Route): void {
    const routeSecret = route.tlsSecretName;
    if (routeSecret === undefined) return;
    // In the Gateway's namespace, cert-manager's HTTP-01 routes for it are there too (Certificate, Order,
    // Challenge and HTTPRoute share a namespace; CERT_MANAGER_1_21_1_GATEWAY_API.challengeNamespace).
    const secretName = this.gatewayNamespace !== undefined ? gatewaySecretName(route.namespace, routeSecret) : routeSecret;
    // As the route's Ingress writes it: no namespace when neither the backend nor the chart names one.
    const namespace = this.gatewayNamespace ?? route._backendNamespace ?? Chart.of(route).namespace;
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
