import { ANNOTATION_GATEWAY_PROFILE, INTERNAL_API_PROFILE } from '../../core/manifest-contract';
import { describeInternalAnnotations, internalProviderOf } from '../facts/edge';
import { listOf } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/**
 * An `InternalApiGateway` marks its controller Service with `gateways.cdk8s.io/profile: internal-api`; the gateway
 * must then be reachable only from the cloud network, so a load balancer without a provider's internal annotations
 * (an internet-facing one) or external IPs on the Service is an error.
 */
export const INTERNAL_API_EXPOSED = defineRule({
  id: 'CG-GATEWAY-004',
  severity: Severity.ERROR,
  description: 'The Service of an internal API gateway (profile internal-api) is exposed through an external load balancer or external IPs',
  fix: 'Expose the gateway with GatewayExposure.internalLoadBalancer(provider) or GatewayExposure.clusterIp() (the InternalApiGateway default is internal), and remove spec.externalIPs',
  manifestLevel: true,
  kinds: ['Service'],
  check(model, report) {
    for (const object of model.ofKind('Service')) {
      if (object.annotations[ANNOTATION_GATEWAY_PROFILE] !== INTERNAL_API_PROFILE) continue;
      const spec = object.json.spec ?? {};
      if (spec.type === 'LoadBalancer' && internalProviderOf(object) === undefined) {
        report({
          object,
          field: 'metadata.annotations',
          value: object.annotations,
          message: 'the internal API gateway would get an internet-facing load balancer: it carries no complete set of internal load balancer annotations '
            + `(${describeInternalAnnotations()})`,
        });
      }
      const externalIps = listOf(spec.externalIPs);
      if (externalIPsSet(externalIps)) {
        report({
          object,
          field: 'spec.externalIPs',
          value: externalIps,
          message: 'the internal API gateway is also served on external IPs, outside any internal load balancer',
        });
      }
    }
  },
});

function externalIPsSet(ips: unknown[]): boolean {
  return ips.length > 0;
}
