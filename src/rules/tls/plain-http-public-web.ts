import { ANNOTATION_GATEWAY_PROFILE, HTTP01_SOLVER_LABEL, PUBLIC_WEB_PROFILE } from '../../core/manifest-contract';
import { dnsNameCovers } from '../facts/dns-coverage';
import { effectiveClassOf, singleDefaultClass } from '../facts/ingress';
import { isObject, listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

export const PLAIN_HTTP_ON_PUBLIC_WEB = defineRule({
  id: 'CG-TLS-011',
  severity: Severity.ERROR,
  description: 'An Ingress on a public-web class (a PublicWebGateway) serves a host without TLS',
  fix: 'Give the route a tlsSecretName (the PublicWebGateway issues its Certificate), or suppress with the reason the host may be served over plain HTTP',
  manifestLevel: true,
  kinds: ['Ingress', 'IngressClass'],
  check(model, report) {
    const publicWeb = new Set(model.ofKind('IngressClass').filter((c) => c.annotations[ANNOTATION_GATEWAY_PROFILE] === PUBLIC_WEB_PROFILE).map((c) => c.name));
    if (publicWeb.size === 0) return;
    const defaultClass = singleDefaultClass(model);
    for (const object of model.ofKind('Ingress')) {
      const className = effectiveClassOf(object, defaultClass);
      if (className === undefined || !publicWeb.has(className)) continue;
      // cert-manager's own HTTP-01 solver Ingresses (in manifests read back from a cluster) must stay on plain HTTP.
      if (object.labels[HTTP01_SOLVER_LABEL] === 'true') continue;
      const tls = listOf(object.json.spec?.tls).filter(isObject);
      if (tls.length === 0) {
        const hosts = listOf(object.json.spec?.rules).map((r) => r?.host).filter((h) => typeof h === 'string');
        report({
          object,
          field: 'spec.tls',
          value: undefined,
          message: `${hosts.length ? hosts.join(', ') : 'every host'} would be served over plain HTTP on public-web class "${className}", where every route must use HTTPS`,
        });
        continue;
      }
      const coversAll = tls.some((entry) => listOf(entry.hosts).length === 0);
      listOf(object.json.spec?.rules).forEach((rule, r) => {
        if (coversAll || !isObject(rule)) return;
        const host = typeof rule.host === 'string' ? rule.host : undefined;
        const covered = host !== undefined && tls.some((entry) => listOf(entry.hosts).some((h) => dnsNameCovers(String(h), host)));
        if (covered) return;
        report({
          object,
          field: host === undefined ? `spec.rules[${r}]` : `spec.rules[${r}].host`,
          value: host,
          message: `${host === undefined ? 'a rule without host' : `"${host}"`} has no TLS entry, so it would be served over plain HTTP on public-web class "${className}"`,
        });
      });
    }
  },
});
