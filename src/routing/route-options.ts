import { Duration, Size } from 'cdk8s';
import { BackendCertificateAuthority } from './backend-certificate-authority';

/** The protocol the proxy speaks to the backend. */
export enum BackendProtocol {
  HTTP = 'HTTP',
  HTTPS = 'HTTPS',
  GRPC = 'GRPC',
  GRPCS = 'GRPCS',
}

/**
 * Client certificate (mutual TLS) authentication of a route: clients must present a certificate signed by the CA in
 * a Secret. The route must have TLS.
 */
export interface ClientCertificateAuth {
  /** Name of the Secret whose `ca.crt` holds the CA certificates (PEM) that client certificates must chain to. */
  readonly caSecretName: string;
  /** Namespace of that Secret. */
  readonly caSecretNamespace: string;
  /**
   * Longest chain of intermediate certificates accepted between the client certificate and the CA.
   * @default 1
   */
  readonly verifyDepth?: number;
}

/**
 * Per-route proxy behaviour, typed and controller-neutral. Each controller profile turns it into
 * its own annotations, so routes stay portable between controllers (and, later, to Gateway API filters).
 */
export interface RouteOptions {
  /**
   * Redirect plain HTTP to HTTPS when the route has TLS.
   * @default - the controller's default (ingress-nginx: redirect when TLS is set)
   */
  readonly sslRedirect?: boolean;
  /**
   * Largest request body accepted.
   * @default - the controller's default (ingress-nginx: 1 MiB)
   */
  readonly maxRequestBodySize?: Size;
  /**
   * How long to wait for the backend to accept a connection.
   * @default - the controller's default (ingress-nginx: 5 s)
   */
  readonly connectTimeout?: Duration;
  /**
   * How long to wait between two reads of the backend response.
   * @default - the controller's default (ingress-nginx: 60 s)
   */
  readonly readTimeout?: Duration;
  /**
   * How long to wait between two writes of the request to the backend.
   * @default - the controller's default (ingress-nginx: 60 s)
   */
  readonly sendTimeout?: Duration;
  /**
   * Client CIDRs allowed to use this route; others get 403.
   * @default - all clients
   */
  readonly allowedSourceRanges?: string[];
  /**
   * Requests per second accepted from one client address (per controller replica).
   * @default - no limit
   */
  readonly rateLimitPerSecond?: number;
  /**
   * Protocol spoken to the backend.
   * @default BackendProtocol.HTTP
   */
  readonly backendProtocol?: BackendProtocol;
  /**
   * The CA the proxy verifies the backend's certificate against; only with `backendProtocol` HTTPS or GRPCS. On the
   * Gateway API it is the `caCertificateRefs` (or `wellKnownCACertificates`) of the Service's BackendTLSPolicy, which
   * every route to the Service shares, so they must agree. ingress-nginx applies a Secret (`proxy-ssl-*`
   * annotations); other Ingress controllers report it (CG-GATEWAY-003).
   * @default - Gateway API: the system CAs; Ingress API: the controller's default (ingress-nginx does not verify HTTPS backends)
   */
  readonly backendCertificateAuthority?: BackendCertificateAuthority;
  /**
   * The name the backend's certificate is checked for, also sent as SNI; only with `backendProtocol` HTTPS or GRPCS.
   * A lowercase RFC 1123 subdomain (BackendTLSPolicy `validation.hostname`).
   * @default - the Service's cluster DNS name, `<service>.<namespace>.svc`
   */
  readonly backendTlsHostname?: string;
  /**
   * Require a client certificate signed by a given CA (mutual TLS). Only ingress-nginx applies it with Ingress
   * annotations (`auth-tls-*`; nginx verifies client certificates per host, so every route of the host must agree);
   * on other controllers CG-GATEWAY-003 reports it.
   * @default - no client certificate required
   */
  readonly clientCertificate?: ClientCertificateAuth;
}
