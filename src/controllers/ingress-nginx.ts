import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ControllerDeployment, ControllerDeployOptions, EdgeConfiguredController, EdgeSettings, HardenedController, IIngressController, PublicWebHardening,
} from './controller-profile';
import { ControllerWorkload, httpGetProbe, controllerObjectName, instanceNameOf, sortKeys } from './controller-workload';
import { policyRules } from './facts/controller-facts';
import { INGRESS_NGINX_1_15_1 } from './facts/ingress-nginx-1.15.1';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { checkMapProp } from '../core/input/prop-checks';
import { checkConfigMapKey } from '../core/validation';
import { defaultBackendTlsHostname } from '../routing/backend-certificate-authority';
import { BackendProtocol, RouteOptions } from '../routing/route-options';

/** The last upstream release (controller-v1.15.1, March 2026), pinned by tag and digest. */
export const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.15.1@sha256:594ceea76b01c592858f803f9ff4d2cb40542cae2060410b2c95f75907d659e1';
/** What the pinned version needs, read from its source; the workload below is built from it. */
const FACTS = INGRESS_NGINX_1_15_1;
const HEALTH_PORT = FACTS.ports.metrics.port;
const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';
/** Polaris' per-check exemption (`polaris.fairwinds.com/<check>-exempt`, pkg/validator/schema.go). */
const POLARIS_CONFIGMAP_EXEMPTION = 'polaris.fairwinds.com/sensitiveConfigmapContent-exempt';

/** ingress-nginx rejects annotations riskier than this level. */
export enum AnnotationsRiskLevel {
  LOW = 'Low',
  MEDIUM = 'Medium',
  /** Rejects Critical annotations (snippets). The upstream default. */
  HIGH = 'High',
}

/** Options for the ingress-nginx controller profile. */
export interface IngressNginxProps {
  /**
   * Controller image, pinned by tag (and ideally digest).
   * @default - registry.k8s.io/ingress-nginx/controller:v1.15.1 with its digest
   */
  readonly image?: string;
  /**
   * Highest annotation risk level the controller accepts.
   * @default AnnotationsRiskLevel.HIGH
   */
  readonly annotationsRiskLevel?: AnnotationsRiskLevel;
  /**
   * Extra controller ConfigMap entries; they override the defaults this profile sets.
   * @default - none
   */
  readonly config?: { [key: string]: string };
}

/** Access log line as one JSON object, so log pipelines need no parsing rules. */
const JSON_ACCESS_LOG = JSON.stringify({
  time: '$time_iso8601',
  remote_addr: '$remote_addr',
  request_id: '$req_id',
  host: '$host',
  method: '$request_method',
  uri: '$request_uri',
  protocol: '$server_protocol',
  status: '$status',
  bytes_sent: '$bytes_sent',
  request_time: '$request_time',
  upstream: '$proxy_upstream_name',
  upstream_addr: '$upstream_addr',
  upstream_status: '$upstream_status',
  upstream_response_time: '$upstream_response_time',
  user_agent: '$http_user_agent',
});

/**
 * The ingress-nginx controller (kubernetes/ingress-nginx).
 *
 * Retired upstream in March 2026: it still synthesizes, and every synth warns (CG-CONTROLLER-003).
 * The validating admission webhook is deliberately not deployed; see the README.
 */
export class IngressNginxController implements IIngressController {
  public readonly name = 'ingress-nginx';

  /**
   * @param props the profile's options
   * @param hardening public-web hardening written into the controller ConfigMap (set by `hardenForPublicWeb`)
   * @param edge edge settings (set by `configureEdge`)
   */
  constructor(
    private readonly props: IngressNginxProps = {},
    private readonly hardening?: PublicWebHardening,
    private readonly edge?: EdgeSettings,
  ) {}

  /**
   * ingress-nginx applies all of it in its ConfigMap: `ssl-redirect` and `force-ssl-redirect` (308 to HTTPS, except
   * for `/.well-known/acme-challenge`), `hsts*`, `proxy-body-size` and the `proxy-*-timeout` keys. Route options
   * still override the limits per route. `config` entries override these.
   */
  public hardenForPublicWeb(hardening: PublicWebHardening): HardenedController {
    return { controller: new IngressNginxController(this.props, hardening, this.edge), unsupported: [] };
  }

  /**
   * ingress-nginx applies every edge setting: the allowlist (`whitelist-source-range`), request limits and client
   * address handling (`use-forwarded-headers`, `proxy-real-ip-cidr`) in its ConfigMap, and the per-client rate limit as
   * a `limit-rps` annotation on every route (a route's own `rateLimitPerSecond` replaces it; 429 beyond it).
   * `config` entries override these.
   */
  public configureEdge(settings: EdgeSettings): EdgeConfiguredController {
    return { controller: new IngressNginxController(this.props, this.hardening, settings), unsupported: [] };
  }

  /** The `spec.controller` value for a class: unique per gateway, so two nginx gateways never claim each other's Ingresses. */
  public controllerValue(className: string): string {
    return `k8s.io/ingress-nginx/${className}`;
  }

  /** The leader-election Lease name: unique per gateway. */
  public electionId(className: string): string {
    return `${className}-ingress-nginx-leader`;
  }

  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    const name = controllerObjectName(instanceNameOf(options));
    const controllerValue = this.controllerValue(options.className);
    const electionId = this.electionId(options.className);

    const workload = new ControllerWorkload(scope, 'IngressNginx', options, {
      appName: 'ingress-nginx',
      image: this.props.image ?? INGRESS_NGINX_IMAGE,
      version: FACTS.version,
      args: [
        '/nginx-ingress-controller',
        `--publish-service=$(POD_NAMESPACE)/${name}`,
        `--election-id=${electionId}`,
        `--controller-class=${controllerValue}`,
        `--ingress-class=${options.className}`,
        `--configmap=$(POD_NAMESPACE)/${name}`,
        '--enable-metrics=true',
        ...(options.defaultClass ? ['--watch-ingress-without-class=true'] : []),
      ],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
      ],
      ports: [
        { name: 'http', containerPort: FACTS.ports.http.port, servicePort: 80, appProtocol: 'http' },
        { name: 'https', containerPort: FACTS.ports.https.port, servicePort: 443, appProtocol: 'https' },
      ],
      metricsPort: { name: 'metrics', containerPort: HEALTH_PORT },
      livenessProbe: httpGetProbe(
        FACTS.probes.liveness.path, HEALTH_PORT, { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 5 },
      ),
      readinessProbe: httpGetProbe(
        FACTS.probes.readiness.path, HEALTH_PORT, { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
      ),
      // Lets in-flight requests finish before nginx stops.
      lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
      terminationGracePeriodSeconds: 300,
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containerSecurityContext: {
        runAsNonRoot: true,
        runAsUser: FACTS.uid,
        runAsGroup: FACTS.gid,
        allowPrivilegeEscalation: false,
        // nginx binds 80 and 443 as a non-root user (file capabilities on the controller, nginx and dumb-init).
        capabilities: { drop: ['ALL'], add: [...FACTS.capabilities] },
        // The controller rewrites /etc/nginx/nginx.conf at run time, so the root filesystem must stay writable.
        readOnlyRootFilesystem: false,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      defaultResources: {
        cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(512) },
      },
      // Upstream's ClusterRole and Role (facts/ingress-nginx-1.15.1.ts); the Lease rule names exactly the --election-id,
      // so the controller can take no other lock.
      clusterRules: policyRules(FACTS.clusterRbac),
      namespaceRules: policyRules(FACTS.namespaceRbac, electionId),
    });

    new k8s.KubeConfigMap(workload, 'ConfigMap', {
      metadata: {
        name,
        namespace: options.namespace,
        labels: workload.labels,
        // Polaris' sensitiveConfigmapContent (danger) flags every key containing "token"; `server-tokens` only hides the
        // nginx version in the Server header. Polaris' annotation exempts this check alone; Polaris takes no reason, so it
        // is recorded next to it.
        annotations: {
          [POLARIS_CONFIGMAP_EXEMPTION]: 'true',
          [`${POLARIS_CONFIGMAP_EXEMPTION}-reason`]: 'server-tokens hides the nginx version in the Server header; it holds no credential',
        },
      },
      data: sortKeys({
        'allow-snippet-annotations': 'false',
        'annotations-risk-level': this.props.annotationsRiskLevel ?? AnnotationsRiskLevel.HIGH,
        'strict-validate-path-type': 'true',
        'server-tokens': 'false',
        'log-format-escape-json': 'true',
        'log-format-upstream': JSON_ACCESS_LOG,
        ...(this.hardening ? publicWebConfig(this.hardening) : {}),
        ...(this.edge ? edgeConfig(this.edge) : {}),
        ...(checkMapProp(scope, 'controller.config', this.props.config, checkConfigMapKey, 'ConfigMap key') ?? {}),
      }),
    });

    const edgeRateLimit = this.edge?.rateLimitPerSecond;
    return {
      controllerValue,
      podLabels: workload.selectorLabels,
      serviceName: workload.serviceName,
      metrics: workload.metrics,
      // ingress-nginx limits requests per client only per Ingress: every route carries the default, which its own option replaces.
      ...(edgeRateLimit !== undefined ? { routeBinding: { annotations: { [`${ANNOTATION_PREFIX}limit-rps`]: String(edgeRateLimit) } } } : {}),
    };
  }

  /** ingress-nginx has an annotation for every route option; it verifies TLS backends only against a CA Secret. */
  public translateRouteOptions(options: RouteOptions, target?: IngressRouteTarget): RouteOptionsTranslation {
    const backendTls = backendCertificateAnnotations(options, target);
    return { annotations: { ...this.routeAnnotations(options), ...backendTls.annotations }, unsupported: backendTls.unsupported };
  }

  private routeAnnotations(options: RouteOptions): { [key: string]: string } {
    const a: { [key: string]: string } = {};
    if (options.sslRedirect !== undefined) a[`${ANNOTATION_PREFIX}ssl-redirect`] = String(options.sslRedirect);
    if (options.maxRequestBodySize) a[`${ANNOTATION_PREFIX}proxy-body-size`] = nginxSize(options.maxRequestBodySize);
    if (options.connectTimeout) a[`${ANNOTATION_PREFIX}proxy-connect-timeout`] = String(options.connectTimeout.toSeconds());
    if (options.readTimeout) a[`${ANNOTATION_PREFIX}proxy-read-timeout`] = String(options.readTimeout.toSeconds());
    if (options.sendTimeout) a[`${ANNOTATION_PREFIX}proxy-send-timeout`] = String(options.sendTimeout.toSeconds());
    if (options.allowedSourceRanges?.length) a[`${ANNOTATION_PREFIX}whitelist-source-range`] = options.allowedSourceRanges.join(',');
    if (options.rateLimitPerSecond !== undefined) a[`${ANNOTATION_PREFIX}limit-rps`] = String(options.rateLimitPerSecond);
    if (options.backendProtocol && options.backendProtocol !== BackendProtocol.HTTP) a[`${ANNOTATION_PREFIX}backend-protocol`] = options.backendProtocol;
    if (options.clientCertificate) {
      const auth = options.clientCertificate;
      a[`${ANNOTATION_PREFIX}auth-tls-secret`] = `${auth.caSecretNamespace}/${auth.caSecretName}`;
      a[`${ANNOTATION_PREFIX}auth-tls-verify-client`] = 'on';
      a[`${ANNOTATION_PREFIX}auth-tls-verify-depth`] = String(auth.verifyDepth ?? 1);
    }
    return a;
  }
}

/**
 * The `proxy-ssl-*` annotations that make nginx verify a TLS backend against a CA Secret for a hostname, sent as SNI
 * too (facts: backendCertificateVerification). nginx verifies only with a CA file, so a ConfigMap or the system CAs
 * can not be named, and a hostname without a CA would be checked by nothing: those are reported.
 */
function backendCertificateAnnotations(options: RouteOptions, target: IngressRouteTarget | undefined): RouteOptionsTranslation {
  const authority = options.backendCertificateAuthority;
  const verification = INGRESS_NGINX_1_15_1.backendCertificateVerification!;
  const readable = authority?.objectName !== undefined && verification.caObject!.kinds.includes(authority.source);
  if (!readable || target === undefined) {
    const unsupported = (['backendCertificateAuthority', 'backendTlsHostname'] as const).filter((key) => options[key] !== undefined);
    return { annotations: {}, unsupported };
  }
  return {
    annotations: {
      // The Secret must be in the Ingress's namespace, which is the route's.
      [`${ANNOTATION_PREFIX}proxy-ssl-secret`]: `${target.namespace}/${authority.objectName}`,
      [`${ANNOTATION_PREFIX}proxy-ssl-verify`]: 'on',
      [`${ANNOTATION_PREFIX}proxy-ssl-name`]: options.backendTlsHostname ?? defaultBackendTlsHostname(target.serviceName, target.namespace),
      [`${ANNOTATION_PREFIX}proxy-ssl-server-name`]: 'on',
    },
    unsupported: [],
  };
}

/** The ConfigMap entries of a public-web gateway. */
function publicWebConfig(h: PublicWebHardening): { [key: string]: string } {
  return {
    'ssl-redirect': 'true',
    // Also redirects Ingresses without TLS (CG-TLS-011 reports them); ACME HTTP-01 paths stay on HTTP (no-tls-redirect-locations).
    'force-ssl-redirect': 'true',
    'hsts': 'true',
    'hsts-max-age': String(h.hstsMaxAge.toSeconds()),
    'hsts-include-subdomains': String(h.hstsIncludeSubdomains),
    'hsts-preload': String(h.hstsPreload),
    'proxy-body-size': nginxSize(h.maxRequestBodySize),
    'proxy-connect-timeout': String(h.connectTimeout.toSeconds()),
    'proxy-read-timeout': String(h.readTimeout.toSeconds()),
    ...(h.sendTimeout ? { 'proxy-send-timeout': String(h.sendTimeout.toSeconds()) } : {}),
  };
}

/** The ConfigMap entries of edge settings. */
function edgeConfig(e: EdgeSettings): { [key: string]: string } {
  const c: { [key: string]: string } = {};
  if (e.clientAllowlist?.length) c['whitelist-source-range'] = e.clientAllowlist.join(',');
  if (e.rateLimitPerSecond !== undefined) c['limit-req-status-code'] = '429';
  if (e.maxRequestBodySize) c['proxy-body-size'] = nginxSize(e.maxRequestBodySize);
  if (e.connectTimeout) c['proxy-connect-timeout'] = String(e.connectTimeout.toSeconds());
  if (e.readTimeout) c['proxy-read-timeout'] = String(e.readTimeout.toSeconds());
  if (e.sendTimeout) c['proxy-send-timeout'] = String(e.sendTimeout.toSeconds());
  if (e.trustedProxyCidrs?.length) {
    // The real client address is taken from X-Forwarded-For only on connections from these proxies, and appended to upstream.
    c['use-forwarded-headers'] = 'true';
    c['compute-full-forwarded-for'] = 'true';
    c['proxy-real-ip-cidr'] = e.trustedProxyCidrs.join(',');
  } else {
    // Client-supplied X-Forwarded-* headers are ignored; upstreams get the connection's source address.
    c['use-forwarded-headers'] = 'false';
  }
  return c;
}

/** An nginx size: whole mebibytes as "8m", otherwise kibibytes ("1536k"). */
function nginxSize(size: Size): string {
  const kib = size.toKibibytes();
  return kib % 1024 === 0 ? `${kib / 1024}m` : `${kib}k`;
}
