import { MAX_COMMON_NAME_LENGTH } from '../facts/certificates';
import { CERT_MANAGER_GROUP } from '../facts/issuers';
import { isObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const COMMON_NAME_TOO_LONG = defineRule({
  id: 'CG-TLS-002',
  severity: Severity.ERROR,
  description: `A cert-manager Certificate commonName is longer than ${MAX_COMMON_NAME_LENGTH} characters (the X.509 limit), which its webhook rejects`,
  fix: 'Leave commonName out and list the host in spec.dnsNames, where names may be up to 253 characters',
  manifestLevel: true,
  kinds: ['Certificate'],
  check(model, report) {
    for (const object of model.ofKind('Certificate')) {
      if (!object.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
      const commonName = isObject(object.json.spec) ? object.json.spec.commonName : undefined;
      if (typeof commonName === 'string' && commonName.length > MAX_COMMON_NAME_LENGTH) {
        report({
          object,
          field: 'spec.commonName',
          value: commonName,
          message: `commonName is ${commonName.length} characters; X.509 allows at most ${MAX_COMMON_NAME_LENGTH}, so cert-manager rejects the Certificate`,
        });
      }
    }
  },
});
