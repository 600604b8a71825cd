import { defineRule, show } from '../rule';
import { Severity } from '../severity';

/**
 * `dualstack-without-public-ipv4` gives a load balancer IPv6 addresses and no public IPv4 ones; Elastic Load Balancing
 * accepts it only for internet-facing load balancers, so an internal one fails to provision (the AWS Load Balancer
 * Controller v3.5.0 passes the value through, pkg/ingress/model_build_load_balancer.go).
 */
export const ALB_DUALSTACK_WITHOUT_PUBLIC_IPV4_INTERNAL = defineRule({
  id: 'CG-CONTROLLER-006',
  severity: Severity.ERROR,
  description: 'An internal AWS ALB class (IngressClassParams scheme internal) asks for ipAddressType dualstack-without-public-ipv4, which AWS allows only on internet-facing load balancers',
  fix: 'Use AlbIpAddressType.DUALSTACK (or IPV4) on an internal gateway; keep DUALSTACK_WITHOUT_PUBLIC_IPV4 for internet-facing ones',
  manifestLevel: true,
  kinds: ['IngressClassParams'],
  check(model, report) {
    for (const params of model.ofKind('IngressClassParams')) {
      const spec = params.json.spec ?? {};
      if (spec.scheme !== 'internal' || spec.ipAddressType !== 'dualstack-without-public-ipv4') continue;
      report({
        object: params,
        field: 'spec.ipAddressType',
        value: spec.ipAddressType,
        message: `the load balancer is internal (scheme ${show(spec.scheme)}), and ${show(spec.ipAddressType)} is accepted only for internet-facing ones; `
          + 'use "dualstack" or "ipv4"',
      });
    }
  },
});
