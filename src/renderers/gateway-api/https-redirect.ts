import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GATEWAY_API_GROUP, GATEWAY_API_VERSION } from './gateway-api-binding';
import { REDIRECT_LISTENER_NAME } from './listener-names';
import { LABEL_MANAGED_BY, MANAGED_BY } from '../../core/manifest-contract';

/**
 * The HTTPRoute that answers every plain HTTP request on the redirect listener with a 301 to HTTPS, in the
 * Gateway's namespace. It matches the prefix `/` of every host, so cert-manager's HTTP-01 routes (an Exact match on
 * the challenge path) take precedence over it.
 */
export function renderHttpsRedirect(scope: Construct, gatewayName: string, gatewayNamespace: string): ApiObject {
  return new ApiObject(scope, 'HttpsRedirect', {
    apiVersion: GATEWAY_API_VERSION,
    kind: 'HTTPRoute',
    metadata: { name: `${gatewayName}-https-redirect`, namespace: gatewayNamespace, labels: { [LABEL_MANAGED_BY]: MANAGED_BY } },
    spec: {
      parentRefs: [{ group: GATEWAY_API_GROUP, kind: 'Gateway', name: gatewayName, sectionName: REDIRECT_LISTENER_NAME }],
      rules: [{
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }],
      }],
    },
  });
}
