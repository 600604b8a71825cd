import { CertificateRefFact, GATEWAY_API_GROUP, GATEWAY_API_KINDS, gatewayApiFacts } from '../facts/gateway-api';
import { ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const CERTIFICATE_REF_NOT_GRANTED = defineRule({
  id: 'CG-GWAPI-006',
  severity: Severity.ERROR,
  description: 'A listener\'s certificateRef, or a Gateway\'s client CA reference (spec.tls.frontend caCertificateRefs), points into another namespace '
    + 'and no ReferenceGrant there permits it, so the listener has no certificate or no client CA (ResolvedRefs: RefNotPermitted)',
  fix: 'Add a ReferenceGrant in the Secret\'s (or CA object\'s) namespace from the Gateway (or ListenerSet) kind and namespace to its kind (and name), '
    + 'or keep it in the referrer\'s namespace',
  manifestLevel: true,
  kinds: GATEWAY_API_KINDS,
  check(model, report) {
    const facts = gatewayApiFacts(model);
    /** Reports `ref` of `owner` unless a ReferenceGrant permits it (grants are judged by the referrer's own kind). */
    const check = (owner: ManifestObject, fromKind: string, ref: CertificateRefFact, what: string, refNoun = '') => {
      if (!ref.crossNamespace) return;
      const permitted = facts.grantPermits({
        fromGroup: GATEWAY_API_GROUP,
        fromKind,
        fromNamespace: owner.namespace!,
        toGroup: ref.group,
        toKind: ref.kind,
        toNamespace: ref.namespace,
        toName: ref.name,
      });
      if (permitted) return;
      report({
        object: owner,
        field: ref.field,
        value: { group: ref.group, kind: ref.kind, namespace: ref.namespace, name: ref.name },
        message: `${what} refers to ${refNoun}${ref.kind} ${ref.namespace}/${ref.name}, and no ReferenceGrant in namespace "${ref.namespace}" permits it; `
          + `one would need from {group: ${GATEWAY_API_GROUP}, kind: ${fromKind}, namespace: ${owner.namespace}} `
          + `and to {group: "${ref.group}", kind: ${ref.kind}} (name unset or "${ref.name}")`,
      });
    };
    // ReferenceGrants are not inherited between a Gateway and its ListenerSets: each is judged by its own kind.
    const listeners = [...facts.gateways.flatMap((g) => g.listeners), ...facts.listenerSets.flatMap((s) => s.listeners)];
    for (const listener of listeners) {
      for (const ref of listener.certificateRefs) check(listener.owner, listener.owner.kind, ref, `listener "${listener.name}" of ${listener.owner.ref}`);
    }
    for (const gateway of facts.gateways) {
      for (const ref of gateway.frontendCaCertificateRefs) {
        check(gateway.object, 'Gateway', ref, `the client certificate validation of ${gateway.object.ref}`, 'CA ');
      }
    }
  },
});
