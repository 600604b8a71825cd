/** Where the CA certificates that a TLS backend's certificate must chain to come from. */
export enum BackendCertificateAuthoritySource {
  /** A ConfigMap in the route's namespace, key `ca.crt` (the Gateway API's Core support). */
  CONFIG_MAP = 'ConfigMap',
  /** A Secret in the route's namespace, key `ca.crt` (what a cert-manager CA issuer writes next to each certificate). */
  SECRET = 'Secret',
  /** The proxy's system CA bundle (public CAs). */
  SYSTEM = 'System',
}

/**
 * The CA a proxy verifies an HTTPS or GRPCS backend's certificate against. In-cluster backends usually present
 * certificates from a private CA (a cert-manager CA issuer, a mesh), which the system CAs do not know: name it with
 * `fromConfigMap` or `fromSecret`. The object must be in the route's namespace (a BackendTLSPolicy can not refer to
 * another namespace) and hold the PEM bundle under `ca.crt`.
 */
export class BackendCertificateAuthority {
  /** The CA bundle in the `ca.crt` key of a ConfigMap in the route's namespace. */
  public static fromConfigMap(configMapName: string): BackendCertificateAuthority {
    return new BackendCertificateAuthority(BackendCertificateAuthoritySource.CONFIG_MAP, configMapName);
  }

  /** The CA bundle in the `ca.crt` key of a Secret in the route's namespace. */
  public static fromSecret(secretName: string): BackendCertificateAuthority {
    return new BackendCertificateAuthority(BackendCertificateAuthoritySource.SECRET, secretName);
  }

  /** The proxy's system CAs: for backends with certificates from a public CA. */
  public static systemCertificates(): BackendCertificateAuthority {
    return new BackendCertificateAuthority(BackendCertificateAuthoritySource.SYSTEM);
  }

  private constructor(
    /** Where the CA bundle comes from. */
    public readonly source: BackendCertificateAuthoritySource,
    /** Name of the ConfigMap or Secret; undefined for the system CAs. */
    public readonly objectName?: string,
  ) {}

  /** `ConfigMap/<name>`, `Secret/<name>` or `System`, for messages and comparisons. */
  public toString(): string {
    return this.objectName === undefined ? this.source : `${this.source}/${this.objectName}`;
  }
}

/** The name a backend's certificate is checked for by default: the Service's cluster DNS name. */
export function defaultBackendTlsHostname(serviceName: string, namespace: string): string {
  return `${serviceName}.${namespace}.svc`;
}
