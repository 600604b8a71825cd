import { Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  AcmeIssuer, Http01SolverPods, IngressClassGateway, IngressController, PublicWebGateway, Route, RouteBackend, RuleEngine,
} from '../../src';
import { InvalidInputError } from '../../src/core/input/input-error';
import { ofKind, synthApp } from '../util/synth';

let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

/** A Traefik public-web gateway with an HTTP-01 issuer, and an HTTPS route into namespace "shop" isolated by default-deny. */
function isolatedShop() {
  const app = Testing.app();
  const infra = new Chart(app, 'ingress');
  const issuer = new AcmeIssuer(infra, 'LetsEncrypt', { email: 'ops@example.com' });
  const gateway = new PublicWebGateway(infra, 'Web', { className: 'web', controller: IngressController.traefik(), issuer });
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  new Route(shop, 'Route', { gateway, host: 'shop.example.com', backend: RouteBackend.fromServiceName('shop', { port: 80 }), tlsSecretName: 'shop-tls' });
  new k8s.KubeNetworkPolicy(shop, 'DefaultDeny', { metadata: { name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  return { app, shop, gateway };
}

describe('Http01SolverPods', () => {
  it('names the solver pods\' label and port', () => {
    // THEN
    expect(Http01SolverPods.PORT).toBe(8089);
    expect(Http01SolverPods.POD_LABELS).toStrictEqual({ 'acme.cert-manager.io/http01-solver': 'true' });
    expect(Http01SolverPods.podSelector()).toStrictEqual({ matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } });
  });

  it('fails synth (CG-TLS-014) when a default-deny namespace blocks the solver pods', () => {
    // GIVEN the isolated namespace and no allowance
    const { app } = isolatedShop();
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((f) => f.ruleId)).toStrictEqual(['CG-TLS-014']);
    expect(errors[0].message).toContain('HTTP-01 challenges for shop.example.com (ClusterIssuer letsencrypt) run solver pods in namespace "shop"');
  });

  it('builds the ingress rule that admits the gateway\'s controller pods, which clears CG-TLS-014', () => {
    // GIVEN the allowance built from the gateway
    const { app, shop, gateway } = isolatedShop();
    new k8s.KubeNetworkPolicy(shop, 'AllowSolvers', {
      metadata: { name: 'allow-acme-http01-solvers' },
      spec: { podSelector: Http01SolverPods.podSelector(), policyTypes: ['Ingress'], ingress: [Http01SolverPods.ingressRuleFrom(gateway)] },
    });
    // WHEN
    const objs = synthApp(app);
    // THEN
    const policy = ofKind(objs, 'NetworkPolicy').find((p) => p.metadata.name === 'allow-acme-http01-solvers');
    expect(policy.spec.ingress).toStrictEqual([{
      from: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-web' } },
        podSelector: { matchLabels: gateway.controllerPodLabels },
      }],
      ports: [{ protocol: 'TCP', port: 8089 }],
    }]);
    expect(RuleEngine.of(app).run().errors).toStrictEqual([]);
  });

  it('builds the egress rule for a controller policy', () => {
    // GIVEN a policy for the controller pods of a gateway that egresses only to the solver pods of "shop"
    const app = Testing.app();
    const chart = new Chart(app, 'ingress', { namespace: 'ingress-web' });
    new k8s.KubeNetworkPolicy(chart, 'Egress', {
      metadata: { name: 'controller-egress' },
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [Http01SolverPods.egressRuleTo('shop')] },
    });
    // WHEN
    const [policy] = ofKind(synthApp(app), 'NetworkPolicy');
    // THEN
    expect(policy.spec.egress).toStrictEqual([{
      to: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
        podSelector: { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } },
      }],
      ports: [{ protocol: 'TCP', port: 8089 }],
    }]);
  });

  it('refuses a cloud-managed gateway, which has no controller pods', () => {
    // GIVEN an AGIC gateway
    const app = Testing.app();
    const gateway = new IngressClassGateway(new Chart(app, 'ingress'), 'Agic', { className: 'agic', controller: IngressController.azureApplicationGateway({ className: 'agic' }) });
    // THEN
    expect(() => Http01SolverPods.ingressRuleFrom(gateway)).toThrow(InvalidInputError);
    expect(() => Http01SolverPods.ingressRuleFrom(gateway))
      .toThrow('Http01SolverPods.ingressRuleFrom: gateway "agic" (ingress/Agic) runs no controller pods (azure-application-gateway is cloud-managed)');
  });
});
