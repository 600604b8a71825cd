import { SHIM_CLUSTER_ISSUER, SHIM_ISSUER } from '../../core/manifest-contract';
import { GATEWAY_API_KINDS, gatewayApiFacts, ListenerFact } from '../facts/gateway-api';
import { providedSecrets } from '../facts/provided-secrets';
import { ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** cert-manager's annotation listing listener names its gateway-shim skips (v1.21.1 pkg/apis/certmanager/v1/types.go). */
const IGNORE_TLS_LISTENERS = 'cert-manager.io/ignore-tls-listeners';

export const CERTIFICATE_SECRET_MISSING = defineRule({
  id: 'CG-GWAPI-007',
  severity: Severity.ERROR,
  description: 'A listener\'s certificateRef names a Secret that nothing provides: no Secret, no cert-manager Certificate writing it, no cert-manager annotation on the Gateway or ListenerSet that creates it, no declaration',
  fix: 'Issue a cert-manager Certificate for the secret, annotate the Gateway (or ListenerSet) with cert-manager.io/cluster-issuer or cert-manager.io/issuer, add the Secret, or declare it as managed elsewhere (lint --external-secret)',
  manifestLevel: true,
  kinds: [...GATEWAY_API_KINDS, 'Secret', 'Certificate'],
  check(model, report) {
    const facts = gatewayApiFacts(model);
    const provided = providedSecrets(model);
    const listeners = [...facts.gateways.flatMap((g) => g.listeners), ...facts.listenerSets.flatMap((s) => s.listeners)];
    for (const listener of listeners) {
      for (const ref of listener.certificateRefs) {
        // Other kinds (implementation-specific certificate objects) are not judged.
        if ((ref.group !== '' && ref.group !== 'core') || ref.kind !== 'Secret') continue;
        if (provided.has(`${ref.namespace}/${ref.name}`)) continue;
        if (!ref.crossNamespace && shimCreates(listener.owner, listener)) continue;
        report({
          object: listener.owner,
          field: ref.field,
          value: ref.name,
          message: `nothing provides secret "${ref.name}" in namespace "${ref.namespace}" for listener "${listener.name}"`
            + `${listener.hostname !== undefined ? ` (host "${listener.hostname}")` : ''} of ${listener.owner.ref}`,
        });
      }
    }
  },
});

/**
 * True when cert-manager's gateway-shim would create a Certificate for this listener's Secrets (cert-manager v1.21.1
 * pkg/controller/certificate-shim/sync.go): an issuer annotation on the Gateway or ListenerSet, an HTTPS or TLS
 * listener not in Passthrough mode and not listed in cert-manager.io/ignore-tls-listeners, with a hostname (a
 * same-namespace reference is checked by the caller). The shim runs only with cert-manager's Gateway API support
 * enabled, which manifests do not show.
 */
function shimCreates(owner: ManifestObject, listener: ListenerFact): boolean {
  const annotations = owner.annotations;
  if (annotations[SHIM_ISSUER] === undefined && annotations[SHIM_CLUSTER_ISSUER] === undefined) return false;
  if (listener.protocol !== 'HTTPS' && listener.protocol !== 'TLS') return false;
  if (listener.tlsMode === 'Passthrough' || listener.hostname === undefined) return false;
  const ignored = String(annotations[IGNORE_TLS_LISTENERS] ?? '').split(',').map((s) => s.trim());
  return !ignored.includes(listener.name);
}
