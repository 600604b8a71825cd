import { ApiObject } from 'cdk8s';

/** A cert-manager Certificate a gateway issued for its routes' TLS secret. */
export interface RouteCertificate {
  /** Name of the Certificate object (the secret name). */
  readonly certificateName: string;
  /** The Secret the key pair is written to. */
  readonly secretName: string;
  /** The host names it covers: the host of the first route that uses the secret. */
  readonly dnsNames: string[];
  /** Namespace of the Certificate; undefined when it follows the chart. */
  readonly namespace?: string;
  /** The Certificate object. */
  readonly apiObject: ApiObject;
}
