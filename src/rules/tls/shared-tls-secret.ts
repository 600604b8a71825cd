import { certificatesBySecret } from '../facts/certificates';
import { dnsNameCovers } from '../facts/dns-coverage';
import { isObject, listOf, ManifestObject } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

interface SecretUse {
  readonly ingress: ManifestObject;
  readonly field: string;
  readonly hosts: string[];
}

export const SHARED_TLS_SECRET = defineRule({
  id: 'CG-TLS-008',
  severity: Severity.ERROR,
  description: 'Two Ingresses in one namespace use one TLS secret for different hosts (and no Certificate covers them all), or two Certificates write the same secret',
  fix: 'Give each host its own TLS secret (a PublicWebGateway then issues one Certificate per secret), or issue one Certificate whose dnsNames cover every host that uses the secret',
  manifestLevel: true,
  kinds: ['Ingress', 'Certificate'],
  check(model, report) {
    const certsBySecret = certificatesBySecret(model);
    for (const [key, certs] of certsBySecret) {
      for (const cert of certs.slice(1)) {
        report({
          object: cert,
          field: 'spec.secretName',
          value: cert.json.spec.secretName,
          message: `${certs[0].refWithLocation} already writes secret ${key}; two Certificates for one secret overwrite each other, and cert-manager marks both not ready`,
        });
      }
    }

    const uses = new Map<string, SecretUse[]>();
    for (const ingress of model.ofKind('Ingress')) {
      const perSecret = new Map<string, SecretUse>();
      listOf(ingress.json.spec?.tls).forEach((entry, i) => {
        if (!isObject(entry) || typeof entry.secretName !== 'string') return;
        const key = `${ingress.namespace}/${entry.secretName}`;
        const hosts = listOf(entry.hosts).map(String);
        const use = perSecret.get(key);
        perSecret.set(key, use ? { ...use, hosts: [...use.hosts, ...hosts] } : { ingress, field: `spec.tls[${i}].secretName`, hosts });
      });
      for (const [key, use] of perSecret) {
        const list = uses.get(key);
        const normalized = { ...use, hosts: [...new Set(use.hosts.map((h) => h.toLowerCase()))].sort() };
        if (list) list.push(normalized);
        else uses.set(key, [normalized]);
      }
    }
    for (const [key, list] of uses) {
      if (list.length < 2) continue;
      const first = list[0];
      const differing = list.slice(1).filter((u) => u.hosts.join(',') !== first.hosts.join(','));
      if (differing.length === 0) continue;
      const allHosts = [...new Set(list.flatMap((u) => u.hosts))];
      const coveringCert = (certsBySecret.get(key) ?? []).some((cert) => {
        const names = listOf(cert.json.spec?.dnsNames).map(String);
        return allHosts.every((host) => names.some((name) => dnsNameCovers(name, host)));
      });
      if (coveringCert) continue; // one SAN certificate serves every Ingress that shares it
      const secretName = key.slice(key.indexOf('/') + 1);
      for (const use of differing) {
        report({
          object: use.ingress,
          field: use.field,
          value: secretName,
          message: `${first.ingress.refWithLocation} uses TLS secret "${secretName}" for ${first.hosts.join(', ') || '(all hosts)'}, and this Ingress for ${use.hosts.join(', ') || '(all hosts)'}; `
            + 'one secret holds one certificate, so one of them is served a certificate for the wrong hosts (and ingress-shim Certificates for it would overwrite each other)',
        });
      }
    }
  },
});
