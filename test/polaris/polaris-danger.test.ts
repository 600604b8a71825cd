import { App, Testing } from 'cdk8s';
import { build as buildApiGatewayEdge } from '../../examples/api-gateway-edge/main';
import { build as buildGatewayApi } from '../../examples/gateway-api/main';
import { build as buildInternalApi } from '../../examples/internal-api/main';
import { build as buildMultiController } from '../../examples/multi-controller/main';
import { build as buildMultiTenant } from '../../examples/multi-tenant/main';
import { build as buildPublicWeb } from '../../examples/public-web/main';
import { build as buildTraefikMigration } from '../../examples/traefik-migration/main';
import { IIngressController, IngressController } from '../../src';
import { gatewayApp, quietStderr } from '../controllers/controller-test-utils';
import { configMap, deployment, Manifest } from '../util/manifests';
import { polarisDangerFindings } from '../util/polaris';
import { synthApp } from '../util/synth';

quietStderr();

const EXAMPLES: Array<[string, (app: App) => App]> = [
  ['api-gateway-edge', buildApiGatewayEdge],
  ['gateway-api', buildGatewayApi],
  ['internal-api', buildInternalApi],
  ['multi-controller', buildMultiController],
  ['multi-tenant', buildMultiTenant],
  ['public-web', buildPublicWeb],
  ['traefik-migration', buildTraefikMigration],
];

describe('Polaris danger checks (test/util/polaris.ts)', () => {
  it('flags a ConfigMap key containing "token" (sensitiveConfigmapContent)', () => {
    // GIVEN nginx's server-tokens key without an exemption
    const findings = polarisDangerFindings([configMap({ name: 'nginx', data: { 'server-tokens': 'false' } })]);
    // THEN
    expect(findings).toStrictEqual([{ check: 'sensitiveConfigmapContent', object: 'ConfigMap nginx', detail: 'key server-tokens' }]);
  });

  it('honours Polaris\' per-check exemption annotation', () => {
    // GIVEN the same key, exempted from sensitiveConfigmapContent
    const cm = configMap({ name: 'nginx', data: { 'server-tokens': 'false' }, annotations: { 'polaris.fairwinds.com/sensitiveConfigmapContent-exempt': 'true' } });
    // THEN
    expect(polarisDangerFindings([cm])).toStrictEqual([]);
  });

  it('flags privilege escalation, root, latest tags and dangerous capabilities, and passes the compliant Deployment', () => {
    // GIVEN a compliant Deployment and three broken ones
    const ok = deployment();
    const escalating: Manifest = deployment({ name: 'esc', containerSecurityContext: { allowPrivilegeEscalation: undefined } });
    const latest: Manifest = deployment({ name: 'latest', image: 'nginx:latest' });
    const netAdmin: Manifest = deployment({ name: 'netadmin', containerSecurityContext: { capabilities: { drop: ['ALL'], add: ['NET_ADMIN'] } } });
    // THEN
    expect(polarisDangerFindings([ok])).toStrictEqual([]);
    expect(polarisDangerFindings([escalating, latest, netAdmin]).map((f) => `${f.check} ${f.object}`)).toStrictEqual([
      'privilegeEscalationAllowed Deployment esc',
      'tagNotSpecified Deployment latest',
      'dangerousCapabilities Deployment netadmin',
    ]);
  });

  it('flags pods/exec grants and cluster-admin bindings', () => {
    // GIVEN a ClusterRole with pods/exec and a binding to cluster-admin
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'debug' }, rules: [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }] };
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'ops' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [],
    };
    // THEN
    expect(polarisDangerFindings([role, binding]).map((f) => f.check)).toStrictEqual(['clusterrolePodExecAttach', 'clusterrolebindingClusterAdmin']);
  });
});

describe('Polaris danger findings of synthesized output', () => {
  it.each(EXAMPLES)('examples/%s has none', (_name, build) => {
    // GIVEN the example app
    const objs = synthApp(build(Testing.app()));
    // THEN
    expect(polarisDangerFindings(objs)).toStrictEqual([]);
  });

  it.each<[string, () => IIngressController]>([
    ['ingress-nginx', () => IngressController.nginx()],
    ['traefik', () => IngressController.traefik()],
    ['haproxy', () => IngressController.haproxy()],
  ])('a default %s gateway has none (nginx: its server-tokens key is exempted with a reason)', (_name, controller) => {
    // GIVEN a default gateway
    const objs = synthApp(gatewayApp(controller()).app);
    // THEN
    expect(polarisDangerFindings(objs)).toStrictEqual([]);
  });
});
