import { CERT_MANAGER_GROUP } from '../facts/issuers';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The identity fields cert-manager accepts; a Certificate needs at least one. */
const IDENTITY_FIELDS = ['commonName', 'dnsNames', 'ipAddresses', 'uris', 'emailAddresses', 'otherNames'];

export const CERTIFICATE_WITHOUT_IDENTITY = defineRule({
  id: 'CG-TLS-001',
  severity: Severity.ERROR,
  description: 'A cert-manager Certificate names no identity (no commonName, dnsNames, ipAddresses, uris, emailAddresses or otherNames), which its webhook rejects',
  fix: 'List the hosts the certificate is for in spec.dnsNames (TLS clients check dnsNames, not commonName)',
  manifestLevel: true,
  kinds: ['Certificate'],
  check(model, report) {
    for (const object of model.ofKind('Certificate')) {
      if (!object.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) continue;
      const spec = isObject(object.json.spec) ? object.json.spec : {};
      const literalCn = typeof spec.literalSubject === 'string' && /(^|,)\s*CN=/i.test(spec.literalSubject);
      const hasIdentity = literalCn || IDENTITY_FIELDS.some((f) => (f === 'commonName' ? typeof spec[f] === 'string' && spec[f].length > 0 : listOf(spec[f]).length > 0));
      if (!hasIdentity) {
        report({
          object,
          field: 'spec',
          value: undefined,
          message: `Certificate "${object.name}" requests no identity; cert-manager rejects it: at least one of commonName, dnsNames, emailAddresses, ipAddresses, otherNames or uris must be set`,
        });
      }
    }
  },
});
