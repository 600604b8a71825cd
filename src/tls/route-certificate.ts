import { ApiObject } from 'cdk8s';

/** A cert-manager Certificate a gateway issued for its routes' TLS secret. */
export interface RouteCertificate {
  /** Name of the Certificate object (the secret name). */
  readonly certificateName: string;
  /** The Secret the key pair is written to: the route's `tlsSecretName`, or on the Gateway API `<route namespace>.<tlsSecretName>`. */
  readonly secretName: string;
  /** The host names it covers: the host of the first route that uses the secret. */
  readonly dnsNames: string[];
  /** Namespace of the Certificate (the gateway's on the Gateway API); undefined when it follows the chart. */
  readonly namespace?: string;
  /** The Certificate object. */
  readonly apiObject: ApiObject;
}
