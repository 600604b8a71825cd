import { acmeIssuer, DNS01_ROUTE53, tls } from './tls-manifests';
import {
  certificate, controllerDeployment, findingsOf, ingress, ingressClass, lintObjects, Manifest, networkPolicy, pdb, shown, singleFinding,
} from '../../util/manifests';

const ID = 'CG-TLS-014';
const APP_NS = 'shop';
const CONTROLLER_NS = 'ingress-system';
const SOLVER = { 'acme.cert-manager.io/http01-solver': 'true' };
const controllerPeer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': CONTROLLER_NS } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-controller' } },
};
const solverPeer = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': APP_NS } },
  podSelector: { matchLabels: SOLVER },
};

/** Controller for class nginx in ingress-system; an HTTPS Ingress in "shop" with a Certificate from an HTTP-01 ClusterIssuer on nginx. */
function cluster(...extra: Manifest[]): Manifest[] {
  return [
    ingressClass(),
    controllerDeployment(),
    pdb({ name: 'ingress-controller', namespace: CONTROLLER_NS, selector: { 'app.kubernetes.io/name': 'ingress-controller' } }),
    ingress({ namespace: APP_NS, tls: tls() }),
    certificate({ namespace: APP_NS }),
    acmeIssuer(),
    ...extra,
  ];
}

const defaultDeny = () => networkPolicy({ name: 'default-deny', namespace: APP_NS });
const allowSolvers = (ports = [{ protocol: 'TCP', port: 8089 }]) => networkPolicy({
  name: 'allow-acme-http01-solvers', namespace: APP_NS, podSelector: { matchLabels: SOLVER }, ingress: [{ from: [controllerPeer], ports }],
});

describe(`${ID} HTTP-01 solver unreachable`, () => {
  it('accepts a namespace without NetworkPolicies', () => {
    // GIVEN no policies at all
    // THEN
    expect(findingsOf(lintObjects(cluster()), ID)).toEqual([]);
  });

  it('rejects a default-deny namespace with no allowance for the solver pods', () => {
    // GIVEN default-deny in shop
    const report = lintObjects(cluster(defaultDeny()));
    // THEN the Certificate is reported with the names, policy, class and port
    const f = singleFinding(report, ID);
    expect(f).toMatchObject({ kind: 'Certificate', namespace: APP_NS, field: 'spec.dnsNames', value: shown(['app.example.com']) });
    expect(f.message).toContain('HTTP-01 challenges for app.example.com (ClusterIssuer letsencrypt) run solver pods in namespace "shop"');
    expect(f.message).toContain(`NetworkPolicy default-deny admits no traffic to them from the "nginx" controller (namespace ${CONTROLLER_NS}) on TCP 8089`);
  });

  it('accepts an allowance from the controller to the solver pods on 8089', () => {
    // GIVEN default-deny plus the allowance Tenant and Http01SolverPods write
    // THEN
    expect(findingsOf(lintObjects(cluster(defaultDeny(), allowSolvers())), ID)).toEqual([]);
  });

  it('rejects an allowance on the wrong port', () => {
    // GIVEN the allowance on 8080
    const report = lintObjects(cluster(defaultDeny(), allowSolvers([{ protocol: 'TCP', port: 8080 }])));
    // THEN
    expect(findingsOf(report, ID)).toHaveLength(1);
  });

  it('rejects a controller whose egress policy does not reach the solver pods', () => {
    // GIVEN the controller namespace isolates egress and allows only DNS
    const egress = networkPolicy({
      name: 'controller',
      namespace: CONTROLLER_NS,
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-controller' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{}],
      egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }],
    });
    const report = lintObjects(cluster(egress));
    // THEN
    const f = singleFinding(report, ID);
    expect(f.message).toContain(`NetworkPolicy controller in namespace ${CONTROLLER_NS} lets the "nginx" controller send nothing to them on TCP 8089`);
  });

  it('accepts a controller egress allowance to the solver pods', () => {
    // GIVEN egress to solver pods in shop on 8089
    const egress = networkPolicy({
      name: 'controller',
      namespace: CONTROLLER_NS,
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-controller' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{}],
      egress: [{ to: [solverPeer], ports: [{ protocol: 'TCP', port: 8089 }] }],
    });
    // THEN
    expect(findingsOf(lintObjects(cluster(egress)), ID)).toEqual([]);
  });

  it('ignores names validated with DNS-01', () => {
    // GIVEN a DNS-01 solver for example.com, which cert-manager prefers for names in its zone
    const objs = cluster(defaultDeny()).map((o) => (o.kind === 'ClusterIssuer'
      ? acmeIssuer({ solvers: [{ http01: { ingress: { ingressClassName: 'nginx' } } }, { ...DNS01_ROUTE53, selector: { dnsZones: ['example.com'] } }] })
      : o));
    // THEN
    expect(findingsOf(lintObjects(objs), ID)).toEqual([]);
  });
});
