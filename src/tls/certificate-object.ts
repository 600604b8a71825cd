import { ApiObject, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
// Type-only: `TlsCertificate` builds its object with this module.
import type { TlsCertificateProps } from './certificate';
import { IssuerKind } from './issuer';
import { defaultRenewBefore, issuerRefOf } from './issuer-object';
import { checkListProp, checkProp } from '../core/input/prop-checks';
import { RejectedInput } from '../core/input/reject-input';
import { standInName } from '../core/input/stand-in';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../core/manifest-contract';
import { checkDns1123Label, checkDns1123Subdomain, checkIp } from '../core/validation';
import { formatGoDuration } from '../core/validation/duration';
import { Certificate, CertificateSpecPrivateKeyAlgorithm, CertificateSpecPrivateKeyRotationPolicy } from '../imports/cert-manager.io';

const DEFAULT_DURATION = Duration.days(90);
const DEFAULT_RENEW_BEFORE = Duration.days(30);

/** A Certificate object and the values it was written with (the construct-free form of `TlsCertificate`). Internal. */
export interface CertificateObject {
  readonly apiObject: ApiObject;
  readonly certificateName: string;
  readonly secretName: string;
  readonly namespace?: string;
  /** The props rejected, for the caller to report on the construct that owns them. */
  readonly rejected: RejectedInput[];
}

/**
 * Writes a cert-manager Certificate as one ApiObject `scope/id`, with the props checked the way `TlsCertificate`
 * checks them (the rejected ones are returned, for the caller to report). Route certificates use it directly, so a
 * route costs no construct subtree for its Certificate.
 */
export function certificateObject(scope: Construct, id: string, props: TlsCertificateProps): CertificateObject {
  const rejected: RejectedInput[] = [];
  const secretValid = checkProp(rejected, 'secretName', props.secretName, checkDns1123Subdomain, 'Secret name');
  // A rejected name is replaced by a valid stand-in, so the Certificate object adds no second finding.
  const secretName = secretValid ? props.secretName : standInName(props.secretName);
  const nameValid = checkProp(rejected, 'name', props.name, checkDns1123Subdomain, 'Certificate name');
  const certificateName = (nameValid ? props.name : undefined) ?? secretName;
  const namespace = checkProp(rejected, 'namespace', props.namespace, checkDns1123Label, 'namespace') ? props.namespace : standInName(props.namespace!);
  // cert-manager's webhook parses ipAddresses with Go's net.ParseIP.
  const ipAddresses = checkListProp(rejected, 'ipAddresses', props.ipAddresses, (v) => checkIp(v, { strict: true }), 'IP address');

  const effectiveNamespace = namespace ?? Chart.of(scope).namespace ?? 'default';
  const issuerNamespace = props.issuer.issuerNamespace;
  if (props.issuer.issuerKind === IssuerKind.ISSUER && issuerNamespace !== undefined && issuerNamespace !== effectiveNamespace) {
    // The Certificate is still written, to find later mistakes: the finding fails synth.
    rejected.push(['issuer', `Issuer ${issuerNamespace}/${props.issuer.issuerName}`,
      `a namespaced Issuer signs only Certificates in its own namespace, and this Certificate is in "${effectiveNamespace}"; `
      + `use a ClusterIssuer, or an Issuer in "${effectiveNamespace}"`]);
  }

  // PrivateKey.ecdsa(), spelled out: that module imports this one.
  const key = props.privateKey ?? { algorithm: CertificateSpecPrivateKeyAlgorithm.ECDSA, size: 256 };
  const duration = props.duration ?? DEFAULT_DURATION;
  const renewBefore = props.renewBefore ?? defaultRenewBefore(duration, DEFAULT_RENEW_BEFORE);
  // A plain ApiObject, not the typed binding: the spec is built here from checked values, and the binding's
  // conversion would copy every route's Certificate once more at synth.
  const apiObject = new ApiObject(scope, id, {
    apiVersion: Certificate.GVK.apiVersion,
    kind: Certificate.GVK.kind,
    metadata: {
      name: certificateName,
      ...(namespace !== undefined ? { namespace } : {}),
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
    },
    spec: {
      secretName,
      ...(props.commonName !== undefined ? { commonName: props.commonName } : {}),
      ...(props.dnsNames.length > 0 ? { dnsNames: [...props.dnsNames] } : {}),
      ...(ipAddresses?.length ? { ipAddresses: [...ipAddresses] } : {}),
      ...(props.isCa ? { isCA: true } : {}),
      issuerRef: issuerRefOf(props.issuer),
      privateKey: {
        algorithm: key.algorithm,
        ...(key.size !== undefined ? { size: key.size } : {}),
        rotationPolicy: CertificateSpecPrivateKeyRotationPolicy.ALWAYS,
      },
      duration: formatGoDuration(duration.toMilliseconds({ integral: false })),
      ...(renewBefore ? { renewBefore: formatGoDuration(renewBefore.toMilliseconds({ integral: false })) } : {}),
    },
  });
  return { apiObject, certificateName, secretName, namespace, rejected };
}
