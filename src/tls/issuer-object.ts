/** Internal helpers of the issuers this library writes; not exported from the package. */
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ICertificateIssuer, IssuerKind } from './issuer';
import { ClusterIssuer, ClusterIssuerSpec, Issuer, IssuerSpec } from '../imports/cert-manager.io';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../labels';

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
