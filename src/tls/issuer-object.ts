/** Internal helpers of the issuers this library writes; not exported from the package. */
import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ICertificateIssuer, IssuerKind } from './issuer';
import { checkProp } from '../core/input/prop-checks';
import { standInName } from '../core/input/stand-in';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../core/manifest-contract';
import { checkDns1123Label, checkDns1123Subdomain } from '../core/validation';
import { ClusterIssuer, ClusterIssuerSpec, Issuer, IssuerSpec } from '../imports/cert-manager.io';

/** The issuerRef of a Certificate that uses `issuer`. */
export function issuerRefOf(issuer: ICertificateIssuer): { name: string; kind: string; group: string } {
  return { name: issuer.issuerName, kind: issuer.issuerKind, group: 'cert-manager.io' };
}

/** Writes one `ClusterIssuer`, or a namespaced `Issuer` when a namespace is given, for the issuers of this library. */
export function issuerObject(scope: Construct, name: string, namespace: string | undefined, spec: ClusterIssuerSpec): ApiObject {
  const labels = { [LABEL_MANAGED_BY]: MANAGED_BY };
  return namespace === undefined
    ? new ClusterIssuer(scope, 'Resource', { metadata: { name, labels }, spec })
    // Issuer and ClusterIssuer share one spec schema; the generated bindings differ only in their type names.
    : new Issuer(scope, 'Resource', { metadata: { name, namespace, labels }, spec: spec as unknown as IssuerSpec });
}

/** The kind an issuer of this library gets: a namespace makes it a namespaced Issuer. */
export function issuerKindFor(namespace: string | undefined): IssuerKind {
  return namespace === undefined ? IssuerKind.CLUSTER_ISSUER : IssuerKind.ISSUER;
}

/**
 * An issuer's name (a DNS-1123 subdomain) and namespace (a DNS-1123 label) as the API server checks them; a rejected
 * one is reported once (CG-INPUT-001) and replaced by a valid stand-in, so the object and the Certificates that
 * reference it add no second finding.
 */
export function checkedIssuerNames(scope: Construct, name: string, namespace: string | undefined): { name: string; namespace?: string } {
  return {
    name: checkProp(scope, 'name', name, checkDns1123Subdomain, 'issuer name') ? name : standInName(name),
    namespace: checkProp(scope, 'namespace', namespace, checkDns1123Label, 'namespace') ? namespace : standInName(namespace!),
  };
}

/**
 * The default `renewBefore` (30 days for Certificates, 180 for a CA) when it fits below `duration`; otherwise none,
 * so cert-manager renews at two thirds of the duration and a short `duration` gives no renewBefore finding
 * (CG-TLS-004) on top of its own.
 */
export function defaultRenewBefore(duration: Duration, renewBefore: Duration): Duration | undefined {
  return renewBefore.toMilliseconds() < duration.toMilliseconds({ integral: false }) ? renewBefore : undefined;
}
