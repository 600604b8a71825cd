import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { PrivateKey, TlsCertificate } from './certificate';
import { ICertificateIssuer, IssuerKind } from './issuer';
import { checkedIssuerNames, defaultRenewBefore, issuerKindFor, issuerObject } from './issuer-object';
import { checkProp } from '../core/input/prop-checks';
import { standInName } from '../core/input/stand-in';
import { checkDns1123Label, checkDns1123Subdomain } from '../core/validation';
import { RuleEngine } from '../rules/engine';

/** Props of a `SelfSignedIssuer`. */
export interface SelfSignedIssuerProps {
  /** Name of the Issuer or ClusterIssuer. */
  readonly name: string;
  /**
   * Namespace of a namespaced `Issuer`.
   * @default - a cluster-scoped ClusterIssuer
   */
  readonly namespace?: string;
}

/**
 * A self-signed issuer: each certificate signs itself. Its only sound use is bootstrapping a private CA
 * (`CaIssuer.withSelfSignedRoot`); leaf certificates it signs are trusted by no client.
 */
export class SelfSignedIssuer extends Construct implements ICertificateIssuer {
  public readonly issuerName: string;
  public readonly issuerKind: IssuerKind;
  public readonly issuerNamespace?: string;
  /** The Issuer or ClusterIssuer object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: SelfSignedIssuerProps) {
    super(scope, id);
    RuleEngine.of(this);
    const { name, namespace } = checkedIssuerNames(this, props.name, props.namespace);
    this.issuerName = name;
    this.issuerNamespace = namespace;
    this.issuerKind = issuerKindFor(namespace);
    this.apiObject = issuerObject(this, name, namespace, { selfSigned: {} });
  }
}

/** Props of a `CaIssuer`. */
export interface CaIssuerProps {
  /** Name of the Issuer or ClusterIssuer. */
  readonly name: string;
  /**
   * Secret holding the CA key pair (`tls.crt`, `tls.key`). For a ClusterIssuer it must be in cert-manager's cluster
   * resource namespace (by default the namespace cert-manager runs in); for an Issuer, in the Issuer's namespace.
   */
  readonly secretName: string;
  /**
   * Namespace of a namespaced `Issuer`.
   * @default - a cluster-scoped ClusterIssuer
   */
  readonly namespace?: string;
}

/** Props of `CaIssuer.withSelfSignedRoot`. */
export interface SelfSignedCaProps {
  /** Name of the CA issuer; the bootstrap issuer is `<name>-selfsigned`, the CA secret `<name>-ca`. */
  readonly name: string;
  /**
   * The CA certificate's common name.
   * @default - the issuer name
   */
  readonly commonName?: string;
  /**
   * Namespace of namespaced Issuers (and of the CA certificate).
   * @default - ClusterIssuers, with the CA certificate in `clusterResourceNamespace`
   */
  readonly namespace?: string;
  /**
   * cert-manager's cluster resource namespace (`--cluster-resource-namespace`), where a CA ClusterIssuer reads its secret.
   * @default 'cert-manager'
   */
  readonly clusterResourceNamespace?: string;
  /**
   * Lifetime of the CA certificate.
   * @default Duration.days(365 * 3)
   */
  readonly duration?: Duration;
  /**
   * How long before the CA certificate expires cert-manager renews it.
   * @default Duration.days(180)
   */
  readonly renewBefore?: Duration;
}

/**
 * A CA issuer: signs certificates with a CA key pair from a Secret. For internal hosts that public ACME can not
 * validate; clients must trust the CA certificate.
 */
export class CaIssuer extends Construct implements ICertificateIssuer {
  /**
   * A private CA bootstrapped in the cluster: a self-signed issuer signs a CA Certificate, whose secret this CA
   * issuer signs with. Returns the CA issuer; distribute `<name>-ca`'s `ca.crt` to the clients that must trust it.
   */
  public static withSelfSignedRoot(scope: Construct, id: string, props: SelfSignedCaProps): CaIssuer {
    const root = new Construct(scope, id);
    RuleEngine.of(root);
    // Checked once here; the three objects derived from them get valid stand-ins, so each mistake is reported once.
    const name = checkProp(root, 'name', props.name, checkDns1123Subdomain, 'issuer name') ? props.name : standInName(props.name);
    const namespace = checkProp(root, 'namespace', props.namespace, checkDns1123Label, 'namespace') ? props.namespace : standInName(props.namespace!);
    const clusterResourceNamespace = checkProp(root, 'clusterResourceNamespace', props.clusterResourceNamespace, checkDns1123Label, 'namespace')
      ? props.clusterResourceNamespace : undefined;
    const caNamespace = namespace ?? clusterResourceNamespace ?? 'cert-manager';
    const selfSigned = new SelfSignedIssuer(root, 'SelfSigned', { name: `${name}-selfsigned`, namespace });
    const secretName = `${name}-ca`;
    new TlsCertificate(root, 'CaCertificate', {
      secretName,
      namespace: caNamespace,
      dnsNames: [],
      commonName: props.commonName ?? name,
      isCa: true,
      issuer: selfSigned,
      privateKey: PrivateKey.ecdsa(256),
      duration: props.duration ?? Duration.days(365 * 3),
      renewBefore: props.renewBefore ?? defaultRenewBefore(props.duration ?? Duration.days(365 * 3), Duration.days(180)),
    });
    return new CaIssuer(root, 'Issuer', { name, secretName, namespace });
  }

  public readonly issuerName: string;
  public readonly issuerKind: IssuerKind;
  public readonly issuerNamespace?: string;
  /** The Secret holding the CA key pair. */
  public readonly secretName: string;
  /** The Issuer or ClusterIssuer object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: CaIssuerProps) {
    super(scope, id);
    RuleEngine.of(this);
    const { name, namespace } = checkedIssuerNames(this, props.name, props.namespace);
    checkProp(this, 'secretName', props.secretName, checkDns1123Subdomain, 'CA Secret name');
    this.issuerName = name;
    this.issuerNamespace = namespace;
    this.issuerKind = issuerKindFor(namespace);
    this.secretName = props.secretName;
    this.apiObject = issuerObject(this, name, namespace, { ca: { secretName: props.secretName } });
  }
}

