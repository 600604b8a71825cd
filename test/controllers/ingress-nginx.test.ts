import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  BackendProtocol, INGRESS_NGINX_IMAGE, IngressClassGateway, IngressClassGatewayProps, IngressController,
  IngressNginxController, Route, RouteBackend,
} from '../../src';
import { ofKind, synthApp } from '../util/synth';

/** The rule engine prints the CG-CONTROLLER-003 warning to stderr on every synth; keep the test output readable. */
let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

function nginxApp(props: Partial<IngressClassGatewayProps> = {}): { app: App; chart: Chart; gateway: IngressClassGateway } {
  const app = Testing.app();
  const chart = new Chart(app, 'ingress');
  const gateway = new IngressClassGateway(chart, 'Gateway', { className: 'public-web', controller: IngressController.nginx(), ...props });
  return { app, chart, gateway };
}

function controllerContainer(objs: any[]): any {
  const [deployment] = ofKind(objs, 'Deployment');
  expect(deployment.spec.template.spec.containers).toHaveLength(1);
  return deployment.spec.template.spec.containers[0];
}

/** A PolicyRule list as a sorted list of "apiGroup|resource|verb|resourceName" tuples (resourceName '' when unrestricted). */
function tuples(rules: any[]): string[] {
  const out = new Set<string>();
  for (const rule of rules) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        for (const verb of rule.verbs ?? []) {
          const names: string[] = rule.resourceNames?.length ? rule.resourceNames : [''];
          for (const name of names) out.add(`${group}|${resource}|${verb}|${name}`);
        }
      }
    }
  }
  return [...out].sort();
}

function expand(groups: string[], resources: string[], verbs: string[], resourceNames: string[] = ['']): string[] {
  return groups.flatMap((g) => resources.flatMap((r) => verbs.flatMap((v) => resourceNames.map((n) => `${g}|${r}|${v}|${n}`))));
}

/** ingress-nginx controller-v1.15.1 ClusterRole (deploy/static/provider/cloud/deploy.yaml), without the admission webhook. */
const UPSTREAM_CLUSTER_RULES = [
  ...expand([''], ['configmaps', 'endpoints', 'nodes', 'pods', 'secrets', 'namespaces'], ['list', 'watch']),
  ...expand(['coordination.k8s.io'], ['leases'], ['list', 'watch']),
  ...expand([''], ['nodes'], ['get']),
  ...expand([''], ['services'], ['get', 'list', 'watch']),
  ...expand(['networking.k8s.io'], ['ingresses'], ['get', 'list', 'watch']),
  ...expand([''], ['events'], ['create', 'patch']),
  ...expand(['networking.k8s.io'], ['ingresses/status'], ['update']),
  ...expand(['networking.k8s.io'], ['ingressclasses'], ['get', 'list', 'watch']),
  ...expand(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch', 'get']),
].sort();

/** ingress-nginx controller-v1.15.1 Role, with the Lease name replaced by this gateway's election id. */
function upstreamNamespaceRules(electionId: string): string[] {
  return [
    ...expand([''], ['namespaces'], ['get']),
    ...expand([''], ['configmaps', 'pods', 'secrets', 'endpoints'], ['get', 'list', 'watch']),
    ...expand([''], ['services'], ['get', 'list', 'watch']),
    ...expand(['networking.k8s.io'], ['ingresses'], ['get', 'list', 'watch']),
    ...expand(['networking.k8s.io'], ['ingresses/status'], ['update']),
    ...expand(['networking.k8s.io'], ['ingressclasses'], ['get', 'list', 'watch']),
    ...expand(['coordination.k8s.io'], ['leases'], ['get', 'update'], [electionId]),
    ...expand(['coordination.k8s.io'], ['leases'], ['create']),
    ...expand([''], ['events'], ['create', 'patch']),
    ...expand(['discovery.k8s.io'], ['endpointslices'], ['list', 'watch', 'get']),
  ].sort();
}

describe('ingress-nginx controller arguments', () => {
  it('passes exactly the per-class flags for a non-default class', () => {
    // GIVEN a non-default gateway
    const { app } = nginxApp();
    // WHEN
    const container = controllerContainer(synthApp(app));
    // THEN
    expect(container.args).toStrictEqual([
      '/nginx-ingress-controller',
      '--publish-service=$(POD_NAMESPACE)/public-web-controller',
      '--election-id=public-web-ingress-nginx-leader',
      '--controller-class=k8s.io/ingress-nginx/public-web',
      '--ingress-class=public-web',
      '--configmap=$(POD_NAMESPACE)/public-web-controller',
      '--enable-metrics=true',
    ]);
    // AND POD_NAMESPACE, used by the flags, comes from the downward API
    expect(container.env).toContainEqual({ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } });
  });

  it('also watches Ingresses without a class only for the default class', () => {
    // GIVEN a default gateway
    const { app } = nginxApp({ defaultClass: true });
    // WHEN
    const container = controllerContainer(synthApp(app));
    // THEN
    expect(container.args).toStrictEqual([
      '/nginx-ingress-controller',
      '--publish-service=$(POD_NAMESPACE)/public-web-controller',
      '--election-id=public-web-ingress-nginx-leader',
      '--controller-class=k8s.io/ingress-nginx/public-web',
      '--ingress-class=public-web',
      '--configmap=$(POD_NAMESPACE)/public-web-controller',
      '--enable-metrics=true',
      '--watch-ingress-without-class=true',
    ]);
  });

  it('uses an election id that the Role names as its only updatable Lease', () => {
    // GIVEN
    const { app } = nginxApp();
    const profile = new IngressNginxController();
    // WHEN
    const objs = synthApp(app);
    // THEN
    const electionId = profile.electionId('public-web');
    expect(electionId).toBe('public-web-ingress-nginx-leader');
    expect(controllerContainer(objs).args).toContain(`--election-id=${electionId}`);
    const leaseRules = ofKind(objs, 'Role')[0].rules.filter((r: any) => r.resources.includes('leases') && r.verbs.includes('update'));
    expect(leaseRules).toStrictEqual([{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: [electionId], verbs: ['get', 'update'] }]);
  });
});

describe('two ingress-nginx gateways in one app', () => {
  it('never share a controller value, election id, ClusterRole or namespace', () => {
    // GIVEN two nginx gateways
    const app = Testing.app();
    const chart = new Chart(app, 'ingress');
    const a = new IngressClassGateway(chart, 'Public', { className: 'public-web', controller: IngressController.nginx(), defaultClass: true });
    const b = new IngressClassGateway(chart, 'Internal', { className: 'internal', controller: IngressController.nginx() });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect([a.controllerValue, b.controllerValue]).toStrictEqual(['k8s.io/ingress-nginx/public-web', 'k8s.io/ingress-nginx/internal']);
    expect(ofKind(objs, 'IngressClass').map((c) => [c.metadata.name, c.spec.controller])).toStrictEqual([
      ['public-web', 'k8s.io/ingress-nginx/public-web'],
      ['internal', 'k8s.io/ingress-nginx/internal'],
    ]);
    const deployments = ofKind(objs, 'Deployment');
    const flag = (d: any, name: string) => d.spec.template.spec.containers[0].args.find((x: string) => x.startsWith(`--${name}=`));
    expect(deployments.map((d) => flag(d, 'election-id'))).toStrictEqual([
      '--election-id=public-web-ingress-nginx-leader', '--election-id=internal-ingress-nginx-leader',
    ]);
    expect(deployments.map((d) => flag(d, 'controller-class'))).toStrictEqual([
      '--controller-class=k8s.io/ingress-nginx/public-web', '--controller-class=k8s.io/ingress-nginx/internal',
    ]);
    expect(ofKind(objs, 'ClusterRole').map((r) => r.metadata.name)).toStrictEqual(['public-web-ingress-controller', 'internal-ingress-controller']);
    expect(ofKind(objs, 'ClusterRoleBinding').map((r) => r.metadata.name)).toStrictEqual(['public-web-ingress-controller', 'internal-ingress-controller']);
    expect(ofKind(objs, 'Namespace').map((n) => n.metadata.name)).toStrictEqual(['ingress-public-web', 'ingress-internal']);
    expect(deployments.map((d) => d.metadata.namespace)).toStrictEqual(['ingress-public-web', 'ingress-internal']);
    // AND each Role names its own Lease
    expect(ofKind(objs, 'Role').map((r) => tuples(r.rules).filter((t) => t.endsWith('leader')))).toStrictEqual([
      ['coordination.k8s.io|leases|get|public-web-ingress-nginx-leader', 'coordination.k8s.io|leases|update|public-web-ingress-nginx-leader'],
      ['coordination.k8s.io|leases|get|internal-ingress-nginx-leader', 'coordination.k8s.io|leases|update|internal-ingress-nginx-leader'],
    ]);
  });
});

describe('ingress-nginx RBAC', () => {
  it('grants exactly the upstream v1.15.1 ClusterRole rules', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const [clusterRole] = ofKind(synthApp(app), 'ClusterRole');
    // THEN
    expect(tuples(clusterRole.rules)).toStrictEqual(UPSTREAM_CLUSTER_RULES);
  });

  it('grants exactly the upstream v1.15.1 Role rules, with this gateway\'s Lease', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const [role] = ofKind(synthApp(app), 'Role');
    // THEN
    expect(tuples(role.rules)).toStrictEqual(upstreamNamespaceRules('public-web-ingress-nginx-leader'));
  });

  it('grants no wildcard and nothing for an admission webhook', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    for (const role of [...ofKind(objs, 'ClusterRole'), ...ofKind(objs, 'Role')]) {
      for (const rule of role.rules) {
        expect(rule.verbs).not.toContain('*');
        expect(rule.resources).not.toContain('*');
        expect(rule.apiGroups).not.toContain('*');
        expect(rule.apiGroups).not.toContain('admissionregistration.k8s.io');
        expect(rule.resources).not.toContain('validatingwebhookconfigurations');
        expect(rule.resources).not.toContain('mutatingwebhookconfigurations');
        expect(rule).not.toHaveProperty('nonResourceURLs');
      }
    }
  });

  it('emits no admission webhook objects', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'ValidatingWebhookConfiguration')).toStrictEqual([]);
    expect(ofKind(objs, 'MutatingWebhookConfiguration')).toStrictEqual([]);
    expect(ofKind(objs, 'Job')).toStrictEqual([]);
    expect(objs.map((o) => o.metadata.name).filter((n: string) => n.includes('admission'))).toStrictEqual([]);
    expect(controllerContainer(objs).args.filter((a: string) => a.includes('validating-webhook'))).toStrictEqual([]);
  });
});

describe('ingress-nginx controller pod', () => {
  it('probes /healthz on 10254 and drains with /wait-shutdown', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const objs = synthApp(app);
    const container = controllerContainer(objs);
    // THEN
    const httpGet = { path: '/healthz', port: 10254, scheme: 'HTTP' };
    expect(container.livenessProbe).toStrictEqual({
      httpGet, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 5,
    });
    expect(container.readinessProbe).toStrictEqual({
      httpGet, initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3,
    });
    expect(container.lifecycle).toStrictEqual({ preStop: { exec: { command: ['/wait-shutdown'] } } });
    expect(ofKind(objs, 'Deployment')[0].spec.template.spec.terminationGracePeriodSeconds).toBe(300);
    expect(container.ports).toStrictEqual([
      { name: 'http', containerPort: 80, protocol: 'TCP' },
      { name: 'https', containerPort: 443, protocol: 'TCP' },
      { name: 'metrics', containerPort: 10254, protocol: 'TCP' },
    ]);
  });

  it('runs non-root, without privilege escalation, with only NET_BIND_SERVICE and RuntimeDefault seccomp', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const objs = synthApp(app);
    const podSpec = ofKind(objs, 'Deployment')[0].spec.template.spec;
    const container = controllerContainer(objs);
    // THEN
    expect(podSpec.securityContext).toStrictEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext.privileged).toBeUndefined();
    expect(podSpec.hostNetwork).toBeUndefined();
  });

  it('pins the image by tag and digest', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const { image } = controllerContainer(synthApp(app));
    // THEN
    expect(image).toBe(INGRESS_NGINX_IMAGE);
    expect(image).toMatch(/^registry\.k8s\.io\/ingress-nginx\/controller:v1\.15\.1@sha256:[0-9a-f]{64}$/);
    expect(image).not.toMatch(/:latest\b/);
  });

  it('requests and limits CPU and memory by default', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const { resources } = controllerContainer(synthApp(app));
    // THEN
    expect(resources).toStrictEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '1000m', memory: '512Mi' },
    });
  });

  it('applies the gateway resources override', () => {
    // GIVEN resources on the gateway
    const { app } = nginxApp({
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(2000) },
        memory: { request: Size.mebibytes(256), limit: Size.gibibytes(1) },
      },
    });
    // WHEN
    const { resources } = controllerContainer(synthApp(app));
    // THEN
    expect(resources).toStrictEqual({
      requests: { cpu: '250m', memory: '256Mi' },
      limits: { cpu: '2000m', memory: '1024Mi' },
    });
  });

  it('spreads replicas across zones and nodes', () => {
    // GIVEN
    const { app } = nginxApp();
    // WHEN
    const podSpec = ofKind(synthApp(app), 'Deployment')[0].spec.template.spec;
    // THEN
    const selector = { matchLabels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'public-web', 'app.kubernetes.io/name': 'ingress-nginx' } };
    expect(podSpec.topologySpreadConstraints).toStrictEqual([
      { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
      { maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
    ]);
    expect(podSpec.affinity).toStrictEqual({
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: selector } }],
      },
    });
  });
});

describe('ingress-nginx route annotations', () => {
  const P = 'nginx.ingress.kubernetes.io/';
  const nginx = IngressController.nginx();

  it('maps no options to no annotations', () => {
    // THEN
    expect(nginx.translateRouteOptions({}).annotations).toStrictEqual({});
  });

  it('maps every route option to its ingress-nginx annotation', () => {
    // WHEN
    const annotations = nginx.translateRouteOptions({
      sslRedirect: false,
      maxRequestBodySize: Size.mebibytes(8),
      connectTimeout: Duration.seconds(5),
      readTimeout: Duration.minutes(2),
      sendTimeout: Duration.seconds(90),
      allowedSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
      rateLimitPerSecond: 20,
      backendProtocol: BackendProtocol.HTTPS,
    }).annotations;
    // THEN
    expect(annotations).toStrictEqual({
      [`${P}ssl-redirect`]: 'false',
      [`${P}proxy-body-size`]: '8m',
      [`${P}proxy-connect-timeout`]: '5',
      [`${P}proxy-read-timeout`]: '120',
      [`${P}proxy-send-timeout`]: '90',
      [`${P}whitelist-source-range`]: '10.0.0.0/8,192.168.0.0/16',
      [`${P}limit-rps`]: '20',
      [`${P}backend-protocol`]: 'HTTPS',
    });
  });

  it('writes body sizes in mebibytes', () => {
    // THEN
    expect(nginx.translateRouteOptions({ maxRequestBodySize: Size.gibibytes(1) }).annotations).toStrictEqual({ [`${P}proxy-body-size`]: '1024m' });
  });

  it('maps sslRedirect true and each non-HTTP backend protocol', () => {
    // THEN
    expect(nginx.translateRouteOptions({ sslRedirect: true }).annotations).toStrictEqual({ [`${P}ssl-redirect`]: 'true' });
    expect(nginx.translateRouteOptions({ backendProtocol: BackendProtocol.GRPC }).annotations).toStrictEqual({ [`${P}backend-protocol`]: 'GRPC' });
    expect(nginx.translateRouteOptions({ backendProtocol: BackendProtocol.GRPCS }).annotations).toStrictEqual({ [`${P}backend-protocol`]: 'GRPCS' });
  });

  it('leaves out the defaults: HTTP backend protocol and an empty source range list', () => {
    // THEN
    expect(nginx.translateRouteOptions({ backendProtocol: BackendProtocol.HTTP, allowedSourceRanges: [] }).annotations).toStrictEqual({});
  });

  it('annotates the Ingress of a route served by an nginx gateway', () => {
    // GIVEN a route with options on an nginx gateway
    const { app, gateway } = nginxApp();
    const web = new Chart(app, 'web', { namespace: 'web' });
    const route = new Route(web, 'Route', {
      gateway,
      host: 'www.example.com',
      backend: RouteBackend.fromServiceName('web', { port: 80 }),
      options: { maxRequestBodySize: Size.mebibytes(16), readTimeout: Duration.seconds(30), backendProtocol: BackendProtocol.GRPC },
    });
    // WHEN
    const [ingress] = ofKind(synthApp(app), 'Ingress');
    // THEN
    expect(ingress.metadata.name).toBe(route.ingress.name);
    expect(ingress.metadata.annotations).toStrictEqual({
      [`${P}proxy-body-size`]: '16m',
      [`${P}proxy-read-timeout`]: '30',
      [`${P}backend-protocol`]: 'GRPC',
    });
  });
});
