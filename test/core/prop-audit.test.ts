/**
 * The prop audit: every prop of every public props interface either passes through a named validator (a row of
 * `VALIDATED`, exercised below with one rejected and one accepted value) or is listed in `NOT_VALIDATED` with the
 * reason it needs none. A new prop with neither fails the coverage test.
 */
import * as path from 'path';
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as ts from 'typescript';
import {
  AcmeIssuer, AcmeServer, ApiGatewayEdge, ApiGatewayTier, ApiServerAccess, BackendCertificateAuthority, BackendProtocol, CaIssuer, CloudProvider,
  Dns01Solver, GatewayExposure,
  IngressClassGateway, IngressClassParametersScope, IngressController, InternalApiGateway, PrivateKey, PublicWebGateway, Route,
  RestrictedWorkload, RouteBackend, RuleEngine, SelfSignedIssuer, Tenant, TlsCertificate,
} from '../../src';
import { InvalidInputError } from '../../src/core/input/input-error';
import { Finding } from '../../src/rules/finding';
import { quietStderr } from '../tenancy/tenant-test-utils';

quietStderr();

type Overrides = { [prop: string]: unknown };

/** Builds a compliant app with `o` applied to one props interface; `field` is where that interface's props are reported. */
interface Harness {
  readonly field: string;
  build(app: App, o: Overrides): void;
}

function webService(app: App): kplus.Service {
  const web = new Chart(app, 'web', { namespace: 'web' });
  return new kplus.Service(web, 'Web', { ports: [{ port: 80, targetPort: 8080 }] });
}

function acme(app: App, o: Overrides = {}): AcmeIssuer {
  return new AcmeIssuer(new Chart(app, 'tls'), 'Acme', { email: 'ops@example.com', dns01Solvers: [Dns01Solver.route53()], ...o });
}

/** A route through an nginx public web gateway (nginx applies every route option), with TLS. */
function route(app: App, o: Overrides = {}, backend?: RouteBackend): void {
  const webGateway = new PublicWebGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.nginx(), issuer: acme(app) });
  new Route(new Chart(app, 'routes', { namespace: 'web' }), 'Route', {
    gateway: webGateway, host: 'www.example.com', tlsSecretName: 'www-tls', backend: backend ?? RouteBackend.fromService(webService(app)), ...o,
  });
}

function gateway(app: App, o: Overrides = {}): void {
  new IngressClassGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.traefik(), ...o } as any);
}

const HARNESSES: { [iface: string]: Harness } = {
  IngressClassGatewayProps: { field: '', build: (app, o) => gateway(app, o) },
  LoadBalancerOptions: { field: 'exposure.', build: (app, o) => gateway(app, { exposure: GatewayExposure.publicLoadBalancer(o) }) },
  IngressClassParameters: { field: 'parameters.', build: (app, o) => gateway(app, { parameters: { kind: 'Params', name: 'web', ...o } }) },
  IngressNginxProps: { field: 'controller.', build: (app, o) => gateway(app, { controller: IngressController.nginx(o) }) },
  HaproxyProps: { field: 'controller.', build: (app, o) => gateway(app, { controller: IngressController.haproxy(o) }) },
  TraefikProps: { field: 'controller.', build: (app, o) => gateway(app, { controller: IngressController.traefik(o) }) },
  AwsAlbProps: { field: 'controller.', build: (app, o) => gateway(app, { className: 'alb', controller: IngressController.awsAlb(o) }) },
  // Envoy Gateway's props take effect in its Gateway API deployment, which reports them on the gateway's scope.
  EnvoyGatewayProps: {
    field: 'controller.',
    build: (app, o) => IngressController.envoyGateway(o).gatewayApi!.deploy(new Chart(app, 'ingress'), {
      className: 'web', namespace: 'ingress-web', replicas: 2, maxReplicas: 4, exposure: GatewayExposure.publicLoadBalancer(),
    }),
  },
  AzureApplicationGatewayProps: {
    field: 'controller.',
    // The profile serves the gateway's class, so the only finding is the one the row's prop causes.
    build: (app, o) => gateway(app, { className: 'agic', controller: IngressController.azureApplicationGateway({ className: 'agic', ...o }) }),
  },
  // Monitoring: the default controller (Traefik) is self-hosted and exports metrics, so every part is created.
  GatewayMonitoringOptions: { field: 'monitoring.', build: (app, o) => gateway(app, { monitoring: o }) },
  GatewayAlertSettings: { field: 'monitoring.alertSettings.', build: (app, o) => gateway(app, { monitoring: { alertSettings: o } }) },
  AlertTuning: {
    field: 'monitoring.alertSettings.controllerDown.',
    build: (app, o) => gateway(app, { monitoring: { alertSettings: { controllerDown: o } } }),
  },
  PublicWebGatewayProps: {
    field: '',
    build: (app, o) => new PublicWebGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.traefik(), issuer: acme(app), ...o }),
  },
  HstsOptions: {
    field: 'hsts.',
    build: (app, o) => new PublicWebGateway(new Chart(app, 'ingress'), 'Gateway', {
      className: 'web', controller: IngressController.traefik(), issuer: acme(app), hsts: o,
    }),
  },
  InternalApiGatewayProps: {
    field: '',
    build: (app, o) => new InternalApiGateway(new Chart(app, 'ingress'), 'Gateway', {
      className: 'internal-api', controller: IngressController.traefik(), provider: CloudProvider.AWS, ...o,
    }),
  },
  RouteBaseProps: { field: '', build: (app, o) => route(app, o) },
  RouteOptions: { field: 'options.', build: (app, o) => route(app, { options: o }) },
  ClientCertificateAuth: {
    field: 'options.clientCertificate.',
    build: (app, o) => route(app, { options: { clientCertificate: { caSecretName: 'client-ca', caSecretNamespace: 'web', ...o } } }),
  },
  ServiceBackendOptions: { field: 'backend.', build: (app, o) => route(app, {}, RouteBackend.fromService(webService(app), o)) },
  NamedServiceBackendOptions: {
    field: 'backend.',
    build: (app, o) => route(app, {}, RouteBackend.fromServiceName('web', 'portName' in o ? o : { port: 80, ...o })),
  },
  TenantProps: {
    field: '',
    build: (app, o) => {
      const g = new IngressClassGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.traefik() });
      new Tenant(app, 'shop', { hosts: ['shop.example.com'], gateways: [g], ...o });
    },
  },
  TenantQuota: { field: 'quota.', build: (app, o) => HARNESSES.TenantProps.build(app, { quota: o }) },
  TenantLimits: { field: 'limits.', build: (app, o) => HARNESSES.TenantProps.build(app, { limits: o }) },
  TlsCertificateProps: {
    field: '',
    build: (app, o) => {
      const chart = new Chart(app, 'tls', { namespace: 'web' });
      const issuer = new CaIssuer(chart, 'Ca', { name: 'internal-ca', secretName: 'internal-ca-key' });
      new TlsCertificate(chart, 'Cert', { secretName: 'www-tls', dnsNames: ['www.example.com'], issuer, ...o });
    },
  },
  CertificateOptions: { field: '', build: (app, o) => HARNESSES.TlsCertificateProps.build(app, o) },
  SelfSignedCaProps: { field: '', build: (app, o) => CaIssuer.withSelfSignedRoot(new Chart(app, 'tls'), 'Ca', { name: 'internal-ca', ...o }) },
  SelfSignedIssuerProps: { field: '', build: (app, o) => new SelfSignedIssuer(new Chart(app, 'tls'), 'Issuer', { name: 'selfsigned', ...o }) },
  CaIssuerProps: { field: '', build: (app, o) => new CaIssuer(new Chart(app, 'tls'), 'Issuer', { name: 'ca', secretName: 'ca-key', ...o }) },
  AcmeIssuerProps: { field: '', build: (app, o) => acme(app, o) },
  IssuerOptions: { field: '', build: (app, o) => acme(app, o) },
  Route53SolverProps: { field: 'dns01Solvers[0].', build: (app, o) => acme(app, { dns01Solvers: [Dns01Solver.route53(o)] }) },
  CloudflareSolverProps: {
    field: 'dns01Solvers[0].',
    build: (app, o) => acme(app, { dns01Solvers: [Dns01Solver.cloudflare({ apiTokenSecretName: 'cloudflare', ...o })] }),
  },
  CloudDnsSolverProps: {
    field: 'dns01Solvers[0].',
    build: (app, o) => acme(app, { dns01Solvers: [Dns01Solver.cloudDns({ project: 'dns-project', ...o })] }),
  },
  AzureDnsSolverProps: {
    field: 'dns01Solvers[0].',
    build: (app, o) => acme(app, { dns01Solvers: [Dns01Solver.azureDns({ subscriptionId: 'sub', resourceGroupName: 'dns', ...o })] }),
  },
  WebhookSolverProps: {
    field: 'dns01Solvers[0].',
    build: (app, o) => acme(app, { dns01Solvers: [Dns01Solver.webhook({ groupName: 'acme.example.com', solverName: 'dns', ...o })] }),
  },
  ApiGatewayTierProps: {
    field: '',
    build: (app, o) => new ApiGatewayTier(new Chart(app, 'api'), 'Tier', {
      name: 'api-gateway',
      namespace: 'api',
      image: 'kong/kong-gateway:3.6.1',
      upstreams: [RouteBackend.fromServiceName('orders', { namespace: 'orders', port: 80, podLabels: { app: 'orders' }, targetPort: 8080 })],
      ...o,
    }),
  },
  SecretEnvVar: {
    field: 'secretEnv[0].',
    build: (app, o) => HARNESSES.ApiGatewayTierProps.build(app, { secretEnv: [{ name: 'DB_PASSWORD', secretName: 'db', key: 'password', ...o }] }),
  },
  ApiGatewayEdgeProps: {
    field: '',
    build: (app, o) => new ApiGatewayEdge(new Chart(app, 'edge'), 'Edge', {
      host: 'api.example.com',
      edge: { className: 'edge', controller: IngressController.nginx(), issuer: acme(app) },
      apiGateway: RouteBackend.fromServiceName('api-gateway', { namespace: 'api', port: 80 }),
      ...o,
    }),
  },
};

/** One audited prop: the validator it passes through, a value it rejects and a valid neighbour. */
interface Row {
  /** `Interface.prop`, the interface that declares the prop. */
  readonly prop: string;
  /** The validator (src/core/validation) or the rule that checks the prop. */
  readonly validator: string;
  readonly rejected: unknown;
  readonly valid: unknown;
  /** The rule that reports the rejected value; CG-INPUT-001 unless a manifest rule reports it on the object. */
  readonly rule?: string;
  /** The field CG-INPUT-001 names, when it is not the harness prefix and the prop. */
  readonly field?: string;
  /** Other props the example needs. */
  readonly with?: Overrides;
}

const long64 = 'a'.repeat(65);

const VALIDATED: Row[] = [
  // IngressClassGateway
  { prop: 'IngressClassGatewayProps.className', validator: 'checkDns1123Subdomain', rejected: 'web_public', valid: 'web.public' },
  { prop: 'IngressClassGatewayProps.namespace', validator: 'checkDns1123Label', rejected: 'ingress.web', valid: 'ingress-web' },
  { prop: 'IngressClassGatewayProps.replicas', validator: 'checkInteger', rejected: 2.5, valid: 3 },
  { prop: 'IngressClassGatewayProps.maxReplicas', validator: 'checkInteger and >= replicas', rejected: 1, valid: 2 },
  {
    prop: 'IngressClassGatewayProps.clientCertificate',
    validator: 'checkDns1123Subdomain, checkDns1123Label, checkInteger (as RouteOptions.clientCertificate)',
    rejected: { caSecretName: 'Client_CA', caSecretNamespace: 'web' },
    valid: { caSecretName: 'client-ca', caSecretNamespace: 'web', verifyDepth: 2 },
  },
  { prop: 'IngressClassGatewayProps.monitoringNamespace', validator: 'checkDns1123Label', rejected: 'Monitoring', valid: 'prometheus' },
  { prop: 'IngressClassGatewayProps.allowedSourceCidrs', validator: 'checkCidr', rejected: ['10.0.0.300/8'], valid: ['fd00::/8', '010.0.0.0/8'] },
  { prop: 'IngressClassGatewayProps.apiServerAccess', validator: 'checkCidr, checkPortNumber', rejected: ApiServerAccess.fromCidrs(['10.0.0.0/33']), valid: ApiServerAccess.fromCidrs(['10.0.0.1/32']) },
  {
    prop: 'IngressClassGatewayProps.resources',
    validator: 'checkWholeMebibytes',
    rejected: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.kibibytes(1536), limit: Size.mebibytes(512) } },
    valid: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) } },
  },
  { prop: 'LoadBalancerOptions.sourceRanges', validator: 'checkCidr', rejected: ['10.0.0.0'], valid: ['10.0.0.0/8'] },
  { prop: 'LoadBalancerOptions.annotations', validator: 'checkQualifiedName', rejected: { 'example.com/a/b': 'x' }, valid: { 'example.com/a': 'x' } },
  { prop: 'LoadBalancerOptions.loadBalancerClass', validator: 'checkQualifiedName', rejected: 'example.com/', valid: 'example.com/lb' },
  { prop: 'IngressClassParameters.kind', validator: 'checkPathSegmentName', rejected: 'params/v1', valid: 'ParamsV1' },
  { prop: 'IngressClassParameters.name', validator: 'checkPathSegmentName', rejected: '..', valid: '...' },
  { prop: 'IngressClassParameters.apiGroup', validator: 'checkDns1123Subdomain', rejected: 'Example.com', valid: 'example.com' },
  {
    prop: 'IngressClassParameters.namespace',
    validator: 'checkDns1123Label',
    rejected: 'Web',
    valid: 'web',
    with: { scope: IngressClassParametersScope.NAMESPACE },
  },
  // Controller profiles
  { prop: 'IngressNginxProps.config', validator: 'checkConfigMapKey', rejected: { 'worker processes': '2' }, valid: { 'worker-processes': '2' } },
  { prop: 'IngressNginxProps.image', validator: 'CG-POD-003 (tag required)', rejected: 'registry.k8s.io/ingress-nginx/controller', valid: 'registry.k8s.io/ingress-nginx/controller:v1.15.1', rule: 'CG-POD-003' },
  { prop: 'HaproxyProps.config', validator: 'checkConfigMapKey', rejected: { 'a/b': '1' }, valid: { 'a.b': '1' } },
  { prop: 'HaproxyProps.image', validator: 'CG-POD-003 (tag required)', rejected: 'haproxytech/kubernetes-ingress:latest', valid: 'haproxytech/kubernetes-ingress:3.1.5', rule: 'CG-POD-003' },
  { prop: 'TraefikProps.image', validator: 'CG-POD-003 (tag required)', rejected: '', valid: 'traefik:v3.3.4', rule: 'CG-POD-003' },
  { prop: 'EnvoyGatewayProps.controllerNamespace', validator: 'checkDns1123Label', rejected: 'envoy.system', valid: 'envoy-system' },
  { prop: 'AwsAlbProps.groupName', validator: 'IngressGroup name', rejected: 'Group_1', valid: 'group-1' },
  { prop: 'AzureApplicationGatewayProps.controllerValue', validator: 'checkControllerValue (CG-CLASS-002)', rejected: 'agic', valid: 'azure/application-gateway', rule: 'CG-CLASS-002' },
  { prop: 'AzureApplicationGatewayProps.className', validator: 'checkDns1123Subdomain', rejected: 'Agic', valid: 'agic' },
  // Monitoring
  { prop: 'GatewayMonitoringOptions.prometheusLabels', validator: 'checkQualifiedName, checkLabelValue', rejected: { release: 'kube-prometheus-stack-' }, valid: { 'example.com/release': 'kube-prometheus-stack' } },
  { prop: 'GatewayMonitoringOptions.scrapeInterval', validator: 'checkPrometheusDuration (model.ParseDuration), at least 1s', rejected: Duration.millis(1000.5), valid: Duration.millis(1001) },
  { prop: 'GatewayMonitoringOptions.dashboardNamespace', validator: 'checkDns1123Label', rejected: 'grafana.ns', valid: 'grafana-ns' },
  { prop: 'GatewayMonitoringOptions.dashboardLabels', validator: 'checkQualifiedName, checkLabelValue', rejected: { 'grafana dashboard': '1' }, valid: { grafana_dashboard: '1' } },
  { prop: 'GatewayAlertSettings.errorRatioThreshold', validator: 'finite ratio in (0, 1]', rejected: 1.0001, valid: 1 },
  { prop: 'GatewayAlertSettings.latencyThreshold', validator: 'whole milliseconds above 0', rejected: Duration.millis(0), valid: Duration.millis(1) },
  { prop: 'GatewayAlertSettings.certificateExpiryWithin', validator: 'whole seconds above 0, checkPrometheusDuration', rejected: Duration.millis(1500), valid: Duration.seconds(2) },
  { prop: 'GatewayAlertSettings.runbookBaseUrl', validator: 'absolute http(s) URL (WHATWG URL), no fragment', rejected: 'https://runbooks.example.com:70000/gateways', valid: 'https://runbooks.example.com:8443/gateways' },
  { prop: 'AlertTuning.pendingFor', validator: 'checkPrometheusDuration (model.ParseDuration: int64 nanoseconds)', rejected: Duration.days(106752), valid: Duration.days(106751) },
  // Presets
  { prop: 'PublicWebGatewayProps.connectTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(500), valid: Duration.seconds(1) },
  { prop: 'PublicWebGatewayProps.readTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(1500), valid: Duration.seconds(2) },
  { prop: 'PublicWebGatewayProps.sendTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(1500), valid: Duration.seconds(2) },
  { prop: 'PublicWebGatewayProps.maxRequestBodySize', validator: 'checkWholeKibibytes', rejected: Size.kibibytes(0.5), valid: Size.kibibytes(1536) },
  { prop: 'HstsOptions.maxAge', validator: 'checkWholeSeconds', rejected: Duration.millis(1500), valid: Duration.seconds(0) },
  { prop: 'InternalApiGatewayProps.connectTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(500), valid: Duration.seconds(1) },
  { prop: 'InternalApiGatewayProps.readTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(500), valid: Duration.seconds(1) },
  { prop: 'InternalApiGatewayProps.maxRequestBodySize', validator: 'checkWholeKibibytes', rejected: Size.kibibytes(1.5), valid: Size.kibibytes(2) },
  { prop: 'InternalApiGatewayProps.rateLimitPerSecond', validator: 'positive integer', rejected: 0, valid: 1 },
  { prop: 'InternalApiGatewayProps.trustedProxyCidrs', validator: 'checkCidr strict (Go net.ParseCIDR)', rejected: ['010.0.0.0/8'], valid: ['10.0.0.0/8'] },
  { prop: 'ApiGatewayEdgeProps.host', validator: 'checkIngressHost (CG-INGRESS-001)', rejected: 'api.example.com:443', valid: '*.example.com', rule: 'CG-INGRESS-001' },
  { prop: 'ApiGatewayEdgeProps.tlsSecretName', validator: 'checkDns1123Subdomain', rejected: 'api_tls', valid: 'api-tls' },
  { prop: 'ApiGatewayEdgeProps.rateLimitPerSecond', validator: 'positive integer', rejected: 2.5, valid: 3 },
  { prop: 'ApiGatewayEdgeProps.trustedProxyCidrs', validator: 'checkCidr strict (Go net.ParseCIDR)', rejected: ['10.0.0.0/8 '], valid: ['2001:db8::/32'] },
  // Routes
  { prop: 'RouteBaseProps.host', validator: 'checkIngressHost (CG-INGRESS-001)', rejected: 'www.example.com:443', valid: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, rule: 'CG-INGRESS-001' },
  { prop: 'RouteBaseProps.path', validator: 'checkIngressPath (CG-INGRESS-002)', rejected: '/a//b', valid: '/a/b', rule: 'CG-INGRESS-002' },
  { prop: 'RouteBaseProps.tlsSecretName', validator: 'checkDns1123Subdomain', rejected: 'www_tls', valid: 'www.tls' },
  { prop: 'RouteBaseProps.ingressName', validator: 'checkDns1123Subdomain', rejected: 'WWW', valid: 'www' },
  { prop: 'RouteOptions.connectTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(500), valid: Duration.seconds(1) },
  { prop: 'RouteOptions.readTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(1500), valid: Duration.minutes(5) },
  { prop: 'RouteOptions.sendTimeout', validator: 'checkWholeSeconds', rejected: Duration.millis(1500), valid: Duration.seconds(2) },
  { prop: 'RouteOptions.maxRequestBodySize', validator: 'checkWholeKibibytes', rejected: Size.kibibytes(0.5), valid: Size.kibibytes(1536) },
  { prop: 'RouteOptions.allowedSourceRanges', validator: 'checkCidr strict (Go net.ParseCIDR)', rejected: ['10.0.0.0/8', '10.0.0.1'], valid: ['10.0.0.0/8', 'fd00::/8'] },
  { prop: 'RouteOptions.rateLimitPerSecond', validator: 'checkInteger', rejected: -1, valid: 1 },
  { prop: 'RouteOptions.clientCertificate', validator: 'needs TLS on the route', rejected: 'no TLS', valid: 'TLS' },
  {
    prop: 'RouteOptions.backendCertificateAuthority',
    validator: 'checkDns1123Subdomain on the object name; needs backendProtocol HTTPS or GRPCS',
    rejected: BackendCertificateAuthority.fromSecret('internal_ca'),
    valid: BackendCertificateAuthority.fromSecret('internal-ca'),
    with: { backendProtocol: BackendProtocol.HTTPS },
  },
  {
    prop: 'RouteOptions.backendTlsHostname',
    validator: 'checkDns1123Subdomain; needs backendProtocol HTTPS or GRPCS',
    rejected: 'Api.Internal',
    valid: 'api.internal',
    with: { backendProtocol: BackendProtocol.HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca') },
  },
  { prop: 'ClientCertificateAuth.caSecretName', validator: 'checkDns1123Subdomain', rejected: '', valid: 'client-ca' },
  { prop: 'ClientCertificateAuth.caSecretNamespace', validator: 'checkDns1123Label', rejected: 'web.ns', valid: 'web-ns' },
  { prop: 'ClientCertificateAuth.verifyDepth', validator: 'checkInteger', rejected: -1, valid: 0 },
  { prop: 'ServiceBackendOptions.port', validator: 'a port the Service exposes', rejected: 8080, valid: 80 },
  { prop: 'NamedServiceBackendOptions.port', validator: 'checkPortNumber (CG-INGRESS-003)', rejected: 70000, valid: 65535, rule: 'CG-INGRESS-003' },
  { prop: 'NamedServiceBackendOptions.portName', validator: 'checkPortName (CG-INGRESS-003)', rejected: 'HTTP', valid: 'http', rule: 'CG-INGRESS-003' },
  { prop: 'NamedServiceBackendOptions.namespace', validator: 'checkDns1123Label', rejected: 'Web', valid: 'web' },
  { prop: 'NamedServiceBackendOptions.podLabels', validator: 'checkQualifiedName, checkLabelValue', rejected: { app: 'web-' }, valid: { 'app.kubernetes.io/name': 'web' } },
  { prop: 'NamedServiceBackendOptions.targetPort', validator: 'checkPortNumber', rejected: 0, valid: 8080 },
  // Tenancy
  { prop: 'TenantProps.hosts', validator: 'tenant host pattern', rejected: ['shop.example.com:443'], valid: ['*.shop.example.com'] },
  { prop: 'TenantProps.gateways', validator: 'at least one', rejected: [], valid: undefined },
  { prop: 'TenantProps.namespace', validator: 'checkDns1123Label', rejected: 'shop.team', valid: 'shop-team' },
  { prop: 'TenantProps.tenantName', validator: 'checkDns1123Label (namespace), checkLabelValue', rejected: 'Shop', valid: 'shop-team' },
  { prop: 'TenantProps.namespaceLabels', validator: 'checkQualifiedName, checkLabelValue', rejected: { team: 'a b' }, valid: { 'example.com/team': 'a_b' } },
  { prop: 'TenantQuota.pods', validator: 'whole number >= 0', rejected: 2.5, valid: 0 },
  { prop: 'TenantQuota.services', validator: 'whole number >= 0', rejected: -1, valid: 3 },
  { prop: 'TenantQuota.persistentVolumeClaims', validator: 'whole number >= 0', rejected: 1.5, valid: 1 },
  { prop: 'TenantQuota.loadBalancers', validator: 'whole number >= 0', rejected: -1, valid: 1 },
  { prop: 'TenantQuota.nodePorts', validator: 'whole number >= 0', rejected: 0.5, valid: 1 },
  { prop: 'TenantQuota.requestsMemory', validator: 'checkWholeMebibytes', rejected: Size.kibibytes(1536), valid: Size.gibibytes(1) },
  { prop: 'TenantQuota.limitsMemory', validator: 'checkWholeMebibytes', rejected: Size.kibibytes(1536), valid: Size.mebibytes(1536) },
  { prop: 'TenantLimits.defaultMemoryRequest', validator: 'checkWholeMebibytes', rejected: Size.kibibytes(100), valid: Size.mebibytes(100) },
  { prop: 'TenantLimits.defaultMemoryLimit', validator: 'checkWholeMebibytes', rejected: Size.kibibytes(100), valid: Size.mebibytes(200) },
  { prop: 'TenantLimits.maxMemoryLimit', validator: 'checkWholeMebibytes', rejected: Size.kibibytes(100), valid: Size.gibibytes(2) },
  // TLS
  { prop: 'TlsCertificateProps.secretName', validator: 'checkDns1123Subdomain', rejected: 'www_tls', valid: 'www.tls' },
  { prop: 'TlsCertificateProps.name', validator: 'checkDns1123Subdomain', rejected: 'Www', valid: 'www' },
  { prop: 'TlsCertificateProps.namespace', validator: 'checkDns1123Label', rejected: 'web.ns', valid: 'web' },
  { prop: 'TlsCertificateProps.ipAddresses', validator: 'checkIp strict (Go net.ParseIP)', rejected: ['010.0.0.1'], valid: ['10.0.0.1', '2001:db8::1'] },
  { prop: 'TlsCertificateProps.dnsNames', validator: 'an identity (CG-TLS-001)', rejected: [], valid: ['*.example.com'], rule: 'CG-TLS-001' },
  { prop: 'TlsCertificateProps.commonName', validator: 'at most 64 characters (CG-TLS-002)', rejected: long64, valid: long64.slice(1), rule: 'CG-TLS-002' },
  { prop: 'CertificateOptions.duration', validator: 'at least 1h (CG-TLS-003)', rejected: Duration.minutes(59), valid: Duration.hours(1), rule: 'CG-TLS-003' },
  { prop: 'CertificateOptions.renewBefore', validator: 'at least 5m, below duration (CG-TLS-004)', rejected: Duration.minutes(4), valid: Duration.minutes(5), rule: 'CG-TLS-004' },
  { prop: 'CertificateOptions.privateKey', validator: 'key size (CG-TLS-005)', rejected: PrivateKey.rsa(1024), valid: PrivateKey.rsa(8192), rule: 'CG-TLS-005' },
  { prop: 'SelfSignedCaProps.name', validator: 'checkDns1123Subdomain', rejected: 'Internal_CA', valid: 'internal.ca' },
  { prop: 'SelfSignedCaProps.namespace', validator: 'checkDns1123Label', rejected: 'pki.ns', valid: 'pki' },
  { prop: 'SelfSignedCaProps.clusterResourceNamespace', validator: 'checkDns1123Label', rejected: 'Cert-Manager', valid: 'cert-manager' },
  { prop: 'SelfSignedCaProps.commonName', validator: 'at most 64 characters (CG-TLS-002)', rejected: long64, valid: 'Internal CA', rule: 'CG-TLS-002' },
  { prop: 'SelfSignedCaProps.duration', validator: 'at least 1h (CG-TLS-003)', rejected: Duration.minutes(30), valid: Duration.days(3650), rule: 'CG-TLS-003' },
  { prop: 'SelfSignedCaProps.renewBefore', validator: 'at least 5m (CG-TLS-004)', rejected: Duration.minutes(1), valid: Duration.days(30), rule: 'CG-TLS-004' },
  { prop: 'SelfSignedIssuerProps.name', validator: 'checkDns1123Subdomain', rejected: 'Self_Signed', valid: 'self.signed' },
  { prop: 'SelfSignedIssuerProps.namespace', validator: 'checkDns1123Label', rejected: 'a.b', valid: 'pki' },
  { prop: 'CaIssuerProps.name', validator: 'checkDns1123Subdomain', rejected: '', valid: 'ca.internal' },
  { prop: 'CaIssuerProps.secretName', validator: 'checkDns1123Subdomain', rejected: 'ca key', valid: 'ca.key' },
  { prop: 'CaIssuerProps.namespace', validator: 'checkDns1123Label', rejected: 'PKI', valid: 'pki' },
  { prop: 'IssuerOptions.name', validator: 'checkDns1123Subdomain', rejected: 'lets_encrypt', valid: 'lets.encrypt' },
  { prop: 'IssuerOptions.namespace', validator: 'checkDns1123Label', rejected: 'a.b', valid: 'tls' },
  { prop: 'AcmeIssuerProps.email', validator: 'an email address', rejected: 'ops', valid: 'ops@example.com' },
  { prop: 'AcmeIssuerProps.accountKeySecretName', validator: 'checkDns1123Subdomain', rejected: 'Account', valid: 'account' },
  { prop: 'AcmeIssuerProps.server', validator: 'https:// URL', rejected: AcmeServer.fromUrl('http://acme.example.com/directory'), valid: AcmeServer.fromUrl('https://acme.example.com/directory'), with: { name: 'private-acme' } },
  { prop: 'AcmeIssuerProps.dns01Solvers', validator: 'at least one solver', rejected: [], valid: [Dns01Solver.route53()], field: 'solvers' },
  { prop: 'Route53SolverProps.region', validator: 'checkRequired', rejected: '', valid: 'eu-west-1' },
  { prop: 'Route53SolverProps.hostedZoneId', validator: 'checkRequired', rejected: ' ', valid: 'Z123' },
  { prop: 'Route53SolverProps.role', validator: 'checkRequired', rejected: '', valid: 'arn:aws:iam::123456789012:role/dns' },
  { prop: 'CloudflareSolverProps.apiTokenSecretName', validator: 'checkDns1123Subdomain', rejected: '', valid: 'cf' },
  { prop: 'CloudflareSolverProps.apiTokenSecretKey', validator: 'checkConfigMapKey', rejected: 'api token', valid: 'api_token' },
  { prop: 'CloudDnsSolverProps.project', validator: 'checkRequired', rejected: '', valid: 'p' },
  { prop: 'CloudDnsSolverProps.hostedZoneName', validator: 'checkRequired', rejected: '', valid: 'zone' },
  { prop: 'CloudDnsSolverProps.serviceAccountSecretName', validator: 'checkDns1123Subdomain', rejected: 'SA', valid: 'sa' },
  { prop: 'CloudDnsSolverProps.serviceAccountSecretKey', validator: 'checkConfigMapKey', rejected: '..', valid: 'key.json' },
  { prop: 'AzureDnsSolverProps.subscriptionId', validator: 'checkRequired', rejected: '', valid: 's' },
  { prop: 'AzureDnsSolverProps.resourceGroupName', validator: 'checkRequired', rejected: '', valid: 'rg' },
  { prop: 'AzureDnsSolverProps.hostedZoneName', validator: 'checkRequired', rejected: '', valid: 'example.com' },
  { prop: 'AzureDnsSolverProps.managedIdentityClientId', validator: 'checkRequired', rejected: '', valid: 'id' },
  { prop: 'WebhookSolverProps.groupName', validator: 'checkRequired', rejected: '', valid: 'acme.example.com' },
  { prop: 'WebhookSolverProps.solverName', validator: 'checkRequired', rejected: '', valid: 'dns' },
  // API gateway tier
  { prop: 'ApiGatewayTierProps.name', validator: 'checkDns1035Label', rejected: '1api', valid: 'api1' },
  { prop: 'ApiGatewayTierProps.namespace', validator: 'checkDns1123Label', rejected: 'api.ns', valid: 'api-ns' },
  { prop: 'ApiGatewayTierProps.image', validator: 'CG-POD-003 (tag required)', rejected: 'kong/kong-gateway', valid: 'kong/kong-gateway:3.6.1', rule: 'CG-POD-003' },
  { prop: 'ApiGatewayTierProps.replicas', validator: 'whole number >= 2', rejected: 2.5, valid: 3 },
  { prop: 'ApiGatewayTierProps.maxReplicas', validator: 'checkInteger and >= replicas', rejected: 1, valid: 2 },
  { prop: 'ApiGatewayTierProps.proxyPort', validator: 'checkPortNumber', rejected: 70000, valid: 65535 },
  { prop: 'ApiGatewayTierProps.servicePort', validator: 'checkPortNumber', rejected: 0, valid: 1 },
  { prop: 'ApiGatewayTierProps.healthCheckPort', validator: 'checkPortNumber', rejected: 8080.5, valid: 8081 },
  { prop: 'ApiGatewayTierProps.healthCheckPath', validator: 'checkRequired (httpGet.path)', rejected: '', valid: '/status' },
  { prop: 'ApiGatewayTierProps.runAsUser', validator: 'checkInteger (>= 1)', rejected: 1.5, valid: 1 },
  { prop: 'ApiGatewayTierProps.env', validator: 'checkEnvVarName', rejected: { 'LOG LEVEL': 'info' }, valid: { 'log.level': 'info' } },
  { prop: 'ApiGatewayTierProps.upstreams', validator: 'at least one', rejected: [], valid: [RouteBackend.fromServiceName('orders', { namespace: 'orders', port: 80, podLabels: { app: 'orders' }, targetPort: 8080 })] },
  {
    prop: 'ApiGatewayTierProps.resources',
    validator: 'checkWholeMebibytes',
    rejected: { memory: { request: Size.kibibytes(1000), limit: Size.gibibytes(1) }, cpu: { request: kplus.Cpu.millis(100) } },
    valid: { memory: { request: Size.mebibytes(1000), limit: Size.gibibytes(1) }, cpu: { request: kplus.Cpu.millis(100) } },
  },
  { prop: 'SecretEnvVar.name', validator: 'checkEnvVarName', rejected: '1DB', valid: 'DB1' },
  { prop: 'SecretEnvVar.secretName', validator: 'checkDns1123Subdomain', rejected: 'DB', valid: 'db' },
  { prop: 'SecretEnvVar.key', validator: 'checkConfigMapKey', rejected: 'pass word', valid: 'pass-word' },
];

/**
 * Options of static factories whose value goes into objects of another library (a cdk8s-plus container), so there
 * is no construct to report a finding on: a rejected value throws InvalidInputError (a one-line message naming the
 * option, no stack trace). The valid neighbour builds an app with no finding.
 */
interface ThrownRow {
  readonly prop: string;
  readonly validator: string;
  readonly rejected: unknown;
  readonly valid: unknown;
  /** Builds a compliant app with `o` as the options. */
  readonly build: (app: App, o: Overrides) => void;
}

function restrictedDeployment(app: App, o: Overrides): void {
  new kplus.Deployment(new Chart(app, 'web', { namespace: 'web' }), 'Web', {
    containers: [{ image: 'registry.example.com/web:1.4.2', portNumber: 8080, ...RestrictedWorkload.containerSettings(o) }],
  });
}

const THROWN: ThrownRow[] = [
  { prop: 'RestrictedContainerOptions.user', validator: 'checkInteger 0..2147483647 (IsValidUserID)', rejected: 2 ** 31, valid: 2 ** 31 - 1, build: restrictedDeployment },
  { prop: 'RestrictedContainerOptions.group', validator: 'checkInteger 0..2147483647 (IsValidGroupID)', rejected: -1, valid: 0, build: restrictedDeployment },
  {
    prop: 'RestrictedContainerOptions.resources',
    validator: 'checkWholeMebibytes',
    rejected: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.kibibytes(1536), limit: Size.mebibytes(512) } },
    valid: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) } },
    build: restrictedDeployment,
  },
];

/** Props that reach no manifest as written, or whose type admits only valid values; each with the reason. */
const NOT_VALIDATED: { [prop: string]: string } = {
  'IngressClassGatewayProps.controller': 'a controller profile object; its own props are audited (IngressNginxProps, ...)',
  'IngressClassGatewayProps.exposure': 'a GatewayExposure; its options are audited as LoadBalancerOptions',
  'IngressClassGatewayProps.parameters': 'audited field by field as IngressClassParameters',
  'PublicWebGatewayProps.issuer': 'an issuer construct, which checks its own props',
  'PublicWebGatewayProps.certificates': 'audited as CertificateOptions',
  'PublicWebGatewayProps.hsts': 'audited as HstsOptions',
  'InternalApiGatewayProps.issuer': 'an issuer construct, which checks its own props',
  'InternalApiGatewayProps.certificates': 'audited as CertificateOptions',
  'InternalApiGatewayProps.provider': 'a CloudProvider constant (AWS, GCP, AZURE): no other value exists',
  'ApiGatewayEdgeProps.edge': 'audited as PublicWebGatewayProps (the edge gateway reports them)',
  'ApiGatewayEdgeProps.apiGateway': 'a RouteBackend, audited as ServiceBackendOptions / NamedServiceBackendOptions',
  'RouteBaseProps.backend': 'a RouteBackend, audited as ServiceBackendOptions / NamedServiceBackendOptions',
  'RouteBaseProps.options': 'audited as RouteOptions',
  'RouteProps.gateway': 'a gateway construct, which checks its own props',
  'TenantProps.quota': 'audited as TenantQuota',
  'TenantProps.limits': 'audited as TenantLimits',
  'TenantQuota.requestsCpu': 'a cdk8s-plus Cpu, which only produces valid quantities',
  'TenantLimits.defaultCpuRequest': 'a cdk8s-plus Cpu, which only produces valid quantities',
  'TlsCertificateProps.issuer': 'an issuer construct, which checks its own props',
  'AcmeIssuerProps.http01Gateways': 'gateway constructs, which check their own props',
  'Dns01SolverOptions.dnsZones': "cert-manager's webhook (v1.21.1) does not validate solver selectors; a zone that matches nothing only leaves the solver unused",
  'WebhookSolverProps.config': 'free-form JSON passed to the webhook solver, which validates it itself',
  'ApiGatewayTierProps.args': 'container args: the API server accepts any strings',
  'ApiGatewayTierProps.secretEnv': 'audited as SecretEnvVar',
  'IngressClassGatewayProps.monitoring': 'audited as GatewayMonitoringOptions',
  'GatewayMonitoringOptions.alertSettings': 'audited as GatewayAlertSettings',
  'GatewayAlertSettings.controllerDown': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  'GatewayAlertSettings.configReloadFailing': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  'GatewayAlertSettings.classErrorRatio': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  'GatewayAlertSettings.hostErrorRatio': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  'GatewayAlertSettings.hostLatency': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  'GatewayAlertSettings.backendNoReadyEndpoints': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  'GatewayAlertSettings.certificateNotReady': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  'GatewayAlertSettings.certificateExpiring': 'an AlertTuning, audited as AlertTuning (one loop checks every alert key alike)',
  // Outputs and extension points: the library fills them from checked props, or reads them back.
  'Finding.*': 'a report entry the library produces',
  'RuleInfo.*': 'a report entry the library produces',
  'BackendPort.*': 'what RouteBackend.port returns',
  'RouteCertificate.*': 'what PublicWebGateway.certificates and InternalApiGateway.certificates return',
  'ControllerDeployment.*': 'what a controller profile returns to the gateway',
  'ControllerDeployOptions.*': 'what the gateway passes to a profile, built from checked IngressClassGatewayProps',
  'ControllerNetworkOptions.*': 'what the gateway passes to a profile, built from checked IngressClassGatewayProps',
  'EdgeSettings.*': 'what the edge presets pass to a profile, built from checked preset props',
  'PublicWebHardening.*': 'what PublicWebGateway passes to a profile, built from checked PublicWebGatewayProps',
  'EdgeConfiguredController.*': 'what a profile returns to the edge presets',
  'HardenedController.*': 'what a profile returns to PublicWebGateway',
  'RouteOptionsTranslation.*': 'what a profile returns to the route renderer, from checked RouteOptions',
  'IngressRouteTarget.*': 'what the Ingress renderer passes to a profile, from the checked route (its namespace and backend)',
  'GatewayApiObjectReference.*': 'what a Gateway API implementation returns to the gateway (GatewayApiDeployment.parametersRef)',
  'GatewayApiDeployOptions.*': 'what the gateway passes to a Gateway API implementation, built from checked IngressClassGatewayProps',
  'GatewayApiDeployment.*': 'what a Gateway API implementation returns to the gateway',
  'GatewayApiRouteTarget.*': 'what the Gateway API renderer passes to an implementation, from the route it renders',
  'GatewayApiRouteObject.*': 'what a Gateway API implementation returns to the renderer, from checked RouteOptions',
  'GatewayApiRouteTimeouts.*': 'what a Gateway API implementation returns to the renderer, from checked RouteOptions',
  'GatewayApiRouteTranslation.*': 'what a Gateway API implementation returns to the renderer, from checked RouteOptions',
  'GatewayApiGatewaySettings.*': 'what a gateway passes to its implementation, from its checked props (clientCertificate, trustedProxyCidrs)',
  'GatewayApiGatewayTarget.*': 'what a gateway passes to its implementation: its own checked name and namespace',
  'GatewayApiCaReference.*': 'what a Gateway API implementation returns to the gateway, from a checked ClientCertificateAuth',
  'GatewayApiGatewayTranslation.*': 'what a Gateway API implementation returns to the gateway, from checked gateway-wide settings',
  'ExistingGatewayClassOptions.controllerName': 'only shown in messages; the GatewayClass exists in the cluster and the gateway never writes it',
  'RouteBinding.*': 'what a profile returns to the gateway',
  'ControllerMetricsEndpoints.*': 'what a profile returns to the gateway (ControllerDeployment.metrics); users never construct it',
  'RestrictedContainerSettings.*': 'what RestrictedWorkload.containerSettings returns, built from checked RestrictedContainerOptions',
  'GatewayValidationPluginProps.*': 'plugin settings: names compared with the manifests, never written into them',
};

/** Every prop of every exported data interface, as `DeclaringInterface.prop`, with whether its type is boolean or an enum. */
/** Whether bit flags `flags` include `flag` (TypeScript's symbol and type flags). */
function hasFlag(flags: number, flag: number): boolean {
  // eslint-disable-next-line no-bitwise
  return (flags & flag) !== 0;
}

let cachedProps: Array<{ key: string; trivial: boolean }> | undefined;
function publicProps(): Array<{ key: string; trivial: boolean }> {
  cachedProps ??= readPublicProps();
  return cachedProps;
}

function readPublicProps(): Array<{ key: string; trivial: boolean }> {
  const program = ts.createProgram([path.join(__dirname, '../../src/index.ts')], { strict: true, target: ts.ScriptTarget.ES2020 });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(path.join(__dirname, '../../src/index.ts'))!)!;
  const result = new Map<string, boolean>();
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol = hasFlag(exported.flags, ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(exported) : exported;
    if (!hasFlag(symbol.flags, ts.SymbolFlags.Interface) || /^I[A-Z]/.test(symbol.name)) continue; // I* are behaviour interfaces
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.declarations?.[0];
      const owner = declaration && ts.isInterfaceDeclaration(declaration.parent) ? declaration.parent.name.text : symbol.name;
      const propType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(property, declaration!));
      const booleanOrEnum = (t: ts.Type) => hasFlag(t.flags, ts.TypeFlags.BooleanLike) || hasFlag(t.flags, ts.TypeFlags.EnumLike);
      const trivial = booleanOrEnum(propType) || (propType.isUnion() && propType.types.every(booleanOrEnum));
      result.set(`${owner}.${property.name}`, trivial);
    }
  }
  return [...result.entries()].map(([key, trivial]) => ({ key, trivial }));
}

function errorsOf(app: App): Finding[] {
  return RuleEngine.of(app).run().errors;
}

function describeFindings(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.constructPath ?? ''} ${f.field ?? ''} = ${f.value}: ${f.message}`);
}

/** The app of one row with `value` for its prop (undefined: the prop left out). */
function appWith(row: Row, value: unknown): App {
  const app = Testing.app();
  const [iface, prop] = row.prop.split('.');
  if (row.prop === 'RouteOptions.clientCertificate') {
    // The contradiction: client certificates on a route without TLS (on a gateway that does not require TLS).
    const g = new IngressClassGateway(new Chart(app, 'ingress'), 'Gateway', { className: 'web', controller: IngressController.nginx() });
    new Route(new Chart(app, 'routes', { namespace: 'web' }), 'Route', {
      gateway: g,
      host: 'www.example.com',
      backend: RouteBackend.fromService(webService(app)),
      ...(value === 'TLS' ? { tlsSecretName: 'www-tls' } : {}),
      options: { clientCertificate: { caSecretName: 'client-ca', caSecretNamespace: 'web' } },
    });
    RuleEngine.of(app).declareExternalTlsSecret('web', 'www-tls');
    return app;
  }
  HARNESSES[iface].build(app, { ...row.with, ...(value === undefined ? {} : { [prop]: value }) });
  return app;
}

describe('prop audit', () => {
  it('every harness builds a compliant app', () => {
    for (const [iface, harness] of Object.entries(HARNESSES)) {
      const app = Testing.app();
      harness.build(app, {});
      expect([iface, describeFindings(errorsOf(app))]).toStrictEqual([iface, []]);
    }
  });

  it.each(VALIDATED.map((row) => [row.prop, row.validator, row] as const))('%s (%s): the rejected example is exactly one finding naming the prop; the valid neighbour passes', (_prop, _validator, row) => {
    const [iface, prop] = row.prop.split('.');
    const rule = row.rule ?? 'CG-INPUT-001';
    // WHEN the prop gets the rejected example
    const rejected = errorsOf(appWith(row, row.rejected));
    // THEN exactly one error, of the row's rule, naming the prop (CG-INPUT-001 names it as its field)
    expect(describeFindings(rejected)).toHaveLength(1);
    expect(rejected[0].ruleId).toBe(rule);
    if (rule === 'CG-INPUT-001') {
      const field = row.field ?? (row.prop === 'RouteOptions.clientCertificate' ? 'options.clientCertificate' : `${HARNESSES[iface].field}${prop}`);
      expect(rejected[0].field?.startsWith(field)).toBe(true);
    }
    expect(rejected[0].message.length).toBeGreaterThan(10);
    // AND the valid neighbour passes
    expect(describeFindings(errorsOf(appWith(row, row.valid)))).toStrictEqual([]);
  });

  it.each(THROWN.map((row) => [row.prop, row.validator, row] as const))('%s (%s): the rejected example throws InvalidInputError naming the option; the valid neighbour passes', (_prop, _validator, row) => {
    const prop = row.prop.split('.')[1];
    // WHEN the option gets the rejected example
    let thrown: unknown;
    try {
      row.build(Testing.app(), { [prop]: row.rejected });
    } catch (e) {
      thrown = e;
    }
    // THEN one InvalidInputError, naming that option only
    expect(thrown).toBeInstanceOf(InvalidInputError);
    const message = (thrown as Error).message;
    expect(message).toMatch(new RegExp(`: ${prop}[ .]`));
    expect(message.split('; ')).toHaveLength(1);
    // AND the valid neighbour builds an app with no finding
    const app = Testing.app();
    row.build(app, { [prop]: row.valid });
    expect(describeFindings(errorsOf(app))).toStrictEqual([]);
  });

  it('lists every prop of every public props interface, as validated or with the reason it needs no validator', () => {
    const validated = new Set([...VALIDATED, ...THROWN].map((r) => r.prop));
    const unlisted = publicProps()
      .filter(({ key, trivial }) => !trivial && !validated.has(key) && NOT_VALIDATED[key] === undefined && NOT_VALIDATED[`${key.split('.')[0]}.*`] === undefined)
      .map(({ key }) => key);
    expect(unlisted).toStrictEqual([]);
  });

  it('names no prop twice and no prop that does not exist', () => {
    const all = new Set(publicProps().map(({ key }) => key));
    const listed = [...VALIDATED.map((r) => r.prop), ...THROWN.map((r) => r.prop), ...Object.keys(NOT_VALIDATED).filter((k) => !k.endsWith('.*'))];
    expect(listed.filter((k) => !all.has(k))).toStrictEqual([]);
    expect(listed.length).toBe(new Set(listed).size);
  });
});
