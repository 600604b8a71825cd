/**
 * BackendTLSPolicies (gateway-api v1.6.1, standard channel) as the rules need them: the CA objects each names in
 * `spec.validation.caCertificateRefs`. A reference is local (LocalObjectReference): the object is in the policy's
 * namespace.
 */
import { gatewayApiObjects } from './gateway-api';
import { ClusterModel, isObject, listOf, ManifestObject } from '../model';

/** One `caCertificateRefs` entry of a BackendTLSPolicy. */
export interface CaCertificateRefFact {
  readonly policy: ManifestObject;
  /** `''` for the core group. */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** The policy's namespace, where the object must be. */
  readonly namespace: string;
  /** JSON path in the policy, for example `spec.validation.caCertificateRefs[0]`. */
  readonly field: string;
}

/** Every `caCertificateRefs` entry of the BackendTLSPolicies in the model. */
export function caCertificateRefs(model: ClusterModel): CaCertificateRefFact[] {
  return gatewayApiObjects(model, 'BackendTLSPolicy').flatMap((policy) => {
    const validation = isObject(policy.json.spec?.validation) ? policy.json.spec.validation : {};
    return listOf(validation.caCertificateRefs).filter(isObject).map((ref, i) => ({
      policy,
      group: typeof ref.group === 'string' ? ref.group : '',
      kind: String(ref.kind ?? ''),
      name: String(ref.name ?? ''),
      namespace: policy.namespace!,
      field: `spec.validation.caCertificateRefs[${i}]`,
    }));
  });
}
