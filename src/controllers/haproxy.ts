import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { setOptionNames } from './cloud-managed';
import {
  ControllerDeployment, ControllerDeployOptions, EdgeConfiguredController, EdgeSettings, HardenedController, IIngressController, PublicWebHardening,
} from './controller-profile';
import { ControllerWorkload, httpGetProbe, controllerObjectName, instanceNameOf, sortKeys } from './controller-workload';
import { policyRules, verifiesBackendCertificates } from './facts/controller-facts';
import { HAPROXY_3_2_12 } from './facts/haproxy-3.2.12';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { checkMapProp } from '../core/input/prop-checks';
import { checkConfigMapKey } from '../core/validation';
import { BackendProtocol, RouteOptions } from '../routing/route-options';

/** HAProxy Kubernetes Ingress Controller 3.2.12, pinned by tag. */
export const HAPROXY_IMAGE = 'docker.io/haproxytech/kubernetes-ingress:3.2.12';
/** What the pinned version needs, read from its source; the workload below is built from it. */
const FACTS = HAPROXY_3_2_12;
const HEALTHZ_PORT = FACTS.ports.healthz.port;
const ANNOTATION_PREFIX = 'haproxy.org/';
/**
 * HAProxy 3.2's JSON log encoding (`%{+json}o`: every named item becomes a key), with ingress-nginx's field names where
 * HAProxy has the same value. HAProxy's timers are milliseconds, so those fields say so. The host comes from the
 * `txn.base` variable (Host header + path) that the controller sets in its http and https frontends; request headers
 * such as User-Agent are not logged because HAProxy has released the request by the time it logs.
 */
export const HAPROXY_JSON_ACCESS_LOG = [
  '%{+json}o',
  '%(time)trg',
  '%(remote_addr)ci',
  '%(host)[var(txn.base),field(1,/)]',
  '%(method)HM',
  '%(uri)HU',
  '%(protocol)HV',
  '%(status)ST',
  '%(bytes_sent)B',
  '%(request_time_ms)Ta',
  '%(upstream)b',
  '%(upstream_addr)si',
  '%(upstream_port)sp',
  '%(upstream_response_time_ms)Tr',
  '%(frontend)f',
  '%(termination_state)ts',
].join(' ');

/** Options for the HAProxy Kubernetes Ingress Controller profile. */
export interface HaproxyProps {
  /**
   * Controller image, pinned by tag (and ideally digest).
   * @default - docker.io/haproxytech/kubernetes-ingress:3.2.12
   */
  readonly image?: string;
  /**
   * Extra controller ConfigMap entries; they override the defaults this profile sets.
   * @default - none
   */
  readonly config?: { [key: string]: string };
}

/**
 * The HAProxy Kubernetes Ingress Controller (haproxytech/kubernetes-ingress), Ingress resources only.
 *
 * Each gateway runs its own controller: `--ingress.class=<class>` pairs with the IngressClass controller
 * value `haproxy.org/ingress-controller/<class>`. HAProxy binds 8080/8443 (and 1024 stats, 1042 health, 6060
 * controller metrics). The container keeps `NET_BIND_SERVICE` all the same: the image's `haproxy_wrapper` carries
 * it as a file capability, and Linux refuses to exec it when the capability is not in the bounding set. No
 * `--default-ssl-certificate` is passed: TLS routes name their own secret (CG-INGRESS-009), and the controller gets
 * no right to write Secrets. RBAC, ports, probes, UID and capabilities come from the version's facts record
 * (`facts/haproxy-3.2.12.ts`).
 */
export class HaproxyController implements IIngressController {
  public readonly name = 'haproxy';
  public readonly selfHosted?: boolean = true;

  /**
   * @param props the profile's options
   * @param hardening public-web hardening written into the controller ConfigMap (set by `hardenForPublicWeb`)
   * @param edge edge settings (set by `configureEdge`)
   */
  constructor(private readonly props: HaproxyProps = {}, private readonly hardening?: PublicWebHardening, private readonly edge?: EdgeSettings) {}

  /**
   * Applied in the controller ConfigMap: `ssl-redirect` with `ssl-redirect-code: 301`, HSTS through
   * `response-set-header`, `timeout-connect` and `timeout-server`. Not applied: the body size limit (HAProxy's
   * Ingress controller has no setting for it), and a send timeout that differs from the read timeout (one
   * `timeout-server` covers both directions). `config` entries override these.
   */
  public hardenForPublicWeb(hardening: PublicWebHardening): HardenedController {
    const sendDiffers = hardening.sendTimeout !== undefined && hardening.sendTimeout.toMilliseconds() !== hardening.readTimeout.toMilliseconds();
    return {
      controller: new HaproxyController(this.props, hardening, this.edge),
      unsupported: ['maxRequestBodySize', ...(sendDiffers ? ['sendTimeout'] : [])],
    };
  }

  /**
   * Applied in the controller ConfigMap: `allow-list`, the per-client rate limit (`rate-limit-requests` per `1s`, 429),
   * `timeout-connect`, `timeout-server` and `forwarded-for` (X-Forwarded-For from the connection's address). Not applied:
   * the body size limit (no setting), a send timeout that differs from the read timeout (one `timeout-server`), and
   * trusted proxies (the controller can take the client address from a header, `src-ip-header`, but not only from
   * given proxies). `config` entries override these.
   */
  public configureEdge(settings: EdgeSettings): EdgeConfiguredController {
    const unsupported: string[] = [];
    if (settings.maxRequestBodySize) unsupported.push('maxRequestBodySize');
    const server = settings.readTimeout ?? settings.sendTimeout;
    if (settings.sendTimeout && server && server.toMilliseconds() !== settings.sendTimeout.toMilliseconds()) unsupported.push('sendTimeout');
    if (settings.trustedProxyCidrs?.length) unsupported.push('trustedProxyCidrs');
    return { controller: new HaproxyController(this.props, this.hardening, settings), unsupported };
  }

  /** The `spec.controller` value for a class: unique per gateway, paired with `--ingress.class=<class>`. */
  public controllerValue(className: string): string {
    return `haproxy.org/ingress-controller/${className}`;
  }

  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    const name = controllerObjectName(instanceNameOf(options));
    const controllerValue = this.controllerValue(options.className);
    const workload = new ControllerWorkload(scope, 'Haproxy', options, {
      appName: 'haproxy-ingress',
      image: this.props.image ?? HAPROXY_IMAGE,
      version: FACTS.version,
      args: [
        `--configmap=${options.namespace}/${name}`,
        `--publish-service=${options.namespace}/${name}`,
        '--http-bind-port=8080',
        '--https-bind-port=8443',
        `--ingress.class=${options.className}`,
        '--prometheus',
        ...(options.defaultClass ? ['--empty-ingress-class'] : []),
      ],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      ],
      ports: [
        { name: 'http', containerPort: FACTS.ports.http.port, servicePort: 80, appProtocol: 'http' },
        { name: 'https', containerPort: FACTS.ports.https.port, servicePort: 443, appProtocol: 'https' },
        // Probes only; not published on the client Service.
        { name: 'healthz', containerPort: HEALTHZ_PORT },
      ],
      // HAProxy's stats frontend, which serves the proxy's Prometheus metrics at /metrics.
      metricsPort: { name: 'stat', containerPort: FACTS.ports.stat.port },
      // The controller's own metrics (--prometheus: reloads, sync failures) at /metrics on its --controller-port.
      additionalMetricsPorts: [{ name: 'ctrl-metrics', containerPort: FACTS.ports['ctrl-metrics'].port }],
      livenessProbe: httpGetProbe(
        FACTS.probes.liveness.path, HEALTHZ_PORT, { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
      ),
      readinessProbe: httpGetProbe(
        FACTS.probes.readiness.path, HEALTHZ_PORT, { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
      ),
      // Up to 150 s for the first configuration load on a large cluster, without slowing the liveness probe afterwards.
      startupProbe: httpGetProbe(
        FACTS.probes.readiness.path, HEALTHZ_PORT, { initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 30 },
      ),
      terminationGracePeriodSeconds: 60,
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containerSecurityContext: {
        runAsNonRoot: true,
        runAsUser: FACTS.uid,
        runAsGroup: FACTS.gid,
        allowPrivilegeEscalation: false,
        // Every port is above 1023, but haproxy_wrapper carries cap_net_bind_service as a file capability: without it in the
        // bounding set exec fails and HAProxy never starts. Pod Security restricted allows adding exactly this one.
        capabilities: { drop: ['ALL'], add: [...FACTS.capabilities] },
        // The controller writes haproxy.cfg, maps, certificates and its runtime socket under /etc and /var at run time,
        // and upstream does not support a read-only root filesystem.
        readOnlyRootFilesystem: false,
      },
      defaultResources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(400), limit: Size.gibibytes(1) },
      },
      // What the binary lists, watches and writes (facts/haproxy-3.2.12.ts): narrower than upstream's ClusterRole, which also
      // grants nodes, events, serviceaccounts, apps, Secret writes, CRD get/update and custom resource updates.
      clusterRules: policyRules(FACTS.clusterRbac),
      // The ConfigMap and pod watchers are filtered to the controller's own namespace.
      namespaceRules: policyRules(FACTS.namespaceRbac),
    });

    new k8s.KubeConfigMap(workload, 'ConfigMap', {
      metadata: { name, namespace: options.namespace, labels: workload.labels },
      data: sortKeys({
        // Clients reach HTTPS on the Service's 443, not on the container's 8443.
        'ssl-redirect-port': '443',
        // Access logs as one JSON object per request on stdout (see HAPROXY_JSON_ACCESS_LOG); the default target is a syslog
        // server on 127.0.0.1 that the image does not run.
        'syslog-server': 'address:stdout, format:raw, facility:daemon',
        'log-format': HAPROXY_JSON_ACCESS_LOG,
        ...(this.hardening ? publicWebConfig(this.hardening) : {}),
        ...(this.edge ? edgeConfig(this.edge) : {}),
        ...(checkMapProp(scope, 'controller.config', this.props.config, checkConfigMapKey, 'ConfigMap key') ?? {}),
      }),
    });

    return { controllerValue, podLabels: workload.selectorLabels, serviceName: workload.serviceName, metrics: workload.metrics };
  }

  public translateRouteOptions(options: RouteOptions, _target?: IngressRouteTarget): RouteOptionsTranslation {
    return { annotations: this.routeAnnotations(options), unsupported: this.unsupportedRouteOptions(options) };
  }

  private routeAnnotations(options: RouteOptions): { [key: string]: string } {
    const a: { [key: string]: string } = {};
    if (options.sslRedirect !== undefined) a[`${ANNOTATION_PREFIX}ssl-redirect`] = String(options.sslRedirect);
    if (options.allowedSourceRanges?.length) a[`${ANNOTATION_PREFIX}allow-list`] = options.allowedSourceRanges.join(',');
    if (options.rateLimitPerSecond !== undefined) {
      // Counted per client address over one-second periods; 429 tells clients to slow down rather than that they are forbidden.
      a[`${ANNOTATION_PREFIX}rate-limit-requests`] = String(options.rateLimitPerSecond);
      a[`${ANNOTATION_PREFIX}rate-limit-period`] = '1s';
      a[`${ANNOTATION_PREFIX}rate-limit-status-code`] = '429';
    }
    const serverTimeout = options.readTimeout ?? options.sendTimeout;
    if (serverTimeout) a[`${ANNOTATION_PREFIX}timeout-server`] = `${serverTimeout.toSeconds()}s`;
    if (options.backendProtocol === BackendProtocol.HTTPS || options.backendProtocol === BackendProtocol.GRPCS) {
      a[`${ANNOTATION_PREFIX}server-ssl`] = 'true';
    }
    if (options.backendProtocol === BackendProtocol.GRPC || options.backendProtocol === BackendProtocol.GRPCS) {
      a[`${ANNOTATION_PREFIX}server-proto`] = 'h2';
    }
    return a;
  }

  /**
   * HAProxy has no per-Ingress body size limit, and its connect timeout is global (ConfigMap only). Its one
   * server-side inactivity timeout covers both directions, so read and send timeouts must agree.
   */
  private unsupportedRouteOptions(options: RouteOptions): string[] {
    return setOptionNames(options).filter((key) => {
      switch (key) {
        case 'sslRedirect':
        case 'allowedSourceRanges':
        case 'rateLimitPerSecond':
        case 'readTimeout':
        case 'backendProtocol':
          return false;
        case 'sendTimeout':
          return options.readTimeout !== undefined && options.readTimeout.toMilliseconds() !== options.sendTimeout!.toMilliseconds();
        case 'backendCertificateAuthority':
        case 'backendTlsHostname':
          // server-ca reads tls.crt, not ca.crt, and no annotation checks the name (facts: backendCertificateVerification).
          return !verifiesBackendCertificates(FACTS.backendCertificateVerification);
        default:
          return true;
      }
    });
  }
}

/** The ConfigMap entries of a public-web gateway. */
function publicWebConfig(h: PublicWebHardening): { [key: string]: string } {
  const hsts = [`max-age=${h.hstsMaxAge.toSeconds()}`, ...(h.hstsIncludeSubdomains ? ['includeSubDomains'] : []), ...(h.hstsPreload ? ['preload'] : [])];
  return {
    'ssl-redirect': 'true',
    'ssl-redirect-code': '301',
    'response-set-header': `Strict-Transport-Security "${hsts.join('; ')}"`,
    'timeout-connect': `${h.connectTimeout.toSeconds()}s`,
    'timeout-server': `${h.readTimeout.toSeconds()}s`,
  };
}

/** The ConfigMap entries of edge settings (those HAProxy supports). */
function edgeConfig(e: EdgeSettings): { [key: string]: string } {
  const c: { [key: string]: string } = { 'forwarded-for': 'true' };
  if (e.clientAllowlist?.length) c['allow-list'] = e.clientAllowlist.join(', ');
  if (e.rateLimitPerSecond !== undefined) {
    c['rate-limit-requests'] = String(e.rateLimitPerSecond);
    c['rate-limit-period'] = '1s';
    c['rate-limit-status-code'] = '429';
  }
  if (e.connectTimeout) c['timeout-connect'] = `${e.connectTimeout.toSeconds()}s`;
  const server = e.readTimeout ?? e.sendTimeout;
  if (server) c['timeout-server'] = `${server.toSeconds()}s`;
  return c;
}
