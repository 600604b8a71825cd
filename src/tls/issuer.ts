/** The two kinds of cert-manager issuer. */
export enum IssuerKind {
  /** A namespaced `Issuer`: only Certificates in its namespace can use it. */
  ISSUER = 'Issuer',
  /** A cluster-scoped `ClusterIssuer`: Certificates in every namespace can use it. */
  CLUSTER_ISSUER = 'ClusterIssuer',
}

/** A cert-manager issuer that Certificates can name in their `issuerRef`. */
export interface ICertificateIssuer {
  /** The name of the Issuer or ClusterIssuer. */
  readonly issuerName: string;
  /** Whether it is a namespaced Issuer or a ClusterIssuer. */
  readonly issuerKind: IssuerKind;
  /**
   * The namespace of a namespaced Issuer; Certificates must be in it.
   * @default - none: a ClusterIssuer
   */
  readonly issuerNamespace?: string;
}

/** An issuer that exists in the cluster but is not defined in this app (installed by a platform team, say). */
export class IssuerRef implements ICertificateIssuer {
  /** A ClusterIssuer by name. */
  public static clusterIssuer(name: string): IssuerRef {
    return new IssuerRef(name, IssuerKind.CLUSTER_ISSUER);
  }

  /** A namespaced Issuer by namespace and name. */
  public static issuer(namespace: string, name: string): IssuerRef {
    return new IssuerRef(name, IssuerKind.ISSUER, namespace);
  }

  private constructor(
    public readonly issuerName: string,
    public readonly issuerKind: IssuerKind,
    public readonly issuerNamespace?: string,
  ) {}
}

/** Where an issuer this library writes lives. */
export interface IssuerOptions {
  /**
   * Name of the Issuer or ClusterIssuer, which Certificates and ingress-shim annotations name.
   * @default - depends on the issuer (for example `letsencrypt` for Let's Encrypt)
   */
  readonly name?: string;
  /**
   * Namespace of a namespaced `Issuer`; only Certificates in this namespace can use it.
   * @default - a cluster-scoped ClusterIssuer
   */
  readonly namespace?: string;
}
