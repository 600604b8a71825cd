import { Chart, Duration, Size } from 'cdk8s';
import { controllerContainer, expand, gatewayApp, ofKind, quietStderr, single, synth, tuples } from './controller-test-utils';
import {
  BackendProtocol, CloudProvider, GatewayExposure, IngressController, Route, RouteBackend, RouteOptions, RuleEngine, Suppressions,
  TRAEFIK_IMAGE,
} from '../../src';

quietStderr();

const BASE_ARGS = [
  '--global.checkNewVersion=false',
  '--global.sendAnonymousUsage=false',
  '--entryPoints.web.address=:8000/tcp',
  '--entryPoints.websecure.address=:8443/tcp',
  '--entryPoints.traefik.address=:8080/tcp',
  '--entryPoints.metrics.address=:9100/tcp',
  '--entryPoints.websecure.http.tls=true',
];
const PROVIDER_ARGS = [
  '--ping=true',
  '--metrics.prometheus=true',
  '--metrics.prometheus.entrypoint=metrics',
  '--metrics.prometheus.addRoutersLabels=true',
  '--metrics.prometheus.buckets=0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10',
  '--accesslog=true',
  '--accesslog.format=json',
  '--accesslog.fields.defaultmode=keep',
  '--accesslog.fields.headers.defaultmode=drop',
  '--accesslog.fields.headers.names.User-Agent=keep',
  '--accesslog.fields.headers.names.X-Request-Id=keep',
  '--providers.kubernetesingress=true',
  '--providers.kubernetesingress.ingressclass=edge',
  '--providers.kubernetesingress.ingressendpoint.publishedservice=ingress-edge/edge-controller',
  '--providers.kubernetesingress.allowEmptyServices=true',
];

/** A Traefik gateway of class `edge` plus one route in chart `web` (namespace `web`) with the given options. */
function routeApp(options: RouteOptions, redirectToHttps?: boolean) {
  const f = gatewayApp(IngressController.traefik({ redirectToHttps }));
  const web = new Chart(f.app, 'web', { namespace: 'web' });
  const route = new Route(web, 'Route', {
    gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }), tlsSecretName: 'www-tls', options,
  });
  RuleEngine.of(f.app).declareExternalTlsSecret('web', 'www-tls');
  return { ...f, web, route };
}

describe('Traefik controller binding', () => {
  it('claims its IngressClass with the fixed Traefik controller value and selects it by name', () => {
    // GIVEN a Traefik gateway of class "edge"
    const { app, gateway } = gatewayApp(IngressController.traefik());
    // WHEN
    const objs = synth(app);
    // THEN the class names Traefik's controller, and the provider watches exactly this class
    const ingressClass = single(objs, 'IngressClass');
    expect(ingressClass.metadata.name).toBe('edge');
    expect(ingressClass.spec).toStrictEqual({ controller: 'traefik.io/ingress-controller' });
    expect(gateway.controllerValue).toBe('traefik.io/ingress-controller');
    expect(controllerContainer(objs).args).toContain('--providers.kubernetesingress.ingressclass=edge');
  });

  it('passes exactly the entry point, ping, metrics and provider flags', () => {
    // GIVEN the raw profile (no redirect)
    const { app } = gatewayApp(IngressController.traefik());
    // WHEN
    const container = controllerContainer(synth(app));
    // THEN
    expect(container.args).toStrictEqual([...BASE_ARGS, ...PROVIDER_ARGS]);
    expect(container.image).toBe(TRAEFIK_IMAGE);
    expect(TRAEFIK_IMAGE).toBe('docker.io/traefik:v3.7.11@sha256:5203c3f39ca70de6790d964624e042463ffbd57715bc82be155cf224c0dd5144');
  });

  it('keeps the route of a backend without ready endpoints (allowEmptyServices), so clients get 503 and not 404', () => {
    // GIVEN a Traefik gateway
    const container = controllerContainer(synth(gatewayApp(IngressController.traefik()).app));
    // THEN
    expect(container.args).toContain('--providers.kubernetesingress.allowEmptyServices=true');
  });

  it('redirects HTTP to the published HTTPS port when redirectToHttps is set', () => {
    // GIVEN redirectToHttps
    const { app } = gatewayApp(IngressController.traefik({ redirectToHttps: true }));
    // WHEN
    const container = controllerContainer(synth(app));
    // THEN the redirect targets :443 (the Service port), not the websecure entry point's own :8443
    expect(container.args).toStrictEqual([
      ...BASE_ARGS,
      '--entryPoints.web.http.redirections.entryPoint.to=:443',
      '--entryPoints.web.http.redirections.entryPoint.scheme=https',
      '--entryPoints.web.http.redirections.entryPoint.permanent=true',
      ...PROVIDER_ARGS,
    ]);
  });

  it('publishes web and websecure on 80 and 443, and metrics on their own Service', () => {
    // GIVEN a Traefik gateway
    const { app } = gatewayApp(IngressController.traefik());
    // WHEN
    const objs = synth(app);
    // THEN
    const services = ofKind(objs, 'Service');
    const client = services.find((s) => s.metadata.name === 'edge-controller');
    const metrics = services.find((s) => s.metadata.name === 'edge-controller-metrics');
    expect(client.spec.ports).toStrictEqual([
      { name: 'web', port: 80, targetPort: 'web', protocol: 'TCP', appProtocol: 'http' },
      { name: 'websecure', port: 443, targetPort: 'websecure', protocol: 'TCP', appProtocol: 'https' },
    ]);
    expect(metrics.spec.ports).toStrictEqual([{ name: 'metrics', port: 9100, targetPort: 'metrics', protocol: 'TCP' }]);
    expect(controllerContainer(objs).ports).toStrictEqual([
      { name: 'web', containerPort: 8000, protocol: 'TCP' },
      { name: 'websecure', containerPort: 8443, protocol: 'TCP' },
      { name: 'traefik', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9100, protocol: 'TCP' },
    ]);
  });
});

describe('Traefik RBAC', () => {
  it('grants the Ingress provider exactly its reads and the status update, cluster-wide, with no Role', () => {
    // GIVEN a Traefik gateway
    const { app } = gatewayApp(IngressController.traefik());
    // WHEN
    const objs = synth(app);
    // THEN the ClusterRole, compared as a set
    const role = single(objs, 'ClusterRole');
    expect(role.metadata.name).toBe('edge-ingress-controller');
    expect(tuples(role.rules)).toStrictEqual([
      ...expand([''], ['services', 'secrets', 'nodes'], ['get', 'list', 'watch']),
      ...expand(['discovery.k8s.io'], ['endpointslices'], ['get', 'list', 'watch']),
      ...expand(['networking.k8s.io'], ['ingresses', 'ingressclasses'], ['get', 'list', 'watch']),
      ...expand(['networking.k8s.io'], ['ingresses/status'], ['update']),
    ].sort());
    const binding = single(objs, 'ClusterRoleBinding');
    expect(binding.roleRef).toStrictEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edge-ingress-controller' });
    expect(binding.subjects).toStrictEqual([{ kind: 'ServiceAccount', name: 'edge-controller', namespace: 'ingress-edge' }]);
    expect(ofKind(objs, 'Role')).toEqual([]);
    expect(ofKind(objs, 'RoleBinding')).toEqual([]);
  });
});

describe('Traefik pod', () => {
  it('probes /ping on the traefik entry point', () => {
    // GIVEN a Traefik gateway
    const container = controllerContainer(synth(gatewayApp(IngressController.traefik()).app));
    // THEN readiness drops out after one failure, liveness after three
    const ping = { httpGet: { path: '/ping', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 2, periodSeconds: 10, timeoutSeconds: 2, successThreshold: 1 };
    expect(container.readinessProbe).toStrictEqual({ ...ping, failureThreshold: 1 });
    expect(container.livenessProbe).toStrictEqual({ ...ping, failureThreshold: 3 });
    expect(container.startupProbe).toBeUndefined();
  });

  it('runs as 65532 with no capabilities and a read-only root filesystem, writing only to emptyDir volumes', () => {
    // GIVEN a Traefik gateway
    const objs = synth(gatewayApp(IngressController.traefik()).app);
    const pod = single(objs, 'Deployment').spec.template.spec;
    const container = controllerContainer(objs);
    // THEN
    expect(pod.securityContext).toStrictEqual({ runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toStrictEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true });
    expect(pod.volumes).toStrictEqual([{ name: 'data', emptyDir: {} }, { name: 'tmp', emptyDir: {} }]);
    expect(container.volumeMounts).toStrictEqual([{ name: 'data', mountPath: '/data' }, { name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.terminationGracePeriodSeconds).toBe(60);
    expect(container.env.map((e: any) => e.name)).toStrictEqual(['POD_NAME', 'POD_NAMESPACE']);
  });

  it('keeps the internal exposure annotations on the client Service', () => {
    // GIVEN an internal AWS exposure
    const objs = synth(gatewayApp(IngressController.traefik(), { exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS) }).app);
    // THEN
    const client = ofKind(objs, 'Service').find((s) => s.metadata.name === 'edge-controller');
    expect(client.metadata.annotations).toStrictEqual(CloudProvider.AWS.internalLoadBalancerAnnotations);
    expect(client.spec.type).toBe('LoadBalancer');
  });
});

describe('Traefik route options', () => {
  it('serves an sslRedirect route on websecure only when the entry point redirects', () => {
    // GIVEN redirectToHttps and a route asking for the redirect
    const { app, route } = routeApp({ sslRedirect: true, backendProtocol: BackendProtocol.HTTP }, true);
    // WHEN
    synth(app);
    // THEN
    expect(route.ingress.toJson().metadata.annotations).toStrictEqual({
      'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure',
      'traefik.ingress.kubernetes.io/router.tls': 'true',
    });
  });

  it('accepts a route without options', () => {
    // GIVEN no options
    const { app, route } = routeApp({});
    // WHEN
    synth(app);
    // THEN
    expect(route.ingress.toJson().metadata.annotations).toBeUndefined();
    expect(route.ingress.toJson().spec.ingressClassName).toBe('edge');
  });

  it('reports options Traefik can only express with Middleware objects, naming each (CG-GATEWAY-003)', () => {
    // GIVEN a route with body size, rate limit, source ranges, timeouts and gRPC
    const { app } = routeApp({
      maxRequestBodySize: Size.mebibytes(8),
      rateLimitPerSecond: 10,
      allowedSourceRanges: ['10.0.0.0/8'],
      connectTimeout: Duration.seconds(5),
      readTimeout: Duration.seconds(30),
      sendTimeout: Duration.seconds(30),
      backendProtocol: BackendProtocol.GRPC,
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN one error on the route, listing every dropped option
    expect(errors.map((e) => [e.ruleId, e.constructPath])).toStrictEqual([['CG-GATEWAY-003', 'web/Route/Resource']]);
    expect(errors[0].message).toContain('class "edge"');
    for (const option of ['maxRequestBodySize', 'rateLimitPerSecond', 'allowedSourceRanges', 'connectTimeout', 'readTimeout', 'sendTimeout', 'backendProtocol']) {
      expect(errors[0].message).toContain(option);
    }
    expect(() => synth(app)).toThrow(/CG-GATEWAY-003/);
  });

  it('reports sslRedirect when it contradicts the entry point redirect, either way (CG-GATEWAY-003)', () => {
    // GIVEN sslRedirect true without redirectToHttps, and false with it
    const on = routeApp({ sslRedirect: true }, false);
    const off = routeApp({ sslRedirect: false }, true);
    // THEN
    for (const { app } of [on, off]) {
      const errors = RuleEngine.of(app).run().errors;
      expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-GATEWAY-003']);
      expect(errors[0].value).toBe(JSON.stringify('sslRedirect'));
    }
  });

  it('translates options in one answer: the annotations it writes and the options it can not apply', () => {
    // GIVEN a redirecting Traefik profile
    const traefik = IngressController.traefik({ redirectToHttps: true });
    // WHEN one route sets the redirect, a body size and a gRPC backend
    const translation = traefik.translateRouteOptions({
      sslRedirect: true, maxRequestBodySize: Size.mebibytes(8), backendProtocol: BackendProtocol.GRPC,
    });
    // THEN the redirect becomes annotations, and the two options Traefik needs Middleware/Service config for are named
    expect(translation).toStrictEqual({
      annotations: {
        'traefik.ingress.kubernetes.io/router.entrypoints': 'websecure',
        'traefik.ingress.kubernetes.io/router.tls': 'true',
      },
      unsupported: ['maxRequestBodySize', 'backendProtocol'],
    });
    // and a route without options translates to nothing
    expect(traefik.translateRouteOptions({})).toStrictEqual({ annotations: {}, unsupported: [] });
  });

  it('lets a suppression accept the gap, and keeps the record on the Ingress', () => {
    // GIVEN an unsupported option, suppressed with a reason
    const { app, route } = routeApp({ rateLimitPerSecond: 5 });
    Suppressions.of(route).add('CG-GATEWAY-003', 'rate limited by the CDN in front of this gateway');
    // WHEN
    synth(app);
    // THEN synth passes, and the manifest still says which option was not applied
    expect(route.ingress.toJson().metadata.annotations['gateways.cdk8s.io/unsupported-route-options']).toBe('rateLimitPerSecond');
    expect(RuleEngine.of(app).run().suppressed.map((f) => f.ruleId)).toStrictEqual(['CG-GATEWAY-003']);
  });
});
