/**
 * Traefik's Gateway API support: the Gateway and CRD providers next to the Ingress provider, their RBAC, what the
 * profile reports to the Gateway API renderer, and route options as Middlewares referenced by ExtensionRef filters.
 * Flags and grants are checked against the facts records in controller-facts.test.ts; here the behaviour.
 */
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import { controllerContainer, quietStderr, single, synth, tuples } from './controller-test-utils';
import { BackendProtocol, ControllerDeployment, GatewayExposure, IGatewayApiImplementation, IngressController, RoutingApi, TraefikProps } from '../../src';
import { TraefikController } from '../../src/controllers/traefik';
import { assertValidManifests, validateObject } from '../schema-validator';
import { findingsOf, lintObjects } from '../util/manifests';

quietStderr();

const ROUTE = { kind: 'HTTPRoute' as const, name: 'shop', namespace: 'web' };

/** A Traefik of class `edge` in namespace `ingress-edge`, deployed by the profile as a gateway does. */
interface DeployedTraefik {
  readonly app: App;
  readonly controller: TraefikController;
  readonly deployment: ControllerDeployment;
  /** The profile's Gateway API implementation (always set on Traefik). */
  readonly gatewayApi: IGatewayApiImplementation;
}

function deployTraefik(routingApi?: RoutingApi, props: TraefikProps = {}): DeployedTraefik {
  const app = Testing.app();
  const chart = new Chart(app, 'ingress');
  const controller = IngressController.traefik(props) as TraefikController;
  const deployment = controller.deploy(chart, {
    className: 'edge',
    namespace: 'ingress-edge',
    defaultClass: false,
    replicas: 2,
    maxReplicas: 4,
    exposure: GatewayExposure.publicLoadBalancer(),
    routingApi,
  });
  return { app, controller, deployment, gatewayApi: controller.gatewayApi! };
}

/** A translated route object as the manifest the renderer would emit (in the route's namespace). */
function manifestOf(o: { apiVersion: string; kind: string; name: string; spec: any }): any {
  return { apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.name, namespace: ROUTE.namespace }, spec: o.spec };
}

/** An HTTPRoute of one rule carrying the given filters, to check the filters against the HTTPRoute schema and CEL rules. */
function httpRouteWith(filters: any[]): any {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: ROUTE.name, namespace: ROUTE.namespace },
    spec: {
      parentRefs: [{ name: 'edge', namespace: 'ingress-edge' }],
      hostnames: ['shop.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], filters, backendRefs: [{ name: 'shop', port: 80 }] }],
    },
  };
}

describe('Traefik providers per routing API', () => {
  it('turns on the Gateway provider next to the Ingress provider for GATEWAY_API, selecting only its own GatewayClasses', () => {
    // GIVEN a Traefik deployed for a Gateway API gateway
    const { app } = deployTraefik(RoutingApi.GATEWAY_API);
    // WHEN
    const args: string[] = controllerContainer(synth(app)).args;
    // THEN the Ingress provider stays on, the Gateway provider claims only classes labelled for instance "edge",
    // and reports the client Service's addresses as the Gateway's
    expect(args).toEqual(expect.arrayContaining([
      '--providers.kubernetesingress=true',
      '--providers.kubernetesingress.ingressclass=edge',
      '--providers.kubernetesgateway=true',
      '--providers.kubernetesgateway.labelselector=gateways.cdk8s.io/gateway-class=edge',
      '--providers.kubernetesgateway.statusaddress.service.name=edge-controller',
      '--providers.kubernetesgateway.statusaddress.service.namespace=ingress-edge',
      '--providers.kubernetescrd=true',
      '--providers.kubernetescrd.ingressclass=edge',
    ]));
    // AND no experimental channel (TCPRoute would then have to be installed) and no cross-namespace Middlewares
    expect(args.filter((a) => /experimentalchannel|allowCrossNamespace/i.test(a))).toStrictEqual([]);
  });

  it('turns on the same providers for INGRESS_AND_GATEWAY_API', () => {
    // GIVEN
    const { app } = deployTraefik(RoutingApi.INGRESS_AND_GATEWAY_API);
    // THEN
    const args: string[] = controllerContainer(synth(app)).args;
    expect(args).toContain('--providers.kubernetesgateway=true');
    expect(args).toContain('--providers.kubernetesingress=true');
  });

  it('keeps the Gateway and CRD providers off, with no Gateway API or Traefik grants, for the Ingress API', () => {
    // GIVEN a Traefik deployed for an Ingress gateway (the default)
    const objs = synth(deployTraefik().app);
    // THEN
    const args: string[] = controllerContainer(objs).args;
    expect(args.filter((a) => /kubernetesgateway|kubernetescrd/.test(a))).toStrictEqual([]);
    const groups = tuples(single(objs, 'ClusterRole').rules).map((t) => t.split('|')[0]);
    expect(groups).not.toContain('gateway.networking.k8s.io');
    expect(groups).not.toContain('traefik.io');
  });

  it('leaves the CRD provider and its grants out when Middlewares are turned off', () => {
    // GIVEN a Gateway API Traefik without Middlewares
    const objs = synth(deployTraefik(RoutingApi.GATEWAY_API, { gatewayApiMiddlewares: false }).app);
    // THEN
    expect(controllerContainer(objs).args.filter((a: string) => a.includes('kubernetescrd'))).toStrictEqual([]);
    const groups = tuples(single(objs, 'ClusterRole').rules).map((t) => t.split('|')[0]);
    expect(groups).not.toContain('traefik.io');
    expect(groups).toContain('gateway.networking.k8s.io');
  });

  it('grants the Gateway provider list/watch and status updates only: no get, create, patch or delete on Gateway API objects', () => {
    // GIVEN
    const rules = tuples(single(synth(deployTraefik(RoutingApi.GATEWAY_API).app), 'ClusterRole').rules);
    // THEN
    const gatewayApiVerbs = new Set(rules.filter((t) => t.startsWith('gateway.networking.k8s.io|')).map((t) => t.split('|')[2]));
    expect([...gatewayApiVerbs].sort()).toStrictEqual(['list', 'update', 'watch']);
    const updated = rules.filter((t) => t.startsWith('gateway.networking.k8s.io|') && t.split('|')[2] === 'update').map((t) => t.split('|')[1]);
    expect(updated.every((r) => r.endsWith('/status'))).toBe(true);
    const traefikVerbs = new Set(rules.filter((t) => t.startsWith('traefik.io|')).map((t) => t.split('|')[2]));
    expect([...traefikVerbs].sort()).toStrictEqual(['list', 'watch']);
  });
});

describe('Traefik as a Gateway API implementation', () => {
  it('reports its controller name, its own pods, the entry point ports and no ListenerSet support', () => {
    // GIVEN a Gateway API Traefik
    const { app, gatewayApi, deployment } = deployTraefik(RoutingApi.GATEWAY_API);
    // WHEN the gateway asks the implementation
    const gw = gatewayApi.deploy(new Chart(app, 'gw'), {
      className: 'edge', namespace: 'ingress-edge', replicas: 2, maxReplicas: 4, exposure: GatewayExposure.publicLoadBalancer(),
    });
    // THEN
    expect(gw).toStrictEqual({
      controllerName: 'traefik.io/gateway-controller',
      emitsGatewayClass: true,
      gatewayClassLabels: { 'gateways.cdk8s.io/gateway-class': 'edge' },
      proxyNamespace: 'ingress-edge',
      proxyPodLabels: deployment.podLabels,
      httpListenerPort: 8000,
      httpsListenerPort: 8443,
      supportsListenerSets: false,
    });
    // AND the pod labels are the ones the Deployment selects, and it creates no object of its own
    const objs = synth(app);
    expect(single(objs, 'Deployment').spec.selector.matchLabels).toStrictEqual(gw.proxyPodLabels);
    expect(Testing.synth(app.charts.find((c) => c.node.id === 'gw')!)).toStrictEqual([]);
  });

  it('gives a GatewayClass and listeners its own Traefik serves: CG-GWAPI-035 and CG-GWAPI-037 find nothing, and flag Service ports', () => {
    // GIVEN the profile's Traefik, and a GatewayClass and Gateway written from what the implementation reported
    const { app, gatewayApi } = deployTraefik(RoutingApi.GATEWAY_API);
    const gw = gatewayApi.deploy(new Chart(app, 'gw'), {
      className: 'edge', namespace: 'ingress-edge', replicas: 2, maxReplicas: 4, exposure: GatewayExposure.publicLoadBalancer(),
    });
    const gatewayClass = {
      apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'edge', labels: gw.gatewayClassLabels }, spec: { controllerName: gw.controllerName },
    };
    const gatewayOn = (httpPort: number) => ({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'edge', namespace: 'ingress-edge' },
      spec: { gatewayClassName: 'edge', listeners: [{ name: 'http', port: httpPort, protocol: 'HTTP', hostname: 'shop.example.com' }] },
    });
    const objs = synth(app);
    // WHEN linted with listeners on the reported port, and on the Service port 80
    const onEntryPoint = lintObjects([...objs, gatewayClass, gatewayOn(gw.httpListenerPort)]);
    const onServicePort = lintObjects([...objs, gatewayClass, gatewayOn(80)]);
    // THEN
    expect([...findingsOf(onEntryPoint, 'CG-GWAPI-035'), ...findingsOf(onEntryPoint, 'CG-GWAPI-037')]).toStrictEqual([]);
    expect(findingsOf(onServicePort, 'CG-GWAPI-035').map((f) => f.field)).toStrictEqual(['spec.listeners[0].port']);
    // AND a class without the labels is selected by no Traefik
    const unlabelled = lintObjects([...objs, { ...gatewayClass, metadata: { name: 'edge' } }, gatewayOn(gw.httpListenerPort)]);
    expect(findingsOf(unlabelled, 'CG-GWAPI-037').map((f) => f.name)).toStrictEqual(['edge']);
  });

  it('rejects a gateway whose Traefik was not deployed for the Gateway API', () => {
    // GIVEN a Traefik deployed for Ingress only
    const { app, gatewayApi } = deployTraefik(RoutingApi.INGRESS);
    // WHEN / THEN
    expect(() => gatewayApi.deploy(new Chart(app, 'gw'), {
      className: 'edge', namespace: 'ingress-edge', replicas: 2, maxReplicas: 4, exposure: GatewayExposure.publicLoadBalancer(),
    })).toThrow(/no Traefik deployment for class "edge" in namespace "ingress-edge"/);
  });
});

describe('Traefik route options on the Gateway API', () => {
  it('turns a source allowlist into an ipAllowList Middleware referenced by an ExtensionRef filter', () => {
    // GIVEN
    const { gatewayApi } = deployTraefik(RoutingApi.GATEWAY_API);
    // WHEN
    const t = gatewayApi.translateRouteOptions({ allowedSourceRanges: ['10.0.0.0/8', '192.168.1.0/24'] }, ROUTE);
    // THEN
    expect(t.unsupported).toStrictEqual([]);
    expect(t.objects).toStrictEqual([{
      apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', name: 'shop-allowlist', spec: { ipAllowList: { sourceRange: ['10.0.0.0/8', '192.168.1.0/24'] } },
    }]);
    expect(t.filters).toStrictEqual([{ type: 'ExtensionRef', extensionRef: { group: 'traefik.io', kind: 'Middleware', name: 'shop-allowlist' } }]);
    assertValidManifests([...t.objects.map(manifestOf), httpRouteWith(t.filters)]);
  });

  it('turns a per-client rate limit into a rateLimit Middleware keyed by the connection address', () => {
    // GIVEN
    const { gatewayApi } = deployTraefik(RoutingApi.GATEWAY_API);
    // WHEN
    const t = gatewayApi.translateRouteOptions({ rateLimitPerSecond: 20 }, ROUTE);
    // THEN
    expect(t.objects.map((o) => [o.name, o.spec])).toStrictEqual([
      ['shop-rate-limit', { rateLimit: { average: 20, period: '1s', burst: 20, sourceCriterion: { ipStrategy: {} } } }],
    ]);
    expect(t.filters.map((f) => f.extensionRef.name)).toStrictEqual(['shop-rate-limit']);
    assertValidManifests([...t.objects.map(manifestOf), httpRouteWith(t.filters)]);
  });

  it('keeps Middleware names within 253 characters for the longest route names, distinct per route', () => {
    // GIVEN two routes with 253-character names that differ only at the end
    const { gatewayApi } = deployTraefik(RoutingApi.GATEWAY_API);
    const long = `${'a'.repeat(61)}.`.repeat(4).slice(0, 250);
    const names = [`${long}-x1`, `${long}-x2`].map((name) => gatewayApi.translateRouteOptions({ rateLimitPerSecond: 1 }, { ...ROUTE, name }).objects[0].name);
    // THEN each is a valid object name, and they differ
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(253);
      expect(validateObject(manifestOf({ apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', name, spec: {} }))).toStrictEqual([]);
    }
    expect(new Set(names).size).toBe(2);
  });

  it('reports the body size, the timeouts and client certificates as unsupported, never dropping them', () => {
    // GIVEN options Traefik's Gateway provider can not apply per route
    const { gatewayApi } = deployTraefik(RoutingApi.GATEWAY_API);
    // WHEN
    const t = gatewayApi.translateRouteOptions({
      maxRequestBodySize: Size.mebibytes(8),
      connectTimeout: Duration.seconds(5),
      readTimeout: Duration.seconds(30),
      sendTimeout: Duration.seconds(30),
      clientCertificate: { caSecretName: 'ca', caSecretNamespace: 'web' },
    }, ROUTE);
    // THEN each is named, and no filter, object or timeout is produced
    expect(t.unsupported.sort()).toStrictEqual(['clientCertificate', 'connectTimeout', 'maxRequestBodySize', 'readTimeout', 'sendTimeout']);
    expect(t.filters).toStrictEqual([]);
    expect(t.objects).toStrictEqual([]);
    expect(t.timeouts).toBeUndefined();
  });

  it('accepts an HTTPS redirect only when the entry point redirects, and any backend protocol', () => {
    // GIVEN a Traefik that does not redirect, and one that does
    const plain = deployTraefik(RoutingApi.GATEWAY_API).gatewayApi;
    const redirecting = deployTraefik(RoutingApi.GATEWAY_API, { redirectToHttps: true }).gatewayApi;
    // THEN
    expect(plain.translateRouteOptions({ sslRedirect: true }, ROUTE).unsupported).toStrictEqual(['sslRedirect']);
    expect(redirecting.translateRouteOptions({ sslRedirect: true }, ROUTE).unsupported).toStrictEqual([]);
    expect(plain.translateRouteOptions({ backendProtocol: BackendProtocol.GRPCS }, { ...ROUTE, kind: 'GRPCRoute' }).unsupported).toStrictEqual([]);
  });

  it('reports allowlists and rate limits as unsupported when Middlewares are turned off', () => {
    // GIVEN
    const { gatewayApi } = deployTraefik(RoutingApi.GATEWAY_API, { gatewayApiMiddlewares: false });
    // WHEN
    const t = gatewayApi.translateRouteOptions({ allowedSourceRanges: ['10.0.0.0/8'], rateLimitPerSecond: 5 }, ROUTE);
    // THEN
    expect(t.unsupported).toStrictEqual(['allowedSourceRanges', 'rateLimitPerSecond']);
    expect(t.objects).toStrictEqual([]);
  });

  it('keeps the schema check honest: a Middleware with an unknown spec field is rejected', () => {
    // GIVEN a Middleware the CRD schema does not allow
    const bad = manifestOf({ apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', name: 'bad', spec: { ipAllowList: { sourceRange: 'not-a-list' } } });
    // THEN
    expect(validateObject(bad)).not.toStrictEqual([]);
  });
});
