import { ApiObject, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ICertificateIssuer, IssuerKind } from './issuer';
import { defaultRenewBefore, issuerRefOf } from './issuer-object';
import { checkListProp, checkProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { standInName } from '../core/input/stand-in';
import { checkDns1123Label, checkDns1123Subdomain, checkIp } from '../core/validation';
import { Certificate, CertificateSpecPrivateKeyAlgorithm, CertificateSpecPrivateKeyRotationPolicy } from '../imports/cert-manager.io';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../labels';
import { RuleEngine } from '../rules/engine';
import { formatGoDuration } from '../rules/tls/tls-facts';

/**
 * The private key of a certificate: algorithm and size. A new key is generated on every renewal
 * (`rotationPolicy: Always`), so a leaked key stops being useful at the next renewal.
 */
export class PrivateKey {
  /**
   * An ECDSA key: 256 (P-256, the default and the best supported), 384 or 521 bits. Other sizes fail synth (CG-TLS-005).
   * @param size curve size in bits
   */
  public static ecdsa(size: number = 256): PrivateKey {
    return new PrivateKey(CertificateSpecPrivateKeyAlgorithm.ECDSA, size);
  }

  /**
   * An RSA key of 2048 to 8192 bits, for clients that do not support ECDSA. Other sizes fail synth (CG-TLS-005).
   * @param size modulus size in bits
   */
  public static rsa(size: number = 3072): PrivateKey {
    return new PrivateKey(CertificateSpecPrivateKeyAlgorithm.RSA, size);
  }

  /** An Ed25519 key (no size). Few browsers accept Ed25519 server certificates; use it for internal clients. */
  public static ed25519(): PrivateKey {
    return new PrivateKey(CertificateSpecPrivateKeyAlgorithm.ED25519);
  }

  private constructor(
    /** `RSA`, `ECDSA` or `Ed25519`. */
    public readonly algorithm: string,
    /** Key size in bits; undefined for Ed25519. */
    public readonly size?: number,
  ) {}
}

/** The lifetime and key of the certificates an issuer signs for this library. */
export interface CertificateOptions {
  /**
   * The private key.
   * @default PrivateKey.ecdsa(256)
   */
  readonly privateKey?: PrivateKey;
  /**
   * Requested lifetime. At least 1 hour (CG-TLS-003); ACME servers may issue shorter ones (Let's Encrypt: 90 days).
   * @default Duration.days(90)
   */
  readonly duration?: Duration;
  /**
   * How long before expiry cert-manager renews. At least 5 minutes and less than `duration` (CG-TLS-004).
   * @default Duration.days(30)
   */
  readonly renewBefore?: Duration;
}

/** Props of a `TlsCertificate`. */
export interface TlsCertificateProps extends CertificateOptions {
  /** The Secret cert-manager writes the key pair to (`tls.crt`, `tls.key`), in the Certificate's namespace. */
  readonly secretName: string;
  /** The host names the certificate is for: exactly the hosts of the Ingress TLS entries that use `secretName`. */
  readonly dnsNames: string[];
  /** The issuer that signs it. */
  readonly issuer: ICertificateIssuer;
  /**
   * Name of the Certificate object.
   * @default - the secret name (the convention of cert-manager's ingress-shim)
   */
  readonly name?: string;
  /**
   * Namespace of the Certificate and its Secret: the namespace of the Ingresses that use it.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * X.509 common name, at most 64 characters (CG-TLS-002). TLS clients ignore it when dnsNames are set.
   * @default - none
   */
  readonly commonName?: string;
  /**
   * IP address subject alternative names.
   * @default - none
   */
  readonly ipAddresses?: string[];
  /**
   * Request a CA certificate (basic constraints CA:TRUE), for a private CA that a `CaIssuer` signs with.
   * @default false
   */
  readonly isCa?: boolean;
}

const DEFAULT_DURATION = Duration.days(90);
const DEFAULT_RENEW_BEFORE = Duration.days(30);

/**
 * A cert-manager `Certificate`: cert-manager issues the key pair into `secretName` and renews it before it expires.
 *
 * Defaults are the sound ones: an ECDSA P-256 key regenerated on every renewal, a 90-day lifetime renewed 30 days
 * before expiry. The webhook's checks run at synth as rules (CG-TLS-001 to CG-TLS-006).
 */
export class TlsCertificate extends Construct {
  /** Name of the Certificate object. */
  public readonly certificateName: string;
  /** The Secret the key pair is written to. */
  public readonly secretName: string;
  /** The host names the certificate covers. */
  public readonly dnsNames: string[];
  /** The issuer that signs it. */
  public readonly issuer: ICertificateIssuer;
  /** Namespace of the Certificate and its Secret; undefined when it follows the chart (or `default`). */
  public readonly namespace?: string;
  /** The Certificate object. */
  public readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string, props: TlsCertificateProps) {
    super(scope, id);
    RuleEngine.of(this);
    const secretValid = checkProp(this, 'secretName', props.secretName, checkDns1123Subdomain, 'Secret name');
    // A rejected name is replaced by a valid stand-in, so the Certificate object adds no second finding.
    this.secretName = secretValid ? props.secretName : standInName(props.secretName);
    const nameValid = checkProp(this, 'name', props.name, checkDns1123Subdomain, 'Certificate name');
    this.certificateName = (nameValid ? props.name : undefined) ?? this.secretName;
    const namespace = checkProp(this, 'namespace', props.namespace, checkDns1123Label, 'namespace') ? props.namespace : standInName(props.namespace!);
    // cert-manager's webhook parses ipAddresses with Go's net.ParseIP.
    const ipAddresses = checkListProp(this, 'ipAddresses', props.ipAddresses, (v) => checkIp(v, { strict: true }), 'IP address');
    this.dnsNames = [...props.dnsNames];
    this.issuer = props.issuer;
    this.namespace = namespace;

    const effectiveNamespace = namespace ?? Chart.of(this).namespace ?? 'default';
    const issuerNamespace = props.issuer.issuerNamespace;
    if (props.issuer.issuerKind === IssuerKind.ISSUER && issuerNamespace !== undefined && issuerNamespace !== effectiveNamespace) {
      // The Certificate is still written, to find later mistakes: the finding fails synth.
      rejectInput(this, 'issuer', `Issuer ${issuerNamespace}/${props.issuer.issuerName}`,
        `a namespaced Issuer signs only Certificates in its own namespace, and this Certificate is in "${effectiveNamespace}"; `
        + `use a ClusterIssuer, or an Issuer in "${effectiveNamespace}"`);
    }

    const key = props.privateKey ?? PrivateKey.ecdsa();
    const duration = props.duration ?? DEFAULT_DURATION;
    const renewBefore = props.renewBefore ?? defaultRenewBefore(duration, DEFAULT_RENEW_BEFORE);
    this.apiObject = new Certificate(this, 'Resource', {
      metadata: {
        name: this.certificateName,
        ...(namespace !== undefined ? { namespace } : {}),
        labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
      },
      spec: {
        secretName: this.secretName,
        ...(props.commonName !== undefined ? { commonName: props.commonName } : {}),
        ...(props.dnsNames.length > 0 ? { dnsNames: [...props.dnsNames] } : {}),
        ...(ipAddresses?.length ? { ipAddresses: [...ipAddresses] } : {}),
        ...(props.isCa ? { isCa: true } : {}),
        issuerRef: issuerRefOf(props.issuer),
        privateKey: {
          algorithm: key.algorithm as CertificateSpecPrivateKeyAlgorithm,
          ...(key.size !== undefined ? { size: key.size } : {}),
          rotationPolicy: CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
        },
        duration: formatGoDuration(duration.toMilliseconds({ integral: false })),
        ...(renewBefore ? { renewBefore: formatGoDuration(renewBefore.toMilliseconds({ integral: false })) } : {}),
      },
    });
  }
}

