import { certificatesBySecret } from './certificates';
import { ClusterModel } from '../model';

const byModel = new WeakMap<ClusterModel, ReadonlySet<string>>();

/**
 * The Secrets something provides, as `namespace/name`: Secrets in the manifests, Secrets a cert-manager Certificate
 * writes (with `ca.crt` from CA and self-signed issuers), and Secrets declared as provided elsewhere
 * (`lint --external-secret`, `RuleEngine.declareExternalTlsSecret`). Computed once per model.
 */
export function providedSecrets(model: ClusterModel): ReadonlySet<string> {
  let provided = byModel.get(model);
  if (!provided) {
    const set = new Set<string>(model.externalTlsSecrets);
    for (const secret of model.ofKind('Secret')) set.add(`${secret.namespace}/${secret.name}`);
    for (const key of certificatesBySecret(model).keys()) set.add(key);
    provided = set;
    byModel.set(model, provided);
  }
  return provided;
}
