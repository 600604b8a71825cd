import { ANNOTATION_GATEWAY_PROFILE, ANNOTATION_PUBLIC_WEB_UNSUPPORTED, PUBLIC_WEB_PROFILE } from '../../core/manifest-contract';
import { unsupportedHardening } from '../facts/public-web';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The transport hardening whose absence leaves clients open to downgrade. */
export const TRANSPORT_HARDENING: Record<string, string> = {
  httpsRedirect: 'redirect plain HTTP to HTTPS',
  hsts: 'send Strict-Transport-Security (HSTS)',
};

export const PUBLIC_WEB_HARDENING_GAP = defineRule({
  id: 'CG-TLS-012',
  severity: Severity.ERROR,
  description: 'The controller of a public-web class can not redirect HTTP to HTTPS or send HSTS, so browsers can be downgraded to plain HTTP',
  fix: 'Use a controller that does both (ingress-nginx, Traefik, HAProxy), or add the header or redirect in front of the gateway (CDN, Application Gateway rewrite rule set) and suppress with that reason',
  manifestLevel: true,
  kinds: ['IngressClass'],
  check(model, report) {
    for (const object of model.ofKind('IngressClass')) {
      if (object.annotations[ANNOTATION_GATEWAY_PROFILE] !== PUBLIC_WEB_PROFILE) continue;
      const missing = unsupportedHardening(object).filter((h) => TRANSPORT_HARDENING[h] !== undefined);
      if (missing.length === 0) continue;
      report({
        object,
        field: `metadata.annotations["${ANNOTATION_PUBLIC_WEB_UNSUPPORTED}"]`,
        value: object.annotations[ANNOTATION_PUBLIC_WEB_UNSUPPORTED],
        message: `the controller of public-web class "${object.name}" can not ${missing.map((h) => TRANSPORT_HARDENING[h]).join(' or ')} with the settings this library writes`,
      });
    }
  },
});
