import { k8s } from 'cdk8s-plus-28';
import { InvalidInputError } from '../core/input/input-error';
import { HTTP01_SOLVER_LABEL, HTTP01_SOLVER_PORT, NAMESPACE_NAME_LABEL } from '../core/manifest-contract';
import type { IGateway } from '../routing/gateway';

/**
 * cert-manager's HTTP-01 solver pods, for NetworkPolicies. While a challenge is open, cert-manager runs a solver pod
 * (label `acme.cert-manager.io/http01-solver: "true"`, TCP 8089) in the Certificate's namespace, and the ingress
 * controller serving the challenge must reach it. Where NetworkPolicies isolate that namespace (or the controller's
 * egress), admit the flow with these rules; CG-TLS-014 fails synth when nothing does. `Tenant` writes them itself.
 */
export class Http01SolverPods {
  /** The port solver pods listen on. */
  public static readonly PORT = HTTP01_SOLVER_PORT;

  /** The label every solver pod carries (the others are per-challenge hashes). */
  public static readonly POD_LABELS: { [key: string]: string } = { [HTTP01_SOLVER_LABEL]: 'true' };

  /** The pod selector of a NetworkPolicy that applies to the solver pods of its namespace. */
  public static podSelector(): k8s.LabelSelector {
    return { matchLabels: { ...Http01SolverPods.POD_LABELS } };
  }

  /**
   * An ingress rule, for a policy selecting the solver pods (`podSelector()`), that admits `gateway`'s controller
   * pods on TCP 8089. Throws for a cloud-managed gateway, whose proxies have no pod labels to admit.
   */
  public static ingressRuleFrom(gateway: IGateway): k8s.NetworkPolicyIngressRule {
    if (!gateway.proxyPeer) {
      throw new InvalidInputError(`Http01SolverPods.ingressRuleFrom: gateway "${gateway.className}" (${gateway.node.path}) runs no controller pods `
        + `(${gateway.controller.name} is cloud-managed); give a gateway with a self-hosted controller, or admit its load balancer's addresses instead`);
    }
    return {
      from: [gateway.proxyPeer],
      ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(HTTP01_SOLVER_PORT) }],
    };
  }

  /** An egress rule, for a policy selecting controller pods, that lets them reach the solver pods of `namespace` on TCP 8089. */
  public static egressRuleTo(namespace: string): k8s.NetworkPolicyEgressRule {
    return {
      to: [{
        namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } },
        podSelector: Http01SolverPods.podSelector(),
      }],
      ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(HTTP01_SOLVER_PORT) }],
    };
  }

  private constructor() {}
}
