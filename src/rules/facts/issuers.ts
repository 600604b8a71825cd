/** cert-manager issuer references and their lookup in the manifests, as cert-manager v1.21.1 resolves them. */
import { SHIM_CLUSTER_ISSUER, SHIM_ISSUER, SHIM_ISSUER_GROUP, SHIM_ISSUER_KIND } from '../../core/manifest-contract';
import { ClusterModel, isObject, ManifestObject } from '../model';

export const CERT_MANAGER_GROUP = 'cert-manager.io';

/** An issuer reference as cert-manager reads it: the group defaults to cert-manager.io, the kind to Issuer. */
export interface IssuerReference {
  readonly name: string;
  readonly kind: string;
  readonly group: string;
}

export function issuerReferenceOf(ref: any): IssuerReference | undefined {
  if (!isObject(ref) || typeof ref.name !== 'string' || ref.name === '') return undefined;
  return { name: ref.name, kind: String(ref.kind || 'Issuer'), group: String(ref.group || CERT_MANAGER_GROUP) };
}

/** Issuers and ClusterIssuers of the model, indexed for reference lookups. */
export class IssuerIndex {
  private readonly issuers = new Map<string, ManifestObject>();
  private readonly clusterIssuers = new Map<string, ManifestObject>();

  constructor(model: ClusterModel) {
    for (const issuer of model.ofKind('Issuer')) {
      if (issuer.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) this.issuers.set(`${issuer.namespace}/${issuer.name}`, issuer);
    }
    for (const issuer of model.ofKind('ClusterIssuer')) {
      if (issuer.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) this.clusterIssuers.set(issuer.name, issuer);
    }
  }

  /** The issuer object a reference from `namespace` resolves to; undefined when it is not in the manifests (or external). */
  public resolve(ref: IssuerReference | undefined, namespace: string): ManifestObject | undefined {
    if (!ref || ref.group !== CERT_MANAGER_GROUP) return undefined;
    if (ref.kind === 'ClusterIssuer') return this.clusterIssuers.get(ref.name);
    if (ref.kind === 'Issuer') return this.issuers.get(`${namespace}/${ref.name}`);
    return undefined;
  }
}

/** The issuer ingress-shim would use for an Ingress, from its annotations. */
export function shimIssuerOf(ingress: ManifestObject): IssuerReference | undefined {
  const a = ingress.annotations;
  if (a[SHIM_CLUSTER_ISSUER]) return { name: a[SHIM_CLUSTER_ISSUER], kind: 'ClusterIssuer', group: CERT_MANAGER_GROUP };
  if (a[SHIM_ISSUER]) return { name: a[SHIM_ISSUER], kind: a[SHIM_ISSUER_KIND] || 'Issuer', group: a[SHIM_ISSUER_GROUP] || CERT_MANAGER_GROUP };
  return undefined;
}
