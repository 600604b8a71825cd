import { certificatesBySecret } from '../facts/certificates';
import { dnsNameCovers } from '../facts/dns-coverage';
import { shimIssuerOf } from '../facts/issuers';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const UNCOVERED_TLS_HOST = defineRule({
  id: 'CG-TLS-009',
  severity: Severity.ERROR,
  description: 'An Ingress TLS host is not among the dnsNames of the Certificate that issues its secret, so clients get a certificate for other names',
  fix: 'Add the host to the Certificate\'s spec.dnsNames, or give the host a TLS secret of its own with a Certificate for it',
  manifestLevel: true,
  kinds: ['Ingress', 'Certificate'],
  check(model, report) {
    const certsBySecret = certificatesBySecret(model);
    for (const ingress of model.ofKind('Ingress')) {
      if (shimIssuerOf(ingress)) continue; // ingress-shim issues the certificate for exactly these hosts
      listOf(ingress.json.spec?.tls).forEach((entry, i) => {
        if (!isObject(entry) || typeof entry.secretName !== 'string') return;
        const certs = certsBySecret.get(`${ingress.namespace}/${entry.secretName}`);
        if (!certs) return; // no Certificate: CG-INGRESS-009 reports a secret that nothing provides
        const names = certs.flatMap((cert) => listOf(cert.json.spec?.dnsNames).map(String));
        listOf(entry.hosts).forEach((host, j) => {
          if (names.some((name) => dnsNameCovers(name, String(host)))) return;
          report({
            object: ingress,
            field: `spec.tls[${i}].hosts[${j}]`,
            value: host,
            message: `secret "${entry.secretName}" is issued by ${certs.map((c) => c.ref).join(', ')} for ${names.join(', ') || '(no dnsNames)'}, which does not cover "${host}"; clients would reject the certificate`,
          });
        });
      });
    }
  },
});
