import { defineRule } from '../rule';
import { Severity } from '../severity';
import { TRANSPORT_HARDENING } from './public-web-hardening-gap';
import { ANNOTATION_GATEWAY_PROFILE, ANNOTATION_PUBLIC_WEB_UNSUPPORTED, PUBLIC_WEB_PROFILE } from '../../core/manifest-contract';
import { unsupportedHardening } from '../facts/public-web';

const LIMITS: Record<string, string> = {
  maxRequestBodySize: 'the request body size limit',
  connectTimeout: 'the backend connect timeout',
  readTimeout: 'the backend read timeout',
  sendTimeout: 'the backend send timeout',
};

export const PUBLIC_WEB_LIMITS_GAP = defineRule({
  id: 'CG-TLS-013',
  severity: Severity.WARNING,
  description: 'The controller of a public-web class can not apply some of the gateway\'s request limits (body size, backend timeouts), so its own defaults apply',
  fix: 'Enforce the limit elsewhere (the application, a WAF or CDN) and suppress with that reason, or use a controller that applies it (ingress-nginx applies all)',
  manifestLevel: true,
  kinds: ['IngressClass', 'Gateway'],
  check(model, report) {
    for (const object of [...model.ofKind('IngressClass'), ...model.ofKind('Gateway')]) {
      if (object.annotations[ANNOTATION_GATEWAY_PROFILE] !== PUBLIC_WEB_PROFILE) continue;
      const missing = unsupportedHardening(object).filter((h) => TRANSPORT_HARDENING[h] === undefined);
      if (missing.length === 0) continue;
      report({
        object,
        field: `metadata.annotations["${ANNOTATION_PUBLIC_WEB_UNSUPPORTED}"]`,
        value: object.annotations[ANNOTATION_PUBLIC_WEB_UNSUPPORTED],
        message: `the ${object.kind === 'Gateway' ? 'implementation of public-web Gateway' : 'controller of public-web class'} "${object.name}" can not apply ${missing.map((h) => LIMITS[h] ?? h).join(', ')}; its own defaults apply instead`,
      });
    }
  },
});
