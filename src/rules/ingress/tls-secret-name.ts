import { checkDns1123Subdomain } from '../../core/validation';
import { listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const INVALID_TLS_SECRET_NAME = defineRule({
  id: 'CG-INGRESS-011',
  severity: Severity.ERROR,
  description: 'An Ingress TLS entry names a secret that is not a valid Secret name (a lowercase DNS-1123 subdomain), so no Secret can ever match it',
  fix: "Use the Secret's name exactly: lowercase letters, digits, '-' and '.', at most 253 characters, starting and ending with a letter or digit",
  manifestLevel: true,
  kinds: ['Ingress'],
  check(model, report) {
    for (const object of model.ofKind('Ingress')) {
      listOf(object.json.spec?.tls).forEach((entry, i) => {
        const secretName = entry?.secretName;
        if (secretName === undefined || secretName === null || secretName === '') return; // CG-INGRESS-009 reports a missing name
        const reason = typeof secretName === 'string' ? checkDns1123Subdomain(secretName) : 'must be a string';
        if (reason) report({ object, field: `spec.tls[${i}].secretName`, value: secretName, message: `Secret name ${reason}` });
      });
    }
  },
});
