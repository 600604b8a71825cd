/**
 * Each self-hosted profile is built from the facts record of its pinned controller version (src/controllers/facts):
 * these tests check the synthesized objects against the record, so a generated object can not drift from what the
 * binary needs. The profile tests (haproxy, traefik, ingress-nginx) pin the record's essentials independently.
 */
import { Chart, Duration, Size, Testing } from 'cdk8s';
import { controllerContainer, gatewayApp, single, synth, tuples } from './controller-test-utils';
import { EdgeSettings, GatewayExposure, IIngressController, IngressController, PublicWebHardening, RoutingApi, TraefikProps } from '../../src';
import { AGIC_1_9_8 } from '../../src/controllers/facts/agic-1.9.8';
import { AWS_LOAD_BALANCER_CONTROLLER_3_5_0 } from '../../src/controllers/facts/aws-load-balancer-controller-3.5.0';
import { policyRules, SelfHostedControllerFacts } from '../../src/controllers/facts/controller-facts';
import { TRAEFIK_3_7_11_GATEWAY_API } from '../../src/controllers/facts/gateway-api-traefik-3.7.11';
import { GKE_INGRESS } from '../../src/controllers/facts/gke-ingress';
import { HAPROXY_3_2_12 } from '../../src/controllers/facts/haproxy-3.2.12';
import { INGRESS_NGINX_1_15_1 } from '../../src/controllers/facts/ingress-nginx-1.15.1';
import { TRAEFIK_3_7_11 } from '../../src/controllers/facts/traefik-3.7.11';

const ELECTION_ID = 'edge-ingress-nginx-leader';

const PROFILES: Array<[string, () => IIngressController, SelfHostedControllerFacts]> = [
  ['haproxy', () => IngressController.haproxy(), HAPROXY_3_2_12],
  ['traefik', () => IngressController.traefik(), TRAEFIK_3_7_11],
  ['ingress-nginx', () => IngressController.nginx(), INGRESS_NGINX_1_15_1],
];

function objectsOf(controller: IIngressController): any[] {
  return synth(gatewayApp(controller).app);
}

describe.each(PROFILES)('%s against its facts record', (_name, controller, facts) => {
  it('grants every RBAC tuple of the record, and nothing beyond it', () => {
    // GIVEN a gateway with default options
    const objs = objectsOf(controller());
    // THEN the ClusterRole and Role are exactly the record's needs
    expect(tuples(single(objs, 'ClusterRole').rules)).toStrictEqual(tuples(policyRules(facts.clusterRbac)));
    const roles = objs.filter((o) => o.kind === 'Role');
    const roleTuples = roles.length ? tuples(roles[0].rules) : [];
    expect(roleTuples).toStrictEqual(tuples(policyRules(facts.namespaceRbac, ELECTION_ID)));
  });

  it('runs as the image\'s UID and GID and keeps exactly the capabilities its binaries carry', () => {
    // GIVEN
    const security = controllerContainer(objectsOf(controller())).securityContext;
    const pod = single(objectsOf(controller()), 'Deployment').spec.template.spec.securityContext;
    // THEN
    expect(security.runAsUser ?? pod.runAsUser).toBe(facts.uid);
    expect(security.runAsGroup ?? pod.runAsGroup).toBe(facts.gid);
    expect(security.capabilities.drop).toStrictEqual(['ALL']);
    expect(security.capabilities.add ?? []).toStrictEqual(facts.capabilities);
  });

  it('declares every port the binary listens on, under the record\'s names', () => {
    // GIVEN
    const ports = controllerContainer(objectsOf(controller())).ports.map((p: any) => [p.name, p.containerPort]);
    // THEN
    expect(ports).toEqual(expect.arrayContaining(Object.entries(facts.ports).map(([name, p]) => [name, p.port])));
  });

  it('probes the paths the binary serves, on their ports', () => {
    // GIVEN
    const container = controllerContainer(objectsOf(controller()));
    // THEN
    for (const [probe, endpoint] of [['livenessProbe', facts.probes.liveness], ['readinessProbe', facts.probes.readiness]] as const) {
      expect(container[probe].httpGet).toMatchObject({ path: endpoint.path, port: facts.ports[endpoint.portName].port });
    }
  });

  it('passes only flags the pinned version has, in every configuration the profile offers', () => {
    // GIVEN a default gateway, a default-class one (which adds the "without class" flag), a public-web one and an edge one
    const hardened = controller().hardenForPublicWeb?.(PUBLIC_WEB_HARDENING).controller;
    const edge = controller().configureEdge?.(EDGE_SETTINGS).controller;
    const args = [
      ...controllerContainer(objectsOf(controller())).args,
      ...controllerContainer(synth(gatewayApp(controller(), { defaultClass: true }).app)).args,
      ...(hardened ? controllerContainer(objectsOf(hardened)).args : []),
      ...(edge ? controllerContainer(objectsOf(edge)).args : []),
    ];
    // THEN every --flag is one of the record's, by its full name (only an entry point or header name may vary)
    const flags = args.filter((a: string) => a.startsWith('--')).map((a: string) => a.split('=')[0]);
    const unknown = flags.filter((f: string) => !facts.flags.some((known) => flagPattern(known).test(f)));
    expect(unknown).toStrictEqual([]);
  });
});

/** A record's flag name as a pattern: `<entryPoint>` and `<header>` stand for one name segment. */
function flagPattern(known: string): RegExp {
  const escaped = known.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<entryPoint>|<header>/g, '[A-Za-z0-9_-]+');
  return new RegExp(`^${escaped}$`, 'i');
}

const PUBLIC_WEB_HARDENING: PublicWebHardening = {
  hstsMaxAge: Duration.days(365),
  hstsIncludeSubdomains: true,
  hstsPreload: false,
  maxRequestBodySize: Size.mebibytes(8),
  connectTimeout: Duration.seconds(5),
  readTimeout: Duration.seconds(60),
  sendTimeout: Duration.seconds(60),
};

const EDGE_SETTINGS: EdgeSettings = {
  clientAllowlist: ['10.0.0.0/8'],
  rateLimitPerSecond: 50,
  connectTimeout: Duration.seconds(5),
  readTimeout: Duration.seconds(30),
  trustedProxyCidrs: ['192.168.0.0/16'],
};

/** A kind's resource name (GatewayClass: gatewayclasses, BackendTLSPolicy: backendtlspolicies, Gateway: gateways). */
function pluralResource(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower.endsWith('s')) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** The objects of a Traefik deployed for a Gateway API gateway of class `edge`, as the gateway deploys it. */
function traefikGatewayApiObjects(props: TraefikProps = {}, routingApi = RoutingApi.GATEWAY_API): any[] {
  const app = Testing.app();
  IngressController.traefik(props).deploy(new Chart(app, 'ingress'), {
    className: 'edge', namespace: 'ingress-edge', defaultClass: false, replicas: 2, maxReplicas: 4, exposure: GatewayExposure.publicLoadBalancer(), routingApi,
  });
  return synth(app);
}

describe('traefik with the Gateway API against its facts records', () => {
  const GATEWAY = TRAEFIK_3_7_11_GATEWAY_API;

  it('grants the Ingress, Gateway and CRD providers\' records, and nothing beyond them', () => {
    // GIVEN a Gateway API Traefik with Middlewares (the default), and one without
    const withMiddlewares = single(traefikGatewayApiObjects(), 'ClusterRole').rules;
    const withoutMiddlewares = single(traefikGatewayApiObjects({ gatewayApiMiddlewares: false }), 'ClusterRole').rules;
    // THEN
    const allProviders = [...TRAEFIK_3_7_11.clusterRbac, ...GATEWAY.clusterRbac, ...GATEWAY.crdProviderRbac];
    expect(tuples(withMiddlewares)).toStrictEqual(tuples(policyRules(allProviders)));
    expect(tuples(withoutMiddlewares)).toStrictEqual(tuples(policyRules([...TRAEFIK_3_7_11.clusterRbac, ...GATEWAY.clusterRbac])));
  });

  it('grants list and watch on every Gateway API kind the provider waits for, so WaitForCacheSync can not block', () => {
    // GIVEN
    const rules = tuples(single(traefikGatewayApiObjects(), 'ClusterRole').rules);
    // THEN every kind the record says is always watched can be listed and watched
    for (const kind of GATEWAY.kinds.filter((k) => k.watched === 'always')) {
      const resource = pluralResource(kind.kind);
      expect(rules).toEqual(expect.arrayContaining([`gateway.networking.k8s.io|${resource}|list|`, `gateway.networking.k8s.io|${resource}|watch|`]));
    }
  });

  it('passes only flags of the pinned version\'s Ingress, Gateway and CRD providers, for both Gateway API modes', () => {
    // GIVEN
    const args = [
      ...controllerContainer(traefikGatewayApiObjects()).args,
      ...controllerContainer(traefikGatewayApiObjects({ redirectToHttps: true }, RoutingApi.INGRESS_AND_GATEWAY_API)).args,
    ];
    // THEN
    const known = [...TRAEFIK_3_7_11.flags, ...GATEWAY.flags.value, ...GATEWAY.crdProviderFlags.value];
    const flags = args.filter((a: string) => a.startsWith('--')).map((a: string) => a.split('=')[0]);
    expect(flags.filter((f: string) => !known.some((k) => flagPattern(k).test(f)))).toStrictEqual([]);
    // AND the record's Middleware filter needs the CRD provider, which is on
    expect(GATEWAY.middlewareFilter.value.needs).toMatch(/^--providers\.kubernetescrd/);
    expect(flags).toContain('--providers.kubernetescrd');
  });

  it('name an upstream file for every Gateway and CRD provider grant', () => {
    for (const need of [...GATEWAY.clusterRbac, ...GATEWAY.crdProviderRbac]) expect(need.why).toMatch(/\.go\b/);
  });
});

describe('facts records', () => {
  it('name an upstream file for every RBAC grant', () => {
    for (const [, , facts] of PROFILES) {
      for (const need of [...facts.clusterRbac, ...facts.namespaceRbac]) expect(need.why).toMatch(/\.(go|yaml)\b/);
    }
  });

  it('restrict the ingress-nginx Lease rule to the election ID', () => {
    // GIVEN the record's Lease grant
    const rules = policyRules(INGRESS_NGINX_1_15_1.namespaceRbac, ELECTION_ID).filter((r) => r.resourceNames);
    // THEN
    expect(rules).toStrictEqual([{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: [ELECTION_ID], verbs: ['get', 'update'] }]);
  });

  it('refuse to build a Lease rule without an election ID', () => {
    expect(() => policyRules(INGRESS_NGINX_1_15_1.namespaceRbac)).toThrow(/names the election Lease, and no election ID was given/);
  });
});

describe('cloud-managed profiles against the facts they rely on', () => {
  it('AGIC: the default gateway class and controller value are the ones AGIC 1.9.8 serves by default', () => {
    // GIVEN an AGIC gateway named as the installation default
    const objs = synth(gatewayApp(IngressController.azureApplicationGateway(), {}, AGIC_1_9_8.facts.className).app);
    // THEN
    const ingressClass = single(objs, 'IngressClass');
    expect(ingressClass.metadata.name).toBe(AGIC_1_9_8.facts.className);
    expect(ingressClass.spec.controller).toBe(AGIC_1_9_8.facts.controllerValue);
  });

  it('AWS ALB: the class overrides the controller\'s default target type (instance) with ip', () => {
    // GIVEN a default ALB gateway
    const objs = synth(gatewayApp(IngressController.awsAlb()).app);
    // THEN
    expect(single(objs, 'IngressClass').spec.controller).toBe(AWS_LOAD_BALANCER_CONTROLLER_3_5_0.facts.controllerValue);
    expect(single(objs, 'IngressClassParams').spec.targetType).toBe('ip');
  });

  it('GKE: routes carry the class annotation values ingress-gce selects by', () => {
    // GIVEN a GKE gateway
    const { gateway } = gatewayApp(IngressController.gke());
    // THEN
    expect(gateway.routeBinding?.classAnnotation).toBe(GKE_INGRESS.facts.externalClass);
  });
});
