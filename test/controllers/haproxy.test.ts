import { Chart, Duration, Size } from 'cdk8s';
import { controllerContainer, expand, gatewayApp, ofKind, quietStderr, single, synth, tuples } from './controller-test-utils';
import {
  HAPROXY_JSON_ACCESS_LOG,
  BackendProtocol, HAPROXY_IMAGE, IngressController, Route, RouteBackend, RouteOptions, RuleEngine,
} from '../../src';

quietStderr();

function routeApp(options: RouteOptions) {
  const f = gatewayApp(IngressController.haproxy());
  const web = new Chart(f.app, 'web', { namespace: 'web' });
  const route = new Route(web, 'Route', { gateway: f.gateway, host: 'www.example.com', backend: RouteBackend.fromServiceName('web', { port: 80 }), options });
  return { ...f, route };
}

describe('HAProxy controller binding', () => {
  it('pairs the IngressClass controller value with --ingress.class', () => {
    // GIVEN an HAProxy gateway of class "edge"
    const { app, gateway } = gatewayApp(IngressController.haproxy());
    // WHEN
    const objs = synth(app);
    // THEN the value is haproxy.org/ingress-controller/<class>, and the flag names the same class
    expect(single(objs, 'IngressClass').spec).toStrictEqual({ controller: 'haproxy.org/ingress-controller/edge' });
    expect(gateway.controllerValue).toBe('haproxy.org/ingress-controller/edge');
    expect(controllerContainer(objs).args).toContain('--ingress.class=edge');
  });

  it('passes exactly the ConfigMap, publish-service, bind-port, class and metrics flags', () => {
    // GIVEN a non-default gateway
    const container = controllerContainer(synth(gatewayApp(IngressController.haproxy()).app));
    // THEN
    expect(container.args).toStrictEqual([
      '--configmap=ingress-edge/edge-controller',
      '--publish-service=ingress-edge/edge-controller',
      '--http-bind-port=8080',
      '--https-bind-port=8443',
      '--ingress.class=edge',
      '--prometheus',
    ]);
    expect(container.args.some((a: string) => a.startsWith('--default-ssl-certificate'))).toBe(false);
    expect(container.image).toBe(HAPROXY_IMAGE);
    expect(HAPROXY_IMAGE).toBe('docker.io/haproxytech/kubernetes-ingress:3.2.12');
  });

  it('also serves Ingresses without a class when it is the default class', () => {
    // GIVEN a default gateway
    const container = controllerContainer(synth(gatewayApp(IngressController.haproxy(), { defaultClass: true }).app));
    // THEN
    expect(container.args).toContain('--empty-ingress-class');
  });

  it('writes a ConfigMap that redirects to the published HTTPS port, with overrides', () => {
    // GIVEN an extra setting
    const objs = synth(gatewayApp(IngressController.haproxy({ config: { 'timeout-connect': '3s' } })).app);
    // THEN the ConfigMap is the one --configmap names
    const cm = single(objs.filter((o) => o.metadata.namespace === 'ingress-edge'), 'ConfigMap');
    expect(cm.metadata).toMatchObject({ name: 'edge-controller', namespace: 'ingress-edge' });
    // AND access logs go to stdout as JSON
    expect(cm.data).toStrictEqual({
      'ssl-redirect-port': '443',
      'timeout-connect': '3s',
      'syslog-server': 'address:stdout, format:raw, facility:daemon',
      'log-format': HAPROXY_JSON_ACCESS_LOG,
    });
  });

  it('publishes http and https on 80 and 443, and both metrics ports (proxy stats and the controller\'s own) on the metrics Service', () => {
    // GIVEN an HAProxy gateway
    const objs = synth(gatewayApp(IngressController.haproxy()).app);
    // THEN
    const services = ofKind(objs, 'Service');
    expect(services.find((s) => s.metadata.name === 'edge-controller').spec.ports).toStrictEqual([
      { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
      { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP', appProtocol: 'https' },
    ]);
    expect(services.find((s) => s.metadata.name === 'edge-controller-metrics').spec.ports).toStrictEqual([
      { name: 'stat', port: 1024, targetPort: 'stat', protocol: 'TCP' },
      { name: 'ctrl-metrics', port: 6060, targetPort: 'ctrl-metrics', protocol: 'TCP' },
    ]);
    expect(controllerContainer(objs).ports.map((p: any) => [p.name, p.containerPort]))
      .toStrictEqual([['http', 8080], ['https', 8443], ['healthz', 1042], ['stat', 1024], ['ctrl-metrics', 6060]]);
  });

  it('admits both metrics ports from the monitoring namespace', () => {
    // GIVEN an HAProxy gateway
    const objs = synth(gatewayApp(IngressController.haproxy()).app);
    // THEN the controller's own metrics (6060) are scrapeable like the proxy's (1024)
    const policy = single(objs, 'NetworkPolicy');
    const monitoring = policy.spec.ingress.find((r: any) => r.from?.some((p: any) => p.namespaceSelector));
    expect(monitoring.ports).toStrictEqual([{ protocol: 'TCP', port: 1024 }, { protocol: 'TCP', port: 6060 }]);
  });
});

describe('HAProxy RBAC', () => {
  it('grants what 3.2.12 lists, watches and writes: informers, the CRD watcher, the HAProxy custom resources and the status update', () => {
    // GIVEN an HAProxy gateway
    const objs = synth(gatewayApp(IngressController.haproxy()).app);
    // THEN the ClusterRole, compared as a set: no Secret writes, no nodes, no events, no apps, no CRD get or update
    expect(tuples(single(objs, 'ClusterRole').rules)).toStrictEqual([
      ...expand([''], ['endpoints', 'services', 'namespaces', 'secrets'], ['get', 'list', 'watch']),
      ...expand(['discovery.k8s.io'], ['endpointslices'], ['get', 'list', 'watch']),
      ...expand(['networking.k8s.io'], ['ingresses', 'ingressclasses'], ['get', 'list', 'watch']),
      ...expand(['networking.k8s.io'], ['ingresses/status'], ['update']),
      ...expand(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['list', 'watch']),
      ...expand(['ingress.v1.haproxy.org'], ['backends', 'defaults', 'globals', 'tcps'], ['get', 'list', 'watch']),
      ...expand(['ingress.v3.haproxy.org'], ['backends', 'defaults', 'frontends', 'globals', 'tcps'], ['get', 'list', 'watch']),
    ].sort());
    // The ConfigMap and pod watchers are namespace-filtered, so their grants live in the Role.
    const role = single(objs, 'Role');
    expect(role.metadata.namespace).toBe('ingress-edge');
    expect(tuples(role.rules)).toStrictEqual(expand([''], ['configmaps', 'pods'], ['get', 'list', 'watch']).sort());
    expect(single(objs, 'RoleBinding').subjects).toStrictEqual([{ kind: 'ServiceAccount', name: 'edge-controller', namespace: 'ingress-edge' }]);
  });

  it('keeps the CRD watch the controller waits for before its first sync (without it the pod never becomes Ready)', () => {
    // GIVEN an HAProxy gateway
    const clusterRole = single(synth(gatewayApp(IngressController.haproxy()).app), 'ClusterRole');
    // THEN
    expect(tuples(clusterRole.rules)).toEqual(expect.arrayContaining(expand(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['list', 'watch'])));
  });

  it('is never wider than upstream\'s ClusterRole', () => {
    // GIVEN upstream's rules (deploy/haproxy-ingress.yaml), as tuples; its '*' on the HAProxy groups expanded to their resources
    const haproxyResources = ['backends', 'defaults', 'frontends', 'globals', 'tcps', 'validationrules'];
    const upstream = new Set([
      ...expand([''], ['configmaps', 'endpoints', 'nodes', 'pods', 'services', 'namespaces', 'events', 'serviceaccounts'], ['get', 'list', 'watch']),
      ...expand(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'ingressclasses'], ['get', 'list', 'watch']),
      ...expand(['networking.k8s.io'], ['ingresses/status'], ['update']),
      ...expand([''], ['secrets'], ['get', 'list', 'watch', 'create', 'patch', 'update']),
      ...expand(['ingress.v1.haproxy.org', 'ingress.v3.haproxy.org'], haproxyResources, ['get', 'list', 'watch', 'update']),
      ...expand(['discovery.k8s.io'], ['endpointslices'], ['get', 'list', 'watch']),
      ...expand(['apiextensions.k8s.io'], ['customresourcedefinitions'], ['get', 'list', 'watch', 'update']),
      ...expand(['apps'], ['replicasets', 'deployments', 'daemonsets'], ['get', 'list']),
    ]);
    const objs = synth(gatewayApp(IngressController.haproxy()).app);
    // THEN every granted tuple is granted upstream
    const granted = [...tuples(single(objs, 'ClusterRole').rules), ...tuples(single(objs, 'Role').rules)];
    expect(granted.filter((t) => !upstream.has(t))).toStrictEqual([]);
  });
});

describe('HAProxy pod', () => {
  it('probes /healthz on 1042, with a startup probe for the first configuration', () => {
    // GIVEN an HAProxy gateway
    const container = controllerContainer(synth(gatewayApp(IngressController.haproxy()).app));
    // THEN
    const healthz = { httpGet: { path: '/healthz', port: 1042, scheme: 'HTTP' }, timeoutSeconds: 1, successThreshold: 1 };
    expect(container.livenessProbe).toStrictEqual({ ...healthz, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 });
    expect(container.readinessProbe).toStrictEqual({ ...healthz, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 });
    expect(container.startupProbe).toStrictEqual({ ...healthz, initialDelaySeconds: 0, periodSeconds: 5, failureThreshold: 30 });
  });

  it('runs as 1000 with every capability dropped but NET_BIND_SERVICE (haproxy_wrapper\'s file capability) and a writable root filesystem', () => {
    // GIVEN an HAProxy gateway
    const objs = synth(gatewayApp(IngressController.haproxy()).app);
    const pod = single(objs, 'Deployment').spec.template.spec;
    const container = controllerContainer(objs);
    // THEN
    expect(pod.securityContext).toStrictEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toStrictEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      allowPrivilegeEscalation: false,
      // Without it in the bounding set Linux refuses to exec haproxy_wrapper (file capability cap_net_bind_service=+ep).
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      readOnlyRootFilesystem: false,
    });
    expect(pod.terminationGracePeriodSeconds).toBe(60);
    expect(container.env).toStrictEqual([
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
    ]);
    expect(container.resources).toStrictEqual({ requests: { cpu: '250m', memory: '400Mi' }, limits: { cpu: '1000m', memory: '1024Mi' } });
  });
});

describe('HAProxy route options', () => {
  it('translates redirect, source ranges, rate limit, server timeout and backend protocol', () => {
    // GIVEN every option HAProxy can express per Ingress
    const { app, route } = routeApp({
      sslRedirect: true,
      allowedSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
      rateLimitPerSecond: 20,
      readTimeout: Duration.seconds(45),
      sendTimeout: Duration.seconds(45),
      backendProtocol: BackendProtocol.GRPCS,
    });
    // WHEN
    synth(app);
    // THEN
    expect(route.ingress.toJson().metadata.annotations).toStrictEqual({
      'haproxy.org/ssl-redirect': 'true',
      'haproxy.org/allow-list': '10.0.0.0/8,192.168.0.0/16',
      'haproxy.org/rate-limit-requests': '20',
      'haproxy.org/rate-limit-period': '1s',
      'haproxy.org/rate-limit-status-code': '429',
      'haproxy.org/timeout-server': '45s',
      'haproxy.org/server-ssl': 'true',
      'haproxy.org/server-proto': 'h2',
    });
  });

  it('reports body size, connect timeout, and a send timeout that differs from the read timeout (CG-GATEWAY-003)', () => {
    // GIVEN options HAProxy can not set per Ingress
    const { app } = routeApp({
      maxRequestBodySize: Size.mebibytes(4),
      connectTimeout: Duration.seconds(2),
      readTimeout: Duration.seconds(30),
      sendTimeout: Duration.seconds(10),
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((e) => e.ruleId)).toStrictEqual(['CG-GATEWAY-003']);
    expect(errors[0].value).toBe(JSON.stringify('maxRequestBodySize,connectTimeout,sendTimeout'));
  });
});
