import { Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { quietStderr } from './controller-test-utils';
import {
  BackendProtocol, CloudProvider, GatewayApiDeployOptions, GatewayApiRouteObject, GatewayApiRouteTarget, GatewayExposure,
  IngressController, RouteOptions, RoutingApi, RuleEngine,
} from '../../src';
import { ENVOY_GATEWAY_1_9_0 } from '../../src/controllers/facts/envoy-gateway-1.9.0';
import { assertValidManifests, validateObject } from '../schema-validator';
import { findingsOf, lintObjects } from '../util/manifests';
import { polarisDangerFindings } from '../util/polaris';
import { inputErrors } from '../util/synth';

quietStderr();

const FACTS = ENVOY_GATEWAY_1_9_0;
const FIELDS = FACTS.envoyProxyFields;
const UID = FACTS.dataPlane.uid.value;
const ROUTE: GatewayApiRouteTarget = { kind: 'HTTPRoute', name: 'shop', namespace: 'web' };

function deployOptions(overrides: Partial<GatewayApiDeployOptions> = {}): GatewayApiDeployOptions {
  return { className: 'edge', namespace: 'ingress-edge', replicas: 2, maxReplicas: 6, exposure: GatewayExposure.publicLoadBalancer(), ...overrides };
}

/** Deploys the Envoy Gateway implementation into a fresh chart; returns the deployment record and the synthesized objects. */
function deployEnvoy(overrides: Partial<GatewayApiDeployOptions> = {}, props = {}) {
  const app = Testing.app();
  const chart = new Chart(app, 'ingress');
  const deployment = IngressController.envoyGateway(props).gatewayApi!.deploy(chart, deployOptions(overrides));
  const objs = Testing.synth(chart);
  assertValidManifests(objs);
  return { app, chart, deployment, objs };
}

function envoyProxy(overrides: Partial<GatewayApiDeployOptions> = {}): any {
  const { objs } = deployEnvoy(overrides);
  expect(objs.map((o) => o.kind)).toStrictEqual(['EnvoyProxy']);
  return objs[0];
}

/** The value at a dotted field path of the facts record (`spec.provider...`). */
function at(obj: any, path: string): any {
  return path.split('.').reduce((node, key) => node?.[key], obj);
}

/** The policy objects as manifests in the route's namespace, as the renderer writes them. */
function manifests(objects: GatewayApiRouteObject[], namespace = ROUTE.namespace): any[] {
  return objects.map((o) => ({ apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.name, namespace }, spec: o.spec }));
}

function translate(options: RouteOptions, target: GatewayApiRouteTarget = ROUTE) {
  const translation = IngressController.envoyGateway().gatewayApi!.translateRouteOptions(options, target);
  assertValidManifests(manifests(translation.objects, target.namespace));
  return translation;
}

/**
 * The Deployment Envoy Gateway v1.9.0 makes from an EnvoyProxy (proxy/resource_provider.go, resource.go): the pod
 * settings and, for both the envoy and the shutdown-manager container, the container securityContext; envoy's resources.
 */
function proxyDeploymentFrom(proxy: any): any {
  const deployment = at(proxy, 'spec.provider.kubernetes.envoyDeployment');
  const labels = { 'app.kubernetes.io/name': 'envoy', 'gateway.envoyproxy.io/owning-gateway-name': 'edge' };
  const containerSecurityContext = at(proxy, FIELDS.containerSecurityContext.path);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'envoy-ingress-edge-edge', namespace: 'envoy-gateway-system', labels },
    spec: {
      replicas: at(proxy, FIELDS.autoscalerMinReplicas.path),
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          ...deployment.pod,
          containers: [
            {
              name: 'envoy',
              image: 'docker.io/envoyproxy/envoy:distroless-v1.39.0',
              securityContext: containerSecurityContext,
              resources: at(proxy, FIELDS.resources.path),
              ports: [{ name: 'metrics', containerPort: 19001 }],
            },
            {
              name: 'shutdown-manager',
              image: 'docker.io/envoyproxy/gateway:v1.9.0',
              securityContext: containerSecurityContext,
              resources: { requests: { cpu: '10m', memory: '32Mi' } },
            },
          ],
        },
      },
    },
  };
}

describe('Envoy Gateway profile', () => {
  it('deploys no workload, claims Envoy Gateway\'s controller name and reads no Ingress options', () => {
    // GIVEN the profile and a Gateway API gateway asking it to deploy
    const app = Testing.app();
    const chart = new Chart(app, 'ingress');
    const controller = IngressController.envoyGateway();
    // WHEN
    const deployment = controller.deploy(chart, {
      className: 'edge',
      namespace: 'ingress-edge',
      defaultClass: false,
      replicas: 2,
      maxReplicas: 4,
      exposure: GatewayExposure.publicLoadBalancer(),
      routingApi: RoutingApi.GATEWAY_API,
    });
    // THEN nothing is emitted, no pods or metrics are claimed, and every Ingress option is unsupported
    expect(Testing.synth(chart)).toStrictEqual([]);
    expect(deployment).toStrictEqual({ controllerValue: 'gateway.envoyproxy.io/gatewayclass-controller' });
    expect(controller.name).toBe('envoy-gateway');
    expect(controller.selfHosted).toBe(false);
    expect(inputErrors(app)).toStrictEqual([]);
    expect(controller.translateRouteOptions({ maxRequestBodySize: Size.mebibytes(1), allowedSourceRanges: ['10.0.0.0/8'], sslRedirect: true }))
      .toStrictEqual({ annotations: {}, unsupported: ['maxRequestBodySize', 'allowedSourceRanges', 'sslRedirect'] });
  });

  it('rejects an Ingress gateway (CG-INPUT-001), since Envoy Gateway reads no Ingress', () => {
    // GIVEN the profile deployed for the IngressClass API
    const app = Testing.app();
    const chart = new Chart(app, 'ingress');
    // WHEN
    IngressController.envoyGateway().deploy(chart, {
      className: 'edge', namespace: 'ingress-edge', defaultClass: false, replicas: 2, maxReplicas: 4, exposure: GatewayExposure.publicLoadBalancer(),
    });
    // THEN
    expect(inputErrors(app)).toStrictEqual([{
      constructPath: 'ingress', field: 'api', value: '"Ingress"', message: 'Envoy Gateway reads no Ingress; use api: RoutingApi.GATEWAY_API',
    }]);
  });
});

describe('Envoy Gateway EnvoyProxy', () => {
  it('names the EnvoyProxy in the GatewayClass parametersRef and reports the proxies\' namespace, labels and ports', () => {
    // GIVEN / WHEN
    const { deployment, objs } = deployEnvoy();
    // THEN
    expect(objs[0].metadata).toStrictEqual({ name: 'edge-proxy', namespace: 'ingress-edge', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-gateways' } });
    expect(objs[0].apiVersion).toBe('gateway.envoyproxy.io/v1alpha1');
    expect(deployment).toStrictEqual({
      controllerName: FACTS.controllerName.value,
      emitsGatewayClass: true,
      parametersRef: { group: 'gateway.envoyproxy.io', kind: 'EnvoyProxy', name: 'edge-proxy', namespace: 'ingress-edge' },
      proxyNamespace: 'envoy-gateway-system',
      proxyPodLabels: { 'gateway.envoyproxy.io/owning-gateway-name': 'edge', 'gateway.envoyproxy.io/owning-gateway-namespace': 'ingress-edge' },
      httpListenerPort: 80,
      httpsListenerPort: 443,
      supportsListenerSets: true,
    });
    // The proxy labels are the ones Envoy Gateway sets (facts), with the gateway's name and namespace filled in.
    const factLabels = FACTS.dataPlane.labels.value;
    for (const key of Object.keys(deployment.proxyPodLabels!)) expect(factLabels).toHaveProperty([key]);
  });

  it('puts the proxies in the configured controller namespace, or the Gateway\'s in gateway-namespace mode', () => {
    expect(deployEnvoy({}, { controllerNamespace: 'eg' }).deployment.proxyNamespace).toBe('eg');
    expect(deployEnvoy({}, { proxiesInGatewayNamespace: true, controllerNamespace: 'eg' }).deployment.proxyNamespace).toBe('ingress-edge');
  });

  it('autoscales from replicas to maxReplicas on CPU, with a PodDisruptionBudget and no fixed replica count', () => {
    // GIVEN replicas 3, maxReplicas 9
    const proxy = envoyProxy({ replicas: 3, maxReplicas: 9 });
    // THEN the fields sit at the paths the facts record
    expect(at(proxy, FIELDS.autoscalerMinReplicas.path)).toBe(3);
    expect(at(proxy, FIELDS.autoscalerMaxReplicas.path)).toBe(9);
    expect(at(proxy, FIELDS.autoscalerMetrics.path)).toStrictEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } },
    ]);
    expect(at(proxy, FIELDS.podDisruptionBudgetMaxUnavailable.path)).toBe(1);
    // and the rule that checks EnvoyProxies in lint finds nothing to report
    expect(findingsOf(lintObjects([proxy]), 'CG-GWAPI-030')).toStrictEqual([]);
    expect(at(proxy, FIELDS.podDisruptionBudget.path)).toBeUndefined();
    expect(at(proxy, FIELDS.replicas.path)).toBeUndefined();
  });

  it('rejects fewer than 2 proxy replicas in synth (CG-GWAPI-030 on the EnvoyProxy)', () => {
    // GIVEN replicas 1
    const { app } = deployEnvoy({ replicas: 1 });
    // WHEN the app's rules run
    const errors = RuleEngine.of(app).run().errors;
    // THEN the autoscaler minimum is reported, and nothing else
    expect(errors.map((f) => [f.ruleId, f.field, f.value])).toStrictEqual([['CG-GWAPI-030', 'spec.provider.kubernetes.envoyHpa.minReplicas', '1']]);
  });

  it('runs envoy and the shutdown-manager restricted, as the UID from the facts, without readOnlyRootFilesystem', () => {
    const proxy = envoyProxy();
    // THEN the container context (which Envoy Gateway applies to both containers) is the restricted one
    expect(FACTS.dataPlane.containerSecurityContextAppliesTo.value).toStrictEqual(['envoy', 'shutdown-manager']);
    expect(at(proxy, FIELDS.containerSecurityContext.path)).toStrictEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      runAsNonRoot: true,
      runAsUser: UID,
      runAsGroup: FACTS.dataPlane.gid.value,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(UID).toBe(65532);
    expect(at(proxy, FIELDS.podSecurityContext.path)).toStrictEqual({
      runAsNonRoot: true, runAsUser: UID, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('gives Envoy pods that pass Pod Security restricted (CG-POD-001) and have no Polaris danger finding', () => {
    // GIVEN the Deployment Envoy Gateway builds from the EnvoyProxy
    const deployment = proxyDeploymentFrom(envoyProxy());
    // WHEN
    const report = lintObjects([deployment]);
    // THEN
    expect(findingsOf(report, 'CG-POD-001')).toStrictEqual([]);
    expect(polarisDangerFindings([deployment])).toStrictEqual([]);
  });

  it('the restricted check fails on a proxy pod that may escalate privileges (the check can fail)', () => {
    // GIVEN the same Deployment with allowPrivilegeEscalation true on the shared container context
    const deployment = proxyDeploymentFrom(envoyProxy());
    for (const c of deployment.spec.template.spec.containers) c.securityContext = { ...c.securityContext, allowPrivilegeEscalation: true };
    // THEN
    expect(findingsOf(lintObjects([deployment]), 'CG-POD-001').length).toBeGreaterThan(0);
  });

  it('sets requests and limits on Envoy, hardened defaults or the gateway\'s', () => {
    expect(at(envoyProxy(), FIELDS.resources.path)).toStrictEqual({ requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '2000m', memory: '1024Mi' } });
    const custom = envoyProxy({
      resources: {
        cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.gibibytes(1), limit: Size.gibibytes(2) },
      },
    });
    expect(at(custom, FIELDS.resources.path)).toStrictEqual({ requests: { cpu: '500m', memory: '1024Mi' }, limits: { cpu: '1000m', memory: '2048Mi' } });
  });

  it('spreads the proxies across nodes and zones, selecting them by their owning-gateway labels', () => {
    const proxy = envoyProxy();
    const selector = { matchLabels: { 'gateway.envoyproxy.io/owning-gateway-name': 'edge', 'gateway.envoyproxy.io/owning-gateway-namespace': 'ingress-edge' } };
    expect(at(proxy, FIELDS.podAffinity.path)).toStrictEqual({
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: selector } }] },
    });
    expect(at(proxy, FIELDS.topologySpreadConstraints.path)).toStrictEqual([
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
      { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
    ]);
  });

  it('exposes a public load balancer with externalTrafficPolicy Local, its source ranges and class', () => {
    const proxy = envoyProxy({ exposure: GatewayExposure.publicLoadBalancer({ sourceRanges: ['203.0.113.0/24'], loadBalancerClass: 'service.k8s.aws/nlb' }) });
    expect(at(proxy, 'spec.provider.kubernetes.envoyService')).toStrictEqual({
      type: 'LoadBalancer', externalTrafficPolicy: 'Local', loadBalancerSourceRanges: ['203.0.113.0/24'], loadBalancerClass: 'service.k8s.aws/nlb',
    });
    expect(at(proxy, FIELDS.serviceAnnotations.path)).toBeUndefined();
  });

  it.each(CloudProvider.all().map((p) => [p.name, p] as const))('makes the load balancer internal on %s with the provider\'s annotations', (_name, provider) => {
    const proxy = envoyProxy({ exposure: GatewayExposure.internalLoadBalancer(provider) });
    expect(at(proxy, FIELDS.serviceAnnotations.path)).toStrictEqual(provider.internalLoadBalancerAnnotations);
    expect(Object.keys(provider.internalLoadBalancerAnnotations).length).toBeGreaterThan(0);
    expect(at(proxy, FIELDS.serviceType.path)).toBe('LoadBalancer');
  });

  it('gives a ClusterIP exposure a ClusterIP Service without load balancer fields (the CRD\'s CEL forbids them)', () => {
    const proxy = envoyProxy({ exposure: GatewayExposure.clusterIp() });
    expect(at(proxy, 'spec.provider.kubernetes.envoyService')).toStrictEqual({ type: 'ClusterIP' });
  });

  it('writes each hardening setting at the path the v1.9.0 facts record', () => {
    // GIVEN an EnvoyProxy with every setting in use
    const proxy = envoyProxy({ exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS, { sourceRanges: ['10.0.0.0/8'], loadBalancerClass: 'x/y' }) });
    // THEN each leaf setting written sits at a path the facts name
    const used = ['podSecurityContext', 'containerSecurityContext', 'resources', 'podDisruptionBudgetMaxUnavailable', 'podAffinity', 'topologySpreadConstraints',
      'loadBalancerSourceRanges', 'autoscalerMinReplicas', 'autoscalerMaxReplicas', 'autoscalerMetrics', 'serviceAnnotations', 'serviceType',
      'loadBalancerClass', 'externalTrafficPolicy'];
    for (const setting of used) expect([setting, at(proxy, FIELDS[setting].path)]).not.toStrictEqual([setting, undefined]);
  });
});

describe('Envoy Gateway route options', () => {
  it('limits the request body with a BackendTrafficPolicy requestBuffer targeting the route', () => {
    const t = translate({ maxRequestBodySize: Size.mebibytes(8) });
    expect(t.objects).toStrictEqual([{
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'BackendTrafficPolicy',
      name: 'shop-backend-traffic',
      spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'shop' }], requestBuffer: { limit: '8Mi' } },
    }]);
    expect(at(t.objects[0], FACTS.policies.backendTraffic.fields.bodySizeLimit.path)).toBe('8Mi');
    expect(translate({ maxRequestBodySize: Size.kibibytes(1536) }).objects[0].spec.requestBuffer).toStrictEqual({ limit: '1536Ki' });
    expect(t.unsupported).toStrictEqual([]);
    expect(t.filters).toStrictEqual([]);
  });

  it('reports a body size limit on a GRPCRoute as unsupported (buffering breaks gRPC streams)', () => {
    const t = translate({ maxRequestBodySize: Size.mebibytes(8) }, { kind: 'GRPCRoute', name: 'api', namespace: 'web' });
    expect(t.objects).toStrictEqual([]);
    expect(t.unsupported).toStrictEqual(['maxRequestBodySize']);
  });

  it('sets the connect timeout and the stream idle timeout from the read and send timeouts', () => {
    const t = translate({ connectTimeout: Duration.seconds(5), readTimeout: Duration.seconds(90), sendTimeout: Duration.seconds(90) });
    expect(t.objects[0].spec.timeout).toStrictEqual({ tcp: { connectTimeout: '5s' }, http: { streamIdleTimeout: '1m30s' } });
    expect(at(t.objects[0], FACTS.policies.backendTraffic.fields.connectTimeout.path)).toBe('5s');
    expect(at(t.objects[0], FACTS.policies.backendTraffic.fields.streamIdleTimeout.path)).toBe('1m30s');
    expect(t.unsupported).toStrictEqual([]);
    expect(translate({ sendTimeout: Duration.seconds(30) }).objects[0].spec.timeout).toStrictEqual({ http: { streamIdleTimeout: '30s' } });
  });

  it('reports a send timeout that differs from the read timeout as unsupported (one idle timeout bounds both)', () => {
    const t = translate({ readTimeout: Duration.seconds(60), sendTimeout: Duration.seconds(10) });
    expect(t.objects[0].spec.timeout).toStrictEqual({ http: { streamIdleTimeout: '1m' } });
    expect(t.unsupported).toStrictEqual(['sendTimeout']);
  });

  it('rate-limits each client address with a local rate limit and Distinct sourceCIDR selectors for IPv4 and IPv6', () => {
    const t = translate({ rateLimitPerSecond: 20 });
    const limit = { requests: 20, unit: 'Second' };
    expect(t.objects[0].spec.rateLimit).toStrictEqual({
      local: {
        rules: [
          { clientSelectors: [{ sourceCIDR: { type: 'Distinct', value: '0.0.0.0/0' } }], limit },
          { clientSelectors: [{ sourceCIDR: { type: 'Distinct', value: '::/0' } }], limit },
        ],
      },
    });
  });

  it('allows only the source ranges with a SecurityPolicy that denies everything else', () => {
    const t = translate({ allowedSourceRanges: ['10.0.0.0/8', '2001:db8::/32'] });
    expect(t.objects).toStrictEqual([{
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'SecurityPolicy',
      name: 'shop-source-allowlist',
      spec: {
        targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'shop' }],
        authorization: { defaultAction: 'Deny', rules: [{ name: 'allowed-sources', action: 'Allow', principal: { clientCIDRs: ['10.0.0.0/8', '2001:db8::/32'] } }] },
      },
    }]);
    expect(at(t.objects[0], FACTS.policies.security.fields.defaultAction.path)).toBe('Deny');
  });

  it('combines every option into one BackendTrafficPolicy and one SecurityPolicy, named after the route', () => {
    const t = translate({
      maxRequestBodySize: Size.mebibytes(2),
      connectTimeout: Duration.seconds(3),
      readTimeout: Duration.seconds(30),
      rateLimitPerSecond: 5,
      allowedSourceRanges: ['192.0.2.0/24'],
      sslRedirect: true,
      backendProtocol: BackendProtocol.HTTPS,
    }, { kind: 'HTTPRoute', name: 'api', namespace: 'team-a' });
    expect(t.objects.map((o) => `${o.kind}/${o.name}`)).toStrictEqual(['BackendTrafficPolicy/api-backend-traffic', 'SecurityPolicy/api-source-allowlist']);
    expect(Object.keys(t.objects[0].spec).sort()).toStrictEqual(['rateLimit', 'requestBuffer', 'targetRefs', 'timeout']);
    // sslRedirect and backendProtocol are rendered by the Gateway API renderer, not by policies
    expect(t.unsupported).toStrictEqual([]);
  });

  it('reports client certificates as unsupported: a ClientTrafficPolicy can not target a route', () => {
    const t = translate({ clientCertificate: { caSecretName: 'client-ca', caSecretNamespace: 'web' } });
    expect(t.objects).toStrictEqual([]);
    expect(t.unsupported).toStrictEqual(['clientCertificate']);
    // The CRD's CEL rules are why: a ClientTrafficPolicy on an HTTPRoute is refused, on a Gateway accepted.
    const policy = (kind: string) => ({
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'ClientTrafficPolicy',
      metadata: { name: 'mtls', namespace: 'web' },
      spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind, name: 'shop' }], tls: { clientValidation: { caCertificateRefs: [{ name: 'client-ca' }] } } },
    });
    expect(validateObject(policy('HTTPRoute'))).toStrictEqual([expect.stringContaining('this policy can only have a targetRefs[*].kind of Gateway or ListenerSet (CEL rule')]);
    expect(validateObject(policy('Gateway'))).toStrictEqual([]);
    expect(FACTS.policies.clientTraffic.targetKinds.value).toStrictEqual(['Gateway', 'ListenerSet']);
  });

  it('emits nothing for a route without options', () => {
    expect(translate({})).toStrictEqual({ filters: [], objects: [], unsupported: [] });
  });
});
