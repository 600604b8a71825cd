import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { certificateObject } from './certificate-object';
import { ICertificateIssuer } from './issuer';
import { rejectInputs } from '../core/input/reject-input';
import { CertificateSpecPrivateKeyAlgorithm } from '../imports/cert-manager.io';
import { RuleEngine } from '../rules/engine';

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
    const written = certificateObject(this, 'Resource', props);
    rejectInputs(this, written.rejected);
    this.certificateName = written.certificateName;
    this.secretName = written.secretName;
    this.dnsNames = [...props.dnsNames];
    this.issuer = props.issuer;
    this.namespace = written.namespace;
    this.apiObject = written.apiObject;
  }
}
