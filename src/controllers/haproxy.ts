import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { setOptionNames } from './cloud-managed';
import {
  ControllerDeployment, ControllerDeployOptions, EdgeConfiguredController, EdgeSettings, HardenedController, IIngressController, PublicWebHardening,
} from './controller-profile';
import { ControllerWorkload, httpGetProbe, instanceNameOf, sortKeys } from './controller-workload';
import { checkConfigMapKey } from '../core/validation';
import { BackendProtocol, RouteOptions } from '../routing/route-options';
import { checkMapProp } from '../rules/input/prop-checks';

/** HAProxy Kubernetes Ingress Controller 3.2.12, pinned by tag. */
export const HAPROXY_IMAGE = 'docker.io/haproxytech/kubernetes-ingress:3.2.12';
const HAPROXY_VERSION = '3.2.12';
const HEALTHZ_PORT = 1042;
const STATS_PORT = 1024;
/** The controller's --controller-port (default 6060). */
const CONTROLLER_PORT = 6060;
const ANNOTATION_PREFIX = 'haproxy.org/';
const UID = 1000;

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
 * value `haproxy.org/ingress-controller/<class>`. HAProxy binds 8080/8443 (and 1024 stats, 1042 health),
 * so no capability is needed. No `--default-ssl-certificate` is passed: TLS routes name their own secret
 * (CG-INGRESS-009), and the controller gets no right to write Secrets.
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
    const name = `${instanceNameOf(options)}-controller`;
    const controllerValue = this.controllerValue(options.className);
    const workload = new ControllerWorkload(scope, 'Haproxy', options, {
      appName: 'haproxy-ingress',
      image: this.props.image ?? HAPROXY_IMAGE,
      version: HAPROXY_VERSION,
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
        { name: 'http', containerPort: 8080, servicePort: 80, appProtocol: 'http' },
        { name: 'https', containerPort: 8443, servicePort: 443, appProtocol: 'https' },
        // Probes only; not published on the client Service.
        { name: 'healthz', containerPort: HEALTHZ_PORT },
        // The controller's own metrics (--prometheus: reloads, sync failures) at /metrics on its --controller-port.
        { name: 'ctrl-metrics', containerPort: CONTROLLER_PORT },
      ],
      // HAProxy's stats frontend, which serves the proxy's Prometheus metrics at /metrics.
      metricsPort: { name: 'stat', containerPort: STATS_PORT },
      livenessProbe: httpGetProbe('/healthz', HEALTHZ_PORT, { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }),
      readinessProbe: httpGetProbe('/healthz', HEALTHZ_PORT, { initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 }),
      // Up to 150 s for the first configuration load on a large cluster, without slowing the liveness probe afterwards.
      startupProbe: httpGetProbe('/healthz', HEALTHZ_PORT, { initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 1, failureThreshold: 30 }),
      terminationGracePeriodSeconds: 60,
      podSecurityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containerSecurityContext: {
        runAsNonRoot: true,
        runAsUser: UID,
        runAsGroup: UID,
        allowPrivilegeEscalation: false,
        // Every port is above 1023, so unlike upstream (which binds 80/443) no NET_BIND_SERVICE is added.
        capabilities: { drop: ['ALL'] },
        // The controller writes haproxy.cfg, maps, certificates and its runtime socket under /etc and /var at run time,
        // and upstream does not support a read-only root filesystem.
        readOnlyRootFilesystem: false,
      },
      defaultResources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.millis(1000) },
        memory: { request: Size.mebibytes(400), limit: Size.gibibytes(1) },
      },
      // Upstream's ClusterRole, cut down to what Ingress handling needs; nothing here is wider than upstream.
      clusterRules: [
        // What the controller watches to build its configuration: its --configmap, backends (services, and endpoints where
        // EndpointSlices are missing), namespaces, nodes, and pods (its own and its peers'). Read-only, as upstream.
        // Dropped from upstream: events and serviceaccounts, which Ingress handling does not read.
        { apiGroups: [''], resources: ['configmaps', 'endpoints', 'nodes', 'pods', 'services', 'namespaces'], verbs: ['get', 'list', 'watch'] },
        // TLS secrets named by Ingresses. Upstream also grants create/patch/update for certificates the controller generates
        // itself; no such feature is enabled here.
        { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'ingressclasses'], verbs: ['get', 'list', 'watch'] },
        // Publishes the Service address on the Ingresses it serves.
        { apiGroups: ['networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
        // Dropped from upstream: the haproxy.org custom resources, customresourcedefinitions (get/list/watch/update) and
        // apps deployments/daemonsets (cluster-wide reads); the controller logs that the CRDs are unavailable and serves Ingresses.
      ],
      namespaceRules: [
        // Peer discovery finds the other replicas through their ReplicaSet; upstream grants this cluster-wide.
        { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get'] },
      ],
    });

    new k8s.KubeConfigMap(workload, 'ConfigMap', {
      metadata: { name, namespace: options.namespace, labels: workload.labels },
      data: sortKeys({
        // Clients reach HTTPS on the Service's 443, not on the container's 8443.
        'ssl-redirect-port': '443',
        ...(this.hardening ? publicWebConfig(this.hardening) : {}),
        ...(this.edge ? edgeConfig(this.edge) : {}),
        ...(checkMapProp(scope, 'controller.config', this.props.config, checkConfigMapKey, 'ConfigMap key') ?? {}),
      }),
    });

    return { controllerValue, podLabels: workload.selectorLabels, serviceName: workload.serviceName };
  }

  public routeAnnotations(options: RouteOptions): { [key: string]: string } {
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
  public unsupportedRouteOptions(options: RouteOptions): string[] {
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
