import { caCertificateRefs } from '../facts/backend-tls-policies';
import { providedSecrets } from '../facts/provided-secrets';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The kinds judged: the core group's ConfigMap (Core support) and Secret; others are implementation-specific objects. */
const JUDGED_KINDS = new Set(['ConfigMap', 'Secret']);

export const BACKEND_CA_MISSING = defineRule({
  id: 'CG-GWAPI-011',
  severity: Severity.ERROR,
  description: 'A BackendTLSPolicy\'s caCertificateRefs names a ConfigMap or Secret that nothing provides (no such object, no cert-manager '
    + 'Certificate writing the Secret, no declaration): the policy\'s ResolvedRefs is False and every connection to the backend fails',
  fix: 'Add the ConfigMap or Secret with the CA bundle under ca.crt in the policy\'s namespace, issue a cert-manager Certificate writing '
    + 'the Secret, declare the Secret as managed elsewhere (lint --external-secret), or name the CA that exists (backendCertificateAuthority)',
  manifestLevel: true,
  kinds: ['BackendTLSPolicy', 'ConfigMap', 'Secret', 'Certificate'],
  check(model, report) {
    const secrets = providedSecrets(model);
    const configMaps = new Set(model.ofKind('ConfigMap').map((cm) => `${cm.namespace}/${cm.name}`));
    for (const ref of caCertificateRefs(model)) {
      if ((ref.group !== '' && ref.group !== 'core') || !JUDGED_KINDS.has(ref.kind)) continue;
      const provided = ref.kind === 'Secret' ? secrets : configMaps;
      if (provided.has(`${ref.namespace}/${ref.name}`)) continue;
      report({
        object: ref.policy,
        field: ref.field,
        value: ref.name,
        message: `nothing provides ${ref.kind} "${ref.name}" in namespace "${ref.namespace}", the CA of ${ref.policy.ref}: `
          + 'its backends are unreachable through the gateway',
      });
    }
  },
});
