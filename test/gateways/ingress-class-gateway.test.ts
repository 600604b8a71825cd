import { App, Chart, Testing } from 'cdk8s';
import {
  AnnotationsRiskLevel, CloudProvider, GatewayExposure, IngressClassGateway, IngressClassGatewayProps,
  IngressClassParametersScope, IngressController, RuleEngine, Severity,
} from '../../src';
import { InvalidInputError } from '../../src/core/input/input-error';
import { ofKind, synthApp } from '../util/synth';

/** The rule engine prints warnings (CG-CONTROLLER-003 on every nginx gateway) to stderr; keep the test output readable. */
let stderr: jest.SpyInstance;
beforeEach(() => {
  stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => stderr.mockRestore());

/** An app with one chart `ingress` holding one nginx gateway `Gateway` (class `public-web` unless overridden). */
function gatewayApp(props: Partial<IngressClassGatewayProps> = {}): { app: App; chart: Chart; gateway: IngressClassGateway } {
  const app = Testing.app();
  const chart = new Chart(app, 'ingress');
  const gateway = new IngressClassGateway(chart, 'Gateway', { className: 'public-web', controller: IngressController.nginx(), ...props });
  return { app, chart, gateway };
}

function controllerService(objs: any[]): any {
  return ofKind(objs, 'Service').find((s) => !s.metadata.name.endsWith('-metrics'));
}

const MANAGED_LABELS = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'public-web',
  'app.kubernetes.io/managed-by': 'cdk8s-gateways',
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/part-of': 'cdk8s-gateways',
  'app.kubernetes.io/version': 'v1.15.1',
  'gateways.cdk8s.io/ingress-class': 'public-web',
};
const SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'public-web',
  'app.kubernetes.io/name': 'ingress-nginx',
};

describe('IngressClassGateway object set', () => {
  it('emits exactly the objects of a complete nginx gateway', () => {
    // GIVEN a default nginx gateway with default props
    const { app } = gatewayApp({ defaultClass: true });
    // WHEN
    const objs = synthApp(app);
    // THEN one of each, two Services (client + metrics), and two ConfigMaps (controller + Grafana dashboard)
    expect(objs.map((o) => o.kind).sort()).toStrictEqual([
      'ClusterRole', 'ClusterRoleBinding', 'ConfigMap', 'ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'IngressClass',
      'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'PrometheusRule', 'Role', 'RoleBinding', 'Service', 'Service',
      'ServiceAccount', 'ServiceMonitor',
    ]);
    // AND every namespaced object lives in ingress-<class>, but the dashboard, which goes where Grafana runs
    const namespaced = objs.filter((o) => !['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass'].includes(o.kind));
    expect(new Set(namespaced.filter((o) => !o.metadata.labels?.grafana_dashboard).map((o) => o.metadata.namespace)))
      .toStrictEqual(new Set(['ingress-public-web']));
    expect(namespaced.filter((o) => o.metadata.labels?.grafana_dashboard).map((o) => o.metadata.namespace)).toStrictEqual(['monitoring']);
  });

  it('emits a Namespace with the Pod Security Admission restricted labels', () => {
    // GIVEN
    const { app } = gatewayApp();
    // WHEN
    const [ns] = ofKind(synthApp(app), 'Namespace');
    // THEN
    expect(ns).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'ingress-public-web',
        labels: {
          'app.kubernetes.io/managed-by': 'cdk8s-gateways',
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'v1.28',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
        },
      },
    });
  });

  it('emits a ServiceAccount that does not automount its token', () => {
    // GIVEN
    const { app } = gatewayApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'ServiceAccount')).toStrictEqual([{
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'public-web-controller', namespace: 'ingress-public-web', labels: MANAGED_LABELS },
      automountServiceAccountToken: false,
    }]);
    // AND the controller pod runs as that account
    expect(ofKind(objs, 'Deployment')[0].spec.template.spec.serviceAccountName).toBe('public-web-controller');
  });

  it('binds the ClusterRole and the Role to the controller ServiceAccount', () => {
    // GIVEN
    const { app } = gatewayApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    const subjects = [{ kind: 'ServiceAccount', name: 'public-web-controller', namespace: 'ingress-public-web' }];
    expect(ofKind(objs, 'ClusterRoleBinding')).toStrictEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'public-web-ingress-controller', labels: MANAGED_LABELS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'public-web-ingress-controller' },
      subjects,
    }]);
    expect(ofKind(objs, 'RoleBinding')).toStrictEqual([{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'public-web-controller', namespace: 'ingress-public-web', labels: MANAGED_LABELS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'public-web-controller' },
      subjects,
    }]);
    expect(ofKind(objs, 'ClusterRole').map((r) => r.metadata.name)).toStrictEqual(['public-web-ingress-controller']);
    expect(ofKind(objs, 'Role').map((r) => `${r.metadata.namespace}/${r.metadata.name}`)).toStrictEqual(['ingress-public-web/public-web-controller']);
  });

  it('emits a ConfigMap that forbids snippets and logs JSON', () => {
    // GIVEN
    const { app } = gatewayApp();
    // WHEN
    const [cm] = ofKind(synthApp(app), 'ConfigMap');
    // THEN
    expect(cm.metadata).toStrictEqual({
      name: 'public-web-controller',
      namespace: 'ingress-public-web',
      labels: MANAGED_LABELS,
      // server-tokens is no credential; Polaris' sensitiveConfigmapContent would flag it as danger.
      annotations: {
        'polaris.fairwinds.com/sensitiveConfigmapContent-exempt': 'true',
        'polaris.fairwinds.com/sensitiveConfigmapContent-exempt-reason': 'server-tokens hides the nginx version in the Server header; it holds no credential',
      },
    });
    expect(cm.data['allow-snippet-annotations']).toBe('false');
    expect(cm.data['annotations-risk-level']).toBe('High');
    expect(cm.data['log-format-escape-json']).toBe('true');
    const logFormat = JSON.parse(cm.data['log-format-upstream']);
    expect(logFormat).toMatchObject({ time: '$time_iso8601', status: '$status', host: '$host', request_id: '$req_id' });
    // AND the controller reads this ConfigMap
    expect(ofKind(synthApp(app), 'Deployment')[0].spec.template.spec.containers[0].args).toContain('--configmap=$(POD_NAMESPACE)/public-web-controller');
  });

  it('sets annotations-risk-level and extra config from the controller profile', () => {
    // GIVEN a Medium risk level and an extra setting
    const { app } = gatewayApp({ controller: IngressController.nginx({ annotationsRiskLevel: AnnotationsRiskLevel.MEDIUM, config: { 'use-gzip': 'true' } }) });
    // WHEN
    const [cm] = ofKind(synthApp(app), 'ConfigMap');
    // THEN
    expect(cm.data['annotations-risk-level']).toBe('Medium');
    expect(cm.data['use-gzip']).toBe('true');
    expect(cm.data['allow-snippet-annotations']).toBe('false');
  });

  it('emits a metrics Service on 10254 and a PodDisruptionBudget selecting the controller pods', () => {
    // GIVEN
    const { app } = gatewayApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    const metrics = ofKind(objs, 'Service').find((s) => s.metadata.name === 'public-web-controller-metrics');
    expect(metrics).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'public-web-controller-metrics', namespace: 'ingress-public-web', labels: MANAGED_LABELS },
      spec: {
        type: 'ClusterIP',
        selector: SELECTOR,
        ports: [{ name: 'metrics', port: 10254, targetPort: 'metrics', protocol: 'TCP' }],
      },
    });
    expect(ofKind(objs, 'PodDisruptionBudget')).toStrictEqual([{
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'public-web-controller', namespace: 'ingress-public-web', labels: MANAGED_LABELS },
      spec: { maxUnavailable: 1, selector: { matchLabels: SELECTOR } },
    }]);
    // AND the selectors match the Deployment's pods
    const deployment = ofKind(objs, 'Deployment')[0];
    expect(deployment.spec.selector.matchLabels).toStrictEqual(SELECTOR);
    expect(deployment.spec.template.metadata.labels).toMatchObject(SELECTOR);
  });

  it('emits a HorizontalPodAutoscaler with at least 2 replicas and leaves replicas to it', () => {
    // GIVEN default replicas
    const { app } = gatewayApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'HorizontalPodAutoscaler')).toStrictEqual([{
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'public-web-controller', namespace: 'ingress-public-web', labels: MANAGED_LABELS },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'public-web-controller' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 75 } } }],
      },
    }]);
    expect(ofKind(objs, 'Deployment')[0].spec.replicas).toBeUndefined();
  });
});

describe('IngressClassGateway IngressClass', () => {
  it('emits the IngressClass with the per-class controller value and no default annotation', () => {
    // GIVEN a non-default gateway
    const { app, gateway } = gatewayApp();
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'IngressClass')).toStrictEqual([{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'public-web', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-gateways' } },
      spec: { controller: 'k8s.io/ingress-nginx/public-web' },
    }]);
    expect(gateway.controllerValue).toBe('k8s.io/ingress-nginx/public-web');
    expect(gateway.defaultClass).toBe(false);
  });

  it('marks the IngressClass default only when defaultClass is set', () => {
    // GIVEN a default gateway
    const { app } = gatewayApp({ className: 'edge', defaultClass: true });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'IngressClass')).toStrictEqual([{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: 'edge',
        labels: { 'app.kubernetes.io/managed-by': 'cdk8s-gateways' },
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      },
      spec: { controller: 'k8s.io/ingress-nginx/edge' },
    }]);
  });
});

describe('IngressClassGateway namespace and replicas', () => {
  it('emits no Namespace with createNamespace: false, and still places objects in ingress-<class>', () => {
    // GIVEN
    const { app } = gatewayApp({ createNamespace: false });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(ofKind(objs, 'Namespace')).toStrictEqual([]);
    expect(ofKind(objs, 'Deployment')[0].metadata.namespace).toBe('ingress-public-web');
  });

  it('uses a custom namespace for every namespaced object and for the RBAC subjects', () => {
    // GIVEN namespace "edge-system"
    const { app, gateway } = gatewayApp({ namespace: 'edge-system' });
    // WHEN
    const objs = synthApp(app);
    // THEN
    expect(gateway.namespace).toBe('edge-system');
    expect(ofKind(objs, 'Namespace').map((n) => n.metadata.name)).toStrictEqual(['edge-system']);
    const namespaced = objs.filter((o) => !['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass'].includes(o.kind)
      && !o.metadata.labels?.grafana_dashboard);
    expect(namespaced.length).toBe(12);
    for (const o of namespaced) expect(`${o.kind} ${o.metadata.namespace}`).toBe(`${o.kind} edge-system`);
    expect(ofKind(objs, 'ClusterRoleBinding')[0].subjects).toStrictEqual([{ kind: 'ServiceAccount', name: 'public-web-controller', namespace: 'edge-system' }]);
  });

  it('passes replicas and maxReplicas to the autoscaler', () => {
    // GIVEN replicas 3 and maxReplicas 6
    const { app } = gatewayApp({ replicas: 3, maxReplicas: 6 });
    // WHEN
    const [hpa] = ofKind(synthApp(app), 'HorizontalPodAutoscaler');
    // THEN
    expect(hpa.spec.minReplicas).toBe(3);
    expect(hpa.spec.maxReplicas).toBe(6);
  });

  it('never lets maxReplicas fall below replicas', () => {
    // GIVEN replicas 12 with the default maximum of 10
    const { app } = gatewayApp({ replicas: 12 });
    // WHEN
    const [hpa] = ofKind(synthApp(app), 'HorizontalPodAutoscaler');
    // THEN
    expect(hpa.spec.minReplicas).toBe(12);
    expect(hpa.spec.maxReplicas).toBe(12);
  });

  it('rejects a single replica (CG-CONTROLLER-001)', () => {
    // GIVEN replicas 1
    const { app } = gatewayApp({ replicas: 1 });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN the autoscaler minimum is reported, and synth fails with it
    expect(errors.map((f) => f.ruleId)).toStrictEqual(['CG-CONTROLLER-001']);
    expect(errors[0]).toMatchObject({
      kind: 'HorizontalPodAutoscaler',
      namespace: 'ingress-public-web',
      name: 'public-web-controller',
      constructPath: 'ingress/Gateway/IngressNginx/HorizontalPodAutoscaler',
      field: 'spec.minReplicas',
      value: '1',
    });
    expect(() => synthApp(app)).toThrow(/error CG-CONTROLLER-001 HorizontalPodAutoscaler ingress-public-web\/public-web-controller at ingress\/Gateway\/IngressNginx\/HorizontalPodAutoscaler/);
  });
});

describe('IngressClassGateway exposure', () => {
  it('defaults to a public load balancer that keeps client addresses and has no internal annotations', () => {
    // GIVEN no exposure
    const { app, gateway } = gatewayApp();
    // WHEN
    const service = controllerService(synthApp(app));
    // THEN
    expect(gateway.exposure.internal).toBe(false);
    expect(service).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'public-web-controller', namespace: 'ingress-public-web', labels: MANAGED_LABELS },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        selector: SELECTOR,
        ports: [
          { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' },
          { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP', appProtocol: 'https' },
        ],
      },
    });
  });

  it('restricts a public load balancer to sourceRanges and passes class and annotations', () => {
    // GIVEN source ranges, a load balancer class and an extra annotation
    const { app } = gatewayApp({
      exposure: GatewayExposure.publicLoadBalancer({
        sourceRanges: ['203.0.113.0/24', '198.51.100.7/32'],
        loadBalancerClass: 'service.k8s.aws/nlb',
        annotations: { 'example.com/team': 'edge' },
      }),
    });
    // WHEN
    const service = controllerService(synthApp(app));
    // THEN
    expect(service.spec.loadBalancerSourceRanges).toStrictEqual(['203.0.113.0/24', '198.51.100.7/32']);
    expect(service.spec.loadBalancerClass).toBe('service.k8s.aws/nlb');
    expect(service.spec.externalTrafficPolicy).toBe('Local');
    expect(service.metadata.annotations).toStrictEqual({ 'example.com/team': 'edge' });
  });

  it.each([
    ['aws', { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true', 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' }],
    ['gcp', { 'networking.gke.io/load-balancer-type': 'Internal' }],
    ['azure', { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }],
  ])('annotates an internal load balancer on %s exactly', (name, annotations) => {
    // GIVEN an internal load balancer on this provider
    const provider = CloudProvider.of(name);
    const { app, gateway } = gatewayApp({ exposure: GatewayExposure.internalLoadBalancer(provider) });
    // WHEN
    const service = controllerService(synthApp(app));
    // THEN exactly the provider's annotations
    expect(service.metadata.annotations).toStrictEqual(annotations);
    expect(service.spec.type).toBe('LoadBalancer');
    expect(gateway.exposure.internal).toBe(true);
    expect(gateway.exposure.provider).toBe(provider);
  });

  it('merges extra annotations and sourceRanges into an internal load balancer', () => {
    // GIVEN an internal AWS load balancer with source ranges and an extra annotation
    const { app } = gatewayApp({
      exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS, { sourceRanges: ['10.0.0.0/8'], annotations: { 'example.com/x': 'y' } }),
    });
    // WHEN
    const service = controllerService(synthApp(app));
    // THEN
    expect(service.metadata.annotations).toStrictEqual({
      'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      'example.com/x': 'y',
    });
    expect(service.spec.loadBalancerSourceRanges).toStrictEqual(['10.0.0.0/8']);
  });

  it('emits a ClusterIP Service without externalTrafficPolicy for clusterIp()', () => {
    // GIVEN
    const { app, gateway } = gatewayApp({ exposure: GatewayExposure.clusterIp() });
    // WHEN
    const service = controllerService(synthApp(app));
    // THEN
    expect(gateway.exposure.internal).toBe(true);
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec).not.toHaveProperty('externalTrafficPolicy');
    expect(service.spec).not.toHaveProperty('loadBalancerSourceRanges');
    expect(service.spec).not.toHaveProperty('loadBalancerClass');
    expect(service.metadata).not.toHaveProperty('annotations');
  });

  it('looks cloud providers up by name, case-insensitively', () => {
    // THEN
    expect(CloudProvider.of('aws')).toBe(CloudProvider.AWS);
    expect(CloudProvider.of('GCP')).toBe(CloudProvider.GCP);
    expect(CloudProvider.of('Azure')).toBe(CloudProvider.AZURE);
    expect(CloudProvider.all().map((p) => p.name)).toStrictEqual(['aws', 'gcp', 'azure']);
  });

  it('rejects an unknown cloud provider name, listing aws, gcp and azure', () => {
    // WHEN / THEN
    expect(() => CloudProvider.of('nope')).toThrow(InvalidInputError);
    expect(() => CloudProvider.of('nope')).toThrow('CloudProvider.of: unknown cloud provider "nope"; supported: aws, gcp, azure');
  });
});

describe('IngressClassGateway parameters', () => {
  it('passes cluster-scoped parameters through to the IngressClass', () => {
    // GIVEN cluster-scoped parameters
    const { app } = gatewayApp({
      parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: IngressClassParametersScope.CLUSTER },
    });
    // WHEN
    const [cls] = ofKind(synthApp(app), 'IngressClass');
    // THEN
    expect(cls.spec).toStrictEqual({
      controller: 'k8s.io/ingress-nginx/public-web',
      parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: 'Cluster' },
    });
  });

  it('passes namespaced parameters through to the IngressClass', () => {
    // GIVEN namespace-scoped parameters with a namespace
    const { app } = gatewayApp({
      parameters: { kind: 'ConfigMap', name: 'lb-params', scope: IngressClassParametersScope.NAMESPACE, namespace: 'ingress-public-web' },
    });
    // WHEN
    const [cls] = ofKind(synthApp(app), 'IngressClass');
    // THEN
    expect(cls.spec.parameters).toStrictEqual({ kind: 'ConfigMap', name: 'lb-params', scope: 'Namespace', namespace: 'ingress-public-web' });
  });

  it('rejects Namespace-scoped parameters without a namespace (CG-CLASS-003)', () => {
    // GIVEN scope Namespace and no namespace
    const { app } = gatewayApp({ parameters: { kind: 'ConfigMap', name: 'lb-params', scope: IngressClassParametersScope.NAMESPACE } });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((f) => f.ruleId)).toStrictEqual(['CG-CLASS-003']);
    expect(errors[0]).toMatchObject({ kind: 'IngressClass', name: 'public-web', constructPath: 'ingress/Gateway/Resource', field: 'spec.parameters.namespace' });
    expect(errors[0].message).toBe('namespace is required when scope is "Namespace"');
    expect(() => synthApp(app)).toThrow(/CG-CLASS-003 IngressClass public-web at ingress\/Gateway\/Resource/);
  });

  it('rejects Cluster-scoped parameters with a namespace (CG-CLASS-003)', () => {
    // GIVEN scope Cluster and a namespace
    const { app } = gatewayApp({
      parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p', scope: IngressClassParametersScope.CLUSTER, namespace: 'default' },
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN
    expect(errors.map((f) => f.ruleId)).toStrictEqual(['CG-CLASS-003']);
    expect(errors[0]).toMatchObject({ constructPath: 'ingress/Gateway/Resource', field: 'spec.parameters.namespace', value: '"default"' });
    expect(errors[0].message).toBe('namespace must not be set when scope is "Cluster"');
    expect(() => synthApp(app)).toThrow(/CG-CLASS-003/);
  });
});

describe('IngressClassGateway validation', () => {
  it('rejects an invalid className once, as CG-INPUT-001 on className, with no cascade over the derived names', () => {
    // GIVEN class "Public_Web" (uppercase and underscore are not DNS-1123)
    const { app } = gatewayApp({ className: 'Public_Web' });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN exactly one finding, on the prop, with its path, field and value
    expect(errors.map((f) => [f.ruleId, f.constructPath, f.field, f.value])).toStrictEqual([
      ['CG-INPUT-001', 'ingress/Gateway', 'className', '"Public_Web"'],
    ]);
    expect(errors[0].message).toContain('IngressClass name must be a lowercase RFC 1123 subdomain');
    // AND synth fails with it
    expect(() => synthApp(app)).toThrow(/error CG-INPUT-001 at ingress\/Gateway\n\s+className = "Public_Web"/);
  });

  it.each([
    ['nginx', () => IngressController.nginx()],
    ['traefik', () => IngressController.traefik()],
    ['haproxy', () => IngressController.haproxy()],
  ])('accepts a dotted className (a valid IngressClass name) on %s and derives valid names from it', (_name, controller) => {
    // GIVEN class "web.example" (a DNS-1123 subdomain, not a label)
    const { app } = gatewayApp({ className: 'web.example', controller: controller() });
    // WHEN
    const objs = synthApp(app);
    // THEN no finding, the IngressClass keeps the name, and derived names are labels with a stable hash suffix
    expect(RuleEngine.of(app).run().errors).toStrictEqual([]);
    expect(ofKind(objs, 'IngressClass')[0].metadata.name).toBe('web.example');
    const namespace = ofKind(objs, 'Namespace')[0].metadata.name;
    expect(namespace).toMatch(/^ingress-web-example-[0-9a-f]{8}$/);
    expect(controllerService(objs).metadata.name).toBe(`${namespace.slice('ingress-'.length)}-controller`);
  });

  it('keeps the derived names of a class name that is already a short DNS label', () => {
    // GIVEN class "public-web"
    const objs = synthApp(gatewayApp().app);
    // THEN names derive from it unchanged
    expect(ofKind(objs, 'Namespace')[0].metadata.name).toBe('ingress-public-web');
    expect(controllerService(objs).metadata.name).toBe('public-web-controller');
  });

  it('reports maxReplicas below replicas instead of raising it silently', () => {
    // GIVEN replicas 4 and maxReplicas 3
    const { app } = gatewayApp({ replicas: 4, maxReplicas: 3 });
    // THEN
    expect(RuleEngine.of(app).run().errors.map((f) => [f.ruleId, f.field, f.value])).toStrictEqual([['CG-INPUT-001', 'maxReplicas', '3']]);
    // AND the neighbour (equal) passes
    expect(RuleEngine.of(gatewayApp({ replicas: 4, maxReplicas: 4 }).app).run().errors).toStrictEqual([]);
  });

  it('rejects two default gateways (CG-CLASS-001), naming both', () => {
    // GIVEN two default gateways in one app
    const app = Testing.app();
    const chart = new Chart(app, 'ingress');
    new IngressClassGateway(chart, 'Public', { className: 'public-web', controller: IngressController.nginx(), defaultClass: true });
    new IngressClassGateway(chart, 'Internal', {
      className: 'internal', controller: IngressController.nginx(), defaultClass: true, exposure: GatewayExposure.internalLoadBalancer(CloudProvider.AWS),
    });
    // WHEN
    const errors = RuleEngine.of(app).run().errors;
    // THEN each is reported, and each message names both
    expect(errors.map((f) => [f.ruleId, f.constructPath])).toStrictEqual([
      ['CG-CLASS-001', 'ingress/Public/Resource'],
      ['CG-CLASS-001', 'ingress/Internal/Resource'],
    ]);
    for (const f of errors) {
      expect(f.message).toContain('2 IngressClasses are marked default: public-web (ingress/Public/Resource), internal (ingress/Internal/Resource)');
    }
    expect(() => synthApp(app)).toThrow(/synth stopped by 2 error\(s\)/);
  });

  it('reports the ingress-nginx retirement as a warning (CG-CONTROLLER-003) and still synthesizes', () => {
    // GIVEN an nginx gateway
    const { app } = gatewayApp();
    // WHEN
    const objs = synthApp(app);
    const report = RuleEngine.of(app).run();
    // THEN synth succeeded, with exactly one warning and no error
    expect(objs.length).toBe(17);
    expect(report.errors).toStrictEqual([]);
    expect(report.warnings.map((f) => [f.ruleId, f.severity, f.constructPath])).toStrictEqual([
      ['CG-CONTROLLER-003', Severity.WARNING, 'ingress/Gateway/IngressNginx/Deployment'],
    ]);
    expect(report.warnings[0].message).toContain('ingress-nginx was retired upstream');
    // AND it was printed
    const printed = stderr.mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toContain('warning CG-CONTROLLER-003 Deployment ingress-public-web/public-web-controller');
  });
});

describe('IngressClassGateway determinism', () => {
  function build(): App {
    const app = Testing.app();
    const chart = new Chart(app, 'ingress');
    new IngressClassGateway(chart, 'Public', { className: 'public-web', controller: IngressController.nginx(), defaultClass: true });
    new IngressClassGateway(chart, 'Internal', {
      className: 'internal', controller: IngressController.nginx(), exposure: GatewayExposure.internalLoadBalancer(CloudProvider.GCP),
    });
    return app;
  }

  it('synthesizes identical YAML twice, and for two identical apps', () => {
    // GIVEN two identically built apps
    const a = build();
    const b = build();
    synthApp(a);
    // WHEN
    const first = a.synthYaml();
    const second = a.synthYaml();
    // THEN
    expect(second).toBe(first);
    expect(b.synthYaml()).toBe(first);
    expect(first).toContain('kind: IngressClass');
  });
});
