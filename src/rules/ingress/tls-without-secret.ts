import { defineRule } from '../rule';
import { Severity } from '../severity';

/** cert-manager's ingress-shim creates the secret from these annotations. */
const SHIM_ANNOTATIONS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer'];

export const TLS_WITHOUT_SECRET = defineRule({
  id: 'CG-INGRESS-009',
  severity: Severity.ERROR,
  description: 'A TLS host has no certificate: no secretName, or a secret that no Certificate, Secret or declaration provides',
  fix: 'Issue a cert-manager Certificate for the secret, add the Secret, or declare it as managed elsewhere (RuleEngine.of(app).declareExternalTlsSecret)',
  manifestLevel: true,
  kinds: ['Ingress', 'Secret', 'Certificate'],
  check(model, report) {
    const provided = new Set<string>(model.externalTlsSecrets);
    for (const secret of model.ofKind('Secret')) provided.add(`${secret.namespace}/${secret.name}`);
    for (const cert of model.ofKind('Certificate')) {
      if (cert.apiVersion.startsWith('cert-manager.io/') && cert.json.spec?.secretName) provided.add(`${cert.namespace}/${cert.json.spec.secretName}`);
    }
    for (const object of model.ofKind('Ingress')) {
      const shim = SHIM_ANNOTATIONS.some((a) => object.annotations[a] !== undefined);
      const tls: any[] = object.json.spec?.tls ?? [];
      tls.forEach((entry, i) => {
        const hosts = (entry?.hosts ?? []).join(', ') || '(all hosts)';
        if (!entry?.secretName) {
          report({ object, field: `spec.tls[${i}].secretName`, value: undefined, message: `TLS for ${hosts} names no secret, so the controller serves its fallback certificate` });
        } else if (!shim && !provided.has(`${object.namespace}/${entry.secretName}`)) {
          report({
            object,
            field: `spec.tls[${i}].secretName`,
            value: entry.secretName,
            message: `nothing provides secret "${entry.secretName}" in namespace "${object.namespace}" for ${hosts}`,
          });
        }
      });
    }
  },
});
