import { ANNOTATION_EDGE_UNSUPPORTED, decodeList } from '../../core/manifest-contract';
import { defineRule } from '../rule';
import { Severity } from '../severity';

const SETTINGS: Record<string, string> = {
  clientAllowlist: 'the client allowlist',
  rateLimitPerSecond: 'the per-client rate limit',
  maxRequestBodySize: 'the request body size limit',
  connectTimeout: 'the backend connect timeout',
  readTimeout: 'the backend read timeout',
  sendTimeout: 'the backend send timeout',
  trustedProxyCidrs: 'the trusted proxies for client address headers',
};

export const EDGE_SETTINGS_GAP = defineRule({
  id: 'CG-GATEWAY-005',
  severity: Severity.WARNING,
  description: 'The controller of an edge preset (InternalApiGateway, ApiGatewayEdge) can not apply some of its edge settings, so its own defaults apply',
  fix: 'Enforce the setting elsewhere (the API gateway tier, the application, a WAF) and suppress with that reason, or use a controller that applies it (ingress-nginx applies all)',
  manifestLevel: true,
  kinds: ['IngressClass', 'Gateway'],
  check(model, report) {
    for (const object of [...model.ofKind('IngressClass'), ...model.ofKind('Gateway')]) {
      const raw = object.annotations[ANNOTATION_EDGE_UNSUPPORTED];
      const missing = decodeList(raw);
      if (missing.length === 0) continue;
      report({
        object,
        field: `metadata.annotations["${ANNOTATION_EDGE_UNSUPPORTED}"]`,
        value: String(raw),
        message: `the ${object.kind === 'Gateway' ? 'implementation of Gateway' : 'controller of class'} "${object.name}" can not apply ${missing.map((m) => SETTINGS[m] ?? m).join(', ')}; its own defaults apply instead`,
      });
    }
  },
});
