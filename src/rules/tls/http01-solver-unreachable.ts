import { HTTP01_SOLVER_LABEL, HTTP01_SOLVER_PORT, HTTP01_SOLVER_PORT_NAME } from '../../core/manifest-contract';
import { acmeSolversOf, pickSolver } from '../facts/acme-solvers';
import { certificateRequests } from '../facts/certificates';
import { isWildcard } from '../facts/dns-coverage';
import { singleDefaultClass } from '../facts/ingress';
import { IssuerIndex } from '../facts/issuers';
import { controllerPodsForClass } from '../facts/known-controllers';
import { isolatingPolicies, policyRuleAdmits } from '../facts/network-policy';
import { isObject, ManifestObject, PodTemplateRef } from '../model';
import { defineRule } from '../rule';
import { Severity } from '../severity';

/** The labels every HTTP-01 solver pod carries that a policy can select on (the others are per-challenge hashes). */
const SOLVER_LABELS = { [HTTP01_SOLVER_LABEL]: 'true' };

/** The IngressClass whose controller serves the solver Ingress of an HTTP-01 solver. */
function solverClass(solver: any, classes: Map<string, ManifestObject>, defaultClass: string | undefined): ManifestObject | undefined {
  const ingress = solver.http01?.ingress;
  // Gateway API HTTPRoute solvers are routed by a Gateway; a solver that edits a named Ingress is served by that Ingress's class.
  if (!isObject(ingress) || typeof ingress.name === 'string') return undefined;
  const name = ingress.ingressClassName ?? ingress.class ?? defaultClass;
  return typeof name === 'string' ? classes.get(name) : undefined;
}

export const HTTP01_SOLVER_UNREACHABLE = defineRule({
  id: 'CG-TLS-014',
  severity: Severity.ERROR,
  description: 'NetworkPolicies keep the ingress controller from reaching cert-manager\'s HTTP-01 solver pods (TCP 8089), so ACME challenges and renewals fail',
  fix: 'Allow ingress on TCP 8089 to pods labelled acme.cert-manager.io/http01-solver: "true" from the controller pods (and, where the controller\'s egress is isolated, egress to them); Http01SolverPods.ingressRuleFrom(gateway) and Http01SolverPods.egressRuleTo(namespace) build the rules',
  manifestLevel: true,
  kinds: ['Certificate', 'Ingress', 'Issuer', 'ClusterIssuer', 'IngressClass', 'NetworkPolicy', 'Namespace', 'ReplicationController', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'],
  check(model, report) {
    if (model.ofKind('NetworkPolicy').length === 0) return;
    const issuers = new IssuerIndex(model);
    const classes = new Map(model.ofKind('IngressClass').map((c) => [c.name, c]));
    const defaultClass = singleDefaultClass(model);
    const controllersByClass = new Map<string, PodTemplateRef[]>();
    const controllersOf = (cls: ManifestObject): PodTemplateRef[] => {
      if (!controllersByClass.has(cls.name)) controllersByClass.set(cls.name, controllerPodsForClass(model, cls));
      return controllersByClass.get(cls.name)!;
    };

    // Thousands of Certificates share a few namespaces and classes: judge each (namespace, class) pair once.
    const verdicts = new Map<string, string | undefined>();
    const blockageOf = (namespace: string, cls: ManifestObject): string | undefined => {
      const key = `${namespace}\u0000${cls.name}`;
      if (!verdicts.has(key)) verdicts.set(key, judge(namespace, cls));
      return verdicts.get(key);
    };
    /** Why the class's controllers cannot reach solver pods in `namespace`, or undefined when they can. */
    const judge = (namespace: string, cls: ManifestObject): string | undefined => {
      const controllers = controllersOf(cls);
      if (controllers.length === 0) return undefined; // a cloud-managed or external controller: its traffic does not come from pods we can see
      const ingressPolicies = isolatingPolicies(model, namespace, SOLVER_LABELS, 'Ingress');
      if (ingressPolicies.length > 0) {
        const blocked = controllers.find((c) => !ingressPolicies.some((p) => (p.json.spec?.ingress ?? []).some((rule: any) => policyRuleAdmits(
          model, rule, 'from', namespace, { namespace: c.object.namespace!, labels: c.labels }, HTTP01_SOLVER_PORT, HTTP01_SOLVER_PORT_NAME))));
        if (blocked) {
          return `NetworkPolicy ${ingressPolicies.map((p) => p.name).join(', ')} admits no traffic to them from the "${cls.name}" controller (namespace ${blocked.object.namespace}) on TCP ${HTTP01_SOLVER_PORT}`;
        }
      }
      for (const controller of controllers) {
        const egressPolicies = isolatingPolicies(model, controller.object.namespace!, controller.labels, 'Egress');
        if (egressPolicies.length === 0) continue;
        const allowed = egressPolicies.some((p) => (p.json.spec?.egress ?? []).some((rule: any) => policyRuleAdmits(
          model, rule, 'to', controller.object.namespace!, { namespace, labels: SOLVER_LABELS }, HTTP01_SOLVER_PORT, HTTP01_SOLVER_PORT_NAME)));
        if (!allowed) {
          return `NetworkPolicy ${egressPolicies.map((p) => p.name).join(', ')} in namespace ${controller.object.namespace} lets the "${cls.name}" controller send nothing to them on TCP ${HTTP01_SOLVER_PORT}`;
        }
      }
      return undefined;
    };

    for (const request of certificateRequests(model)) {
      const issuer = issuers.resolve(request.issuerRef, request.namespace);
      const solvers = issuer ? acmeSolversOf(issuer) : undefined;
      if (!issuer || !solvers) continue;
      // The classes that serve this certificate's HTTP-01 challenges, with the names they serve.
      const served = new Map<ManifestObject, string[]>();
      for (const name of request.dnsNames) {
        if (isWildcard(name)) continue;
        const solver = pickSolver(solvers, name, request.labels);
        if (!solver?.http01) continue;
        const cls = solverClass(solver, classes, defaultClass);
        if (cls) served.set(cls, [...(served.get(cls) ?? []), name]);
      }
      for (const [cls, names] of served) {
        const blockage = blockageOf(request.namespace, cls);
        if (blockage === undefined) continue;
        report({
          object: request.object,
          field: request.namesField,
          value: names,
          message: `HTTP-01 challenges for ${names.join(', ')} (${issuer.ref}) run solver pods in namespace "${request.namespace}", and ${blockage}`,
        });
      }
    }
  },
});
