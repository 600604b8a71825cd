import { ANNOTATION_TLS_ACME, SHIM_CLUSTER_ISSUER, SHIM_ISSUER } from '../../core/manifest-contract';
import { isAlbIngress } from '../facts/alb-ingress';
import { listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** cert-manager's ingress-shim creates the secret from these annotations. */
const SHIM_ANNOTATIONS = [SHIM_CLUSTER_ISSUER, SHIM_ISSUER];

export const TLS_WITHOUT_SECRET = defineRule({
  id: 'CG-INGRESS-009',
  severity: Severity.ERROR,
  description: 'A TLS host has no certificate: no secretName, or a secret that no Certificate, Secret, cert-manager annotation or declaration provides (AWS ALB Ingresses are exempt from secretName: the ALB uses ACM certificates)',
  fix: 'Issue a cert-manager Certificate for the secret, add the Secret, annotate the Ingress for cert-manager, or declare it as managed elsewhere (RuleEngine.of(app).declareExternalTlsSecret, lint --external-secret)',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass', 'Secret', 'Certificate'],
  check(model, report) {
    const provided = new Set<string>(model.externalTlsSecrets);
    for (const secret of model.ofKind('Secret')) provided.add(`${secret.namespace}/${secret.name}`);
    for (const cert of model.ofKind('Certificate')) {
      if (cert.apiVersion.startsWith('cert-manager.io/') && cert.json.spec?.secretName) provided.add(`${cert.namespace}/${cert.json.spec.secretName}`);
    }
    for (const object of model.ofKind('Ingress')) {
      const shim = SHIM_ANNOTATIONS.some((a) => object.annotations[a] !== undefined) || object.annotations[ANNOTATION_TLS_ACME] === 'true';
      const tls: any[] = listOf(object.json.spec?.tls);
      let alb: boolean | undefined;
      tls.forEach((entry, i) => {
        const hosts = listOf(entry?.hosts).join(', ') || '(all hosts)';
        if (!entry?.secretName) {
          // The AWS Load Balancer Controller discovers ACM certificates from the TLS hosts and ignores secretName.
          alb ??= isAlbIngress(object, model);
          if (alb && listOf(entry?.hosts).length > 0) return;
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
