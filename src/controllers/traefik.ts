import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { setOptionNames } from './cloud-managed';
import {
  ControllerDeployment, ControllerDeployOptions, EdgeConfiguredController, EdgeSettings, HardenedController, IIngressController, PublicWebHardening,
} from './controller-profile';
import { ControllerWorkload, httpGetProbe, controllerObjectName, instanceNameOf } from './controller-workload';
import { policyRules, RbacNeed, verifiesBackendCertificates } from './facts/controller-facts';
import { TRAEFIK_3_7_11_GATEWAY_API } from './facts/gateway-api-traefik-3.7.11';
import { TRAEFIK_3_7_11 } from './facts/traefik-3.7.11';
import { IGatewayApiImplementation } from './gateway-api-implementation';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { TraefikGatewayApi, TraefikInstance, traefikGatewayClassLabels } from './traefik-gateway-api';
import { RoutingApi } from '../core/routing-api';
import { BackendProtocol, RouteOptions } from '../routing/route-options';

/**
 * Traefik Proxy v3.7.11, pinned by tag and digest. The digest could not be read from the registry here: it is the one
 * that several independent public repositories pin for `traefik:v3.7.11` (the multi-architecture index).
 */
export const TRAEFIK_IMAGE = 'docker.io/traefik:v3.7.11@sha256:5203c3f39ca70de6790d964624e042463ffbd57715bc82be155cf224c0dd5144';
/** What the pinned version needs, read from its source; the workload below is built from it. */
const FACTS = TRAEFIK_3_7_11;
/** The IngressClass controller value of every Traefik instance; instances pick their class by name. */
export const TRAEFIK_CONTROLLER_VALUE = 'traefik.io/ingress-controller';
/** The `traefik` entry point: serves only /ping (no dashboard or API is enabled). */
const PING_PORT = 8080;
const ANNOTATION_PREFIX = 'traefik.ingress.kubernetes.io/';
/** Request duration histogram buckets in seconds, the same as ingress-nginx's defaults. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Where the file provider reads the dynamic configuration of a public-web gateway (a ConfigMap). */
const DYNAMIC_CONFIG_DIR = '/etc/traefik/dynamic';
/** The headers middleware that adds Strict-Transport-Security, defined in that file. */
const HSTS_MIDDLEWARE = 'public-web-hsts';
/** The edge middlewares (client allowlist, per-client rate limit), defined in the same file-provider ConfigMap. */
const ALLOWLIST_MIDDLEWARE = 'edge-allowlist';
const RATE_LIMIT_MIDDLEWARE = 'edge-rate-limit';

/** Options for the Traefik controller profile. */
export interface TraefikProps {
  /**
   * Controller image, pinned by tag (and ideally digest).
   * @default - docker.io/traefik:v3.7.11 with its digest
   */
  readonly image?: string;
  /**
   * Redirect every plain HTTP request to HTTPS (permanently) at the `web` entry point. Traefik can not redirect
   * per route without a Middleware, so routes may set `sslRedirect: true` only when this is on, and
   * `sslRedirect: false` only when it is off (CG-GATEWAY-003 reports the others).
   * @default false
   */
  readonly redirectToHttps?: boolean;
  /**
   * On a Gateway API gateway: turn on Traefik's CRD provider, so route options become `Middleware` objects referenced
   * by `ExtensionRef` filters (allowlists, rate limits). It needs every Traefik CRD installed in the cluster and
   * list/watch on them; without it those options are reported as unsupported (CG-GATEWAY-003).
   * @default true
   */
  readonly gatewayApiMiddlewares?: boolean;
}

/**
 * Traefik Proxy v3 with its Kubernetes Ingress provider (no dashboard); on a Gateway API gateway also its Gateway
 * provider (and the CRD provider for Middleware filters), next to the Ingress provider, so one Traefik serves both
 * APIs during a migration.
 *
 * Each gateway runs its own Traefik, bound to its class with `--providers.kubernetesingress.ingressclass`.
 * Entry points listen on unprivileged ports (web 8000, websecure 8443, traefik 8080, metrics 9100),
 * so the container drops every capability and runs with a read-only root filesystem.
 */
export class TraefikController implements IIngressController {
  public readonly name = 'traefik';
  public readonly selfHosted?: boolean = true;
  /** The Traefik deployments of this profile, by `<namespace>/<class>`, for the Gateway API implementation. */
  private readonly instances = new Map<string, TraefikInstance>();
  /** Traefik's Gateway provider, served by the deployment `deploy` makes with `routingApi` GATEWAY_API or INGRESS_AND_GATEWAY_API. */
  public readonly gatewayApi?: IGatewayApiImplementation;

  /**
   * @param props the profile's options
   * @param hardening public-web hardening (set by `hardenForPublicWeb`)
   * @param edge edge settings (set by `configureEdge`)
   */
  constructor(private readonly props: TraefikProps = {}, private readonly hardening?: PublicWebHardening, private readonly edge?: EdgeSettings) {
    this.gatewayApi = new TraefikGatewayApi(props.redirectToHttps ?? false, this.middlewaresOn(), (namespace, className) => this.instances.get(`${namespace}/${className}`),
      edge?.trustedProxyCidrs);
  }

  /**
   * Redirects at the `web` entry point (`redirectToHttps`); HSTS comes from a headers middleware in a file-provider
   * ConfigMap that the `websecure` entry point applies to every router (no Traefik CRDs needed); the timeouts are
   * the default servers transport's `dialTimeout` and `responseHeaderTimeout`. Not applied: the body size limit
   * (Traefik has one only in its Buffering middleware, which holds whole requests and responses and breaks
   * streaming), and a send timeout (Traefik has none).
   */
  public hardenForPublicWeb(hardening: PublicWebHardening): HardenedController {
    return {
      controller: new TraefikController({ ...this.props, redirectToHttps: true }, hardening, this.edge),
      unsupported: ['maxRequestBodySize', ...(hardening.sendTimeout ? ['sendTimeout'] : [])],
    };
  }

  /**
   * The allowlist (`ipAllowList`) and the per-client rate limit (`rateLimit`, keyed by the client address) are
   * middlewares in a file-provider ConfigMap that both entry points apply to every router; the timeouts are the
   * default servers transport's `dialTimeout` and `responseHeaderTimeout` (a public-web gateway's own timeouts win);
   * trusted proxies are the entry points' `forwardedHeaders.trustedIPs` (without them Traefik already ignores
   * client-supplied `X-Forwarded-*` headers). Not applied: the body size limit and a send timeout (see `hardenForPublicWeb`).
   */
  public configureEdge(settings: EdgeSettings): EdgeConfiguredController {
    return {
      controller: new TraefikController(this.props, this.hardening, settings),
      unsupported: [...(settings.maxRequestBodySize ? ['maxRequestBodySize'] : []), ...(settings.sendTimeout ? ['sendTimeout'] : [])],
    };
  }

  /** The `spec.controller` value: the same for every Traefik instance, which select their class by name. */
  public controllerValue(): string {
    return TRAEFIK_CONTROLLER_VALUE;
  }

  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    const name = controllerObjectName(instanceNameOf(options));
    const hardening = this.hardening;
    const edge = this.edge;
    const dynamicConfigName = `${name}-dynamic`;
    const edgeMiddlewares = [
      ...(edge?.clientAllowlist?.length ? [ALLOWLIST_MIDDLEWARE] : []),
      ...(edge?.rateLimitPerSecond !== undefined ? [RATE_LIMIT_MIDDLEWARE] : []),
    ];
    const fileProvider = hardening !== undefined || edgeMiddlewares.length > 0;
    const websecureMiddlewares = [...(hardening ? [HSTS_MIDDLEWARE] : []), ...edgeMiddlewares].map((m) => `${m}@file`).join(',');
    const trusted = edge?.trustedProxyCidrs?.length ? edge.trustedProxyCidrs.join(',') : undefined;
    const instanceName = instanceNameOf(options);
    const gatewayApi = options.routingApi === RoutingApi.GATEWAY_API || options.routingApi === RoutingApi.INGRESS_AND_GATEWAY_API;
    const middlewares = gatewayApi && this.middlewaresOn();
    const workload = new ControllerWorkload(scope, 'Traefik', options, {
      appName: 'traefik',
      image: this.props.image ?? TRAEFIK_IMAGE,
      version: FACTS.version,
      args: [
        '--global.checkNewVersion=false',
        '--global.sendAnonymousUsage=false',
        '--entryPoints.web.address=:8000/tcp',
        '--entryPoints.websecure.address=:8443/tcp',
        `--entryPoints.traefik.address=:${PING_PORT}/tcp`,
        '--entryPoints.metrics.address=:9100/tcp',
        '--entryPoints.websecure.http.tls=true',
        ...(this.props.redirectToHttps ? [
          // The Service publishes websecure on 443; redirecting to the entry point by name would send clients to :8443.
          '--entryPoints.web.http.redirections.entryPoint.to=:443',
          '--entryPoints.web.http.redirections.entryPoint.scheme=https',
          '--entryPoints.web.http.redirections.entryPoint.permanent=true',
        ] : []),
        '--ping=true',
        '--metrics.prometheus=true',
        '--metrics.prometheus.entrypoint=metrics',
        // Router series give per-host numbers (a router is one host and path of one Ingress); the default buckets
        // (0.1, 0.3, 1.2, 5) are too coarse for a p99 alert.
        '--metrics.prometheus.addRoutersLabels=true',
        `--metrics.prometheus.buckets=${LATENCY_BUCKETS.join(',')}`,
        // JSON access logs on stdout. Traefik's field names are fixed (see the README's log fields table); request
        // headers are dropped except the two that ingress-nginx logs too, so no credentials reach the logs.
        '--accesslog=true',
        '--accesslog.format=json',
        '--accesslog.fields.defaultmode=keep',
        '--accesslog.fields.headers.defaultmode=drop',
        '--accesslog.fields.headers.names.User-Agent=keep',
        '--accesslog.fields.headers.names.X-Request-Id=keep',
        '--providers.kubernetesingress=true',
        `--providers.kubernetesingress.ingressclass=${options.className}`,
        `--providers.kubernetesingress.ingressendpoint.publishedservice=${options.namespace}/${name}`,
        // Keeps the route of a backend without ready endpoints, so clients get 503 rather than 404 (as the official chart does).
        '--providers.kubernetesingress.allowEmptyServices=true',
        ...(gatewayApi ? [
          '--providers.kubernetesgateway=true',
          // Only GatewayClasses labelled for this instance: every Traefik claims the same controllerName (facts: gatewayClassSelection).
          `--providers.kubernetesgateway.labelselector=${Object.entries(traefikGatewayClassLabels(instanceName)).map(([k, v]) => `${k}=${v}`).join(',')}`,
          // Gateway status addresses are the client Service's load balancer addresses.
          `--providers.kubernetesgateway.statusaddress.service.name=${name}`,
          `--providers.kubernetesgateway.statusaddress.service.namespace=${options.namespace}`,
        ] : []),
        ...(middlewares ? [
          // Registers the Middleware filter builder with the Gateway provider (facts: middlewareFilter). IngressRoutes are served
          // only when annotated with this class, and Middlewares resolve only in the referrer's namespace (allowCrossNamespace off).
          '--providers.kubernetescrd=true',
          `--providers.kubernetescrd.ingressclass=${options.className}`,
        ] : []),
        ...(fileProvider ? [
          `--providers.file.directory=${DYNAMIC_CONFIG_DIR}`,
          '--providers.file.watch=true',
          `--entryPoints.websecure.http.middlewares=${websecureMiddlewares}`,
          ...(edgeMiddlewares.length ? [`--entryPoints.web.http.middlewares=${edgeMiddlewares.map((m) => `${m}@file`).join(',')}`] : []),
        ] : []),
        ...(hardening ? [
          `--serversTransport.forwardingTimeouts.dialTimeout=${hardening.connectTimeout.toSeconds()}s`,
          `--serversTransport.forwardingTimeouts.responseHeaderTimeout=${hardening.readTimeout.toSeconds()}s`,
        ] : [
          ...(edge?.connectTimeout ? [`--serversTransport.forwardingTimeouts.dialTimeout=${edge.connectTimeout.toSeconds()}s`] : []),
          ...(edge?.readTimeout ? [`--serversTransport.forwardingTimeouts.responseHeaderTimeout=${edge.readTimeout.toSeconds()}s`] : []),
        ]),
        ...(trusted ? [`--entryPoints.web.forwardedHeaders.trustedIPs=${trusted}`, `--entryPoints.websecure.forwardedHeaders.trustedIPs=${trusted}`] : []),
      ],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
      ],
      ports: [
        { name: 'web', containerPort: 8000, servicePort: 80, appProtocol: 'http' },
        { name: 'websecure', containerPort: 8443, servicePort: 443, appProtocol: 'https' },
        // Probes only; not published on the client Service.
        { name: 'traefik', containerPort: PING_PORT },
      ],
      metricsPort: { name: 'metrics', containerPort: 9100 },
      readinessProbe: httpGetProbe('/ping', PING_PORT, { initialDelaySeconds: 2, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 1 }),
      livenessProbe: httpGetProbe('/ping', PING_PORT, { initialDelaySeconds: 2, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }),
      terminationGracePeriodSeconds: 60,
      podSecurityContext: {
        runAsNonRoot: true,
        runAsUser: FACTS.uid,
        runAsGroup: FACTS.gid,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containerSecurityContext: {
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        // Traefik writes only to /data and /tmp, which are emptyDir volumes.
        readOnlyRootFilesystem: true,
      },
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'tmp', emptyDir: {} },
        ...(fileProvider ? [{ name: 'dynamic', configMap: { name: dynamicConfigName } }] : []),
      ],
      volumeMounts: [
        { name: 'data', mountPath: '/data' },
        { name: 'tmp', mountPath: '/tmp' },
        ...(fileProvider ? [{ name: 'dynamic', mountPath: DYNAMIC_CONFIG_DIR, readOnly: true }] : []),
      ],
      defaultResources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(512) },
      },
      // Exactly what the enabled providers read and write (facts/traefik-3.7.11.ts, facts/gateway-api-traefik-3.7.11.ts).
      clusterRules: policyRules(traefikClusterRbac(gatewayApi, middlewares)),
      // No leader election and no namespaced state: no Role.
      namespaceRules: policyRules(FACTS.namespaceRbac),
    });
    if (fileProvider) {
      new k8s.KubeConfigMap(workload, 'DynamicConfig', {
        metadata: { name: dynamicConfigName, namespace: options.namespace, labels: workload.labels },
        data: {
          ...(hardening ? { 'public-web.yaml': publicWebDynamicConfig(hardening) } : {}),
          ...(edge && edgeMiddlewares.length ? { 'edge.yaml': edgeDynamicConfig(edge) } : {}),
        },
      });
    }
    if (gatewayApi) this.instances.set(`${options.namespace}/${options.className}`, { instanceName, podLabels: workload.selectorLabels });
    return {
      controllerValue: TRAEFIK_CONTROLLER_VALUE, podLabels: workload.selectorLabels, serviceName: workload.serviceName, metrics: workload.metrics,
    };
  }

  private middlewaresOn(): boolean {
    return this.props.gatewayApiMiddlewares ?? true;
  }

  public translateRouteOptions(options: RouteOptions, _target?: IngressRouteTarget): RouteOptionsTranslation {
    return { annotations: this.routeAnnotations(options), unsupported: this.unsupportedRouteOptions(options) };
  }

  private routeAnnotations(options: RouteOptions): { [key: string]: string } {
    const a: { [key: string]: string } = {};
    if (options.sslRedirect === true && this.props.redirectToHttps) {
      // HTTP is redirected at the entry point; the route itself is served on websecure only, with TLS.
      a[`${ANNOTATION_PREFIX}router.entrypoints`] = 'websecure';
      a[`${ANNOTATION_PREFIX}router.tls`] = 'true';
    }
    return a;
  }

  /**
   * Body size, rate limits, source ranges and timeouts need Traefik Middleware or ServersTransport objects (CRDs),
   * and the backend scheme is read from the backend Service, so a route can not set them with Ingress annotations.
   */
  private unsupportedRouteOptions(options: RouteOptions): string[] {
    const redirect = this.props.redirectToHttps ?? false;
    return setOptionNames(options).filter((key) => {
      switch (key) {
        case 'sslRedirect': return options.sslRedirect !== redirect;
        case 'backendProtocol': return options.backendProtocol !== BackendProtocol.HTTP;
        // A ServersTransport named on the backend Service, not on the Ingress (facts: backendCertificateVerification).
        case 'backendCertificateAuthority':
        case 'backendTlsHostname': return !verifiesBackendCertificates(FACTS.backendCertificateVerification);
        default: return true;
      }
    });
  }
}

/**
 * The cluster grants of the enabled providers: the Ingress provider's, plus the Gateway provider's and the CRD
 * provider's when they are on. A grant two providers need is listed once.
 */
function traefikClusterRbac(gatewayApi: boolean, middlewares: boolean): RbacNeed[] {
  const needs = [
    ...FACTS.clusterRbac,
    ...(gatewayApi ? TRAEFIK_3_7_11_GATEWAY_API.clusterRbac : []),
    ...(middlewares ? TRAEFIK_3_7_11_GATEWAY_API.crdProviderRbac : []),
  ];
  const seen = new Set<string>();
  return needs.filter((need) => {
    const key = JSON.stringify([need.apiGroups, need.resources, need.verbs]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The file provider's dynamic configuration of a public-web gateway: the HSTS headers middleware. */
function publicWebDynamicConfig(h: PublicWebHardening): string {
  return stringify({
    http: {
      middlewares: {
        [HSTS_MIDDLEWARE]: {
          headers: { stsSeconds: h.hstsMaxAge.toSeconds(), stsIncludeSubdomains: h.hstsIncludeSubdomains, stsPreload: h.hstsPreload },
        },
      },
    },
  });
}

/** The file provider's dynamic configuration of edge settings: the allowlist and rate limit middlewares. */
function edgeDynamicConfig(e: EdgeSettings): string {
  const middlewares: { [name: string]: unknown } = {};
  if (e.clientAllowlist?.length) middlewares[ALLOWLIST_MIDDLEWARE] = { ipAllowList: { sourceRange: [...e.clientAllowlist] } };
  if (e.rateLimitPerSecond !== undefined) {
    // Keyed by the client address (the default source criterion); bursts of up to one second's worth are accepted.
    middlewares[RATE_LIMIT_MIDDLEWARE] = { rateLimit: { average: e.rateLimitPerSecond, period: '1s', burst: e.rateLimitPerSecond } };
  }
  return stringify({ http: { middlewares } });
}
