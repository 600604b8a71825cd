import { CERT_MANAGER_GROUP } from '../facts/issuers';
import { isObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_ISSUER_KIND = defineRule({
  id: 'CG-TLS-006',
  severity: Severity.ERROR,
  description: 'A cert-manager Certificate issuerRef names no issuer, or a kind other than Issuer or ClusterIssuer in the cert-manager.io group, which its webhook rejects',
  fix: 'Set issuerRef.name and kind Issuer or ClusterIssuer; for an external issuer (for example AWSPCAClusterIssuer) also set its issuerRef.group',
  manifestLevel: true,
  kinds: ['Certificate'],
  check(model, report) {
    for (const object of model.ofKind('Certificate')) {
      if (!object.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
      const ref = isObject(object.json.spec) ? object.json.spec.issuerRef : undefined;
      if (!isObject(ref) || typeof ref.name !== 'string' || ref.name === '') {
        report({ object, field: 'spec.issuerRef.name', value: isObject(ref) ? ref.name : undefined, message: 'issuerRef names no issuer, so nothing would sign the certificate' });
        continue;
      }
      const group = ref.group ?? '';
      const kind = ref.kind ?? '';
      if ((group === '' || group === CERT_MANAGER_GROUP) && !['', 'Issuer', 'ClusterIssuer'].includes(kind)) {
        const hint = group === '' ? ' (did you forget to set issuerRef.group for an external issuer?)' : '';
        report({ object, field: 'spec.issuerRef.kind', value: kind, message: `issuerRef.kind must be Issuer or ClusterIssuer in the cert-manager.io group (got ${JSON.stringify(kind)})${hint}` });
      }
    }
  },
});
