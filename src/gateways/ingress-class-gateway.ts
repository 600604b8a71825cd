import { ApiObject, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { deriveInstanceName } from './instance-name';
import { ControllerDeployment, IIngressController, RouteBinding } from '../controllers/controller-profile';
import { GatewayApiDeployment, GatewayApiGatewaySettings, GatewayApiGatewayTranslation } from '../controllers/gateway-api-implementation';
import { AppContext } from '../core/app-context';
import { GatewayExposure } from '../core/exposure';
import { IngressClassParameters } from '../core/ingress-class-parameters';
import { checkListProp, checkMapProp, checkProp } from '../core/input/prop-checks';
import { rejectInput, rejectInputs } from '../core/input/reject-input';
import { ANNOTATION_DEFAULT_CLASS, DEFAULT_MONITORING_NAMESPACE, LABEL_MANAGED_BY, MANAGED_BY } from '../core/manifest-contract';
import { RoutingApi } from '../core/routing-api';
import { checkCidr, checkDns1123Label, checkDns1123Subdomain, checkInteger, checkPathSegmentName, checkQualifiedName, checkWholeMebibytes } from '../core/validation';
import { GatewayMonitoring } from '../monitoring/gateway-monitoring';
import { GatewayMonitoringOptions } from '../monitoring/gateway-monitoring-options';
import { metricsProfileFor } from '../monitoring/profiles/metrics-profiles';
import { ApiServerAccess } from '../network/api-server-access';
import { allowGatewayToBackend } from '../network/backend-allowance';
import { checkedClientSources } from '../network/controller-network-policy';
import { namespacePeer } from '../network/peers';
import { GatewayApiBinding } from '../renderers/gateway-api/gateway-api-binding';
import { renderGateway, renderGatewayClass } from '../renderers/gateway-api/gateway-objects';
import { gatewayFrontendTls, renderGatewaySettings } from '../renderers/gateway-api/gateway-settings';
import { REDIRECT_LISTENER_NAME } from '../renderers/gateway-api/listener-names';
import { renderGatewayApiRoute } from '../renderers/gateway-api/route-renderer';
import { isTenantNamespace } from '../renderers/gateway-api/tenant-namespaces';
import { renderIngress } from '../renderers/ingress/ingress-renderer';
import { IGateway } from '../routing/gateway';
import { Route, RouteBaseProps } from '../routing/route';
import { ClientCertificateAuth, RouteOptions } from '../routing/route-options';
import { RouteTable } from '../routing/route-table';
import { RuleEngine } from '../rules/engine';

/** Props of an `IngressClassGateway`. */
export interface IngressClassGatewayProps {
  /** The IngressClass name routes bind to (`spec.ingressClassName`). */
  readonly className: string;
  /** The controller profile, for example `IngressController.nginx()`. */
  readonly controller: IIngressController;
  /**
   * Mark the class as the cluster default (`ingressclass.kubernetes.io/is-default-class`).
   * At most one gateway in an app may be the default.
   * @default false
   */
  readonly defaultClass?: boolean;
  /**
   * Namespace of the controller's objects.
   * @default `ingress-<className>`
   */
  readonly namespace?: string;
  /**
   * Create the namespace (with Pod Security Admission `restricted` labels). Set false when it already exists.
   * Cloud-managed controllers (`selfHosted: false`) run nothing in the cluster, so no namespace is created for them.
   * @default true
   */
  readonly createNamespace?: boolean;
  /**
   * Minimum controller replicas (the autoscaler minimum). Fewer than 2 fails synth (CG-CONTROLLER-001).
   * @default 2
   */
  readonly replicas?: number;
  /**
   * Maximum controller replicas for the autoscaler.
   * @default 10
   */
  readonly maxReplicas?: number;
  /**
   * Controller container requests and limits.
   * @default - the controller profile's defaults (ingress-nginx: 100m/128Mi requested, 1 CPU/512Mi limit)
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * How clients reach the controller. An `InternalApiGateway` accepts only an internal exposure (CG-GATEWAY-004).
   * @default - an `IngressClassGateway`, `PublicWebGateway` or `ApiGatewayEdge`: `GatewayExposure.publicLoadBalancer()`;
   * an `InternalApiGateway`: `GatewayExposure.internalLoadBalancer(provider, { sourceRanges: allowedSourceCidrs })`
   */
  readonly exposure?: GatewayExposure;
  /**
   * A controller-specific configuration object for the IngressClass (`spec.parameters`).
   * @default - none, or what the controller profile emits
   */
  readonly parameters?: IngressClassParameters;
  /**
   * Client CIDRs the controller's NetworkPolicy admits on its HTTP and HTTPS ports. The load balancer's own
   * `sourceRanges` are enforced by the load balancer and are not copied here: its health checks and in-cluster
   * clients come from other addresses.
   * @default - any address for a public exposure; for an internal one (internal load balancer, ClusterIP), the private ranges 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 and fc00::/7
   */
  readonly allowedSourceCidrs?: string[];
  /**
   * Namespace whose pods (Prometheus) may scrape the controller's metrics port.
   * @default 'monitoring'
   */
  readonly monitoringNamespace?: string;
  /**
   * How the controller reaches the Kubernetes API server, for its egress NetworkPolicy. There is no portable
   * selector for the API server, so the default allows TCP 443 and 6443 to any address; give its CIDRs with
   * `ApiServerAccess.fromCidrs` to narrow it.
   * @default ApiServerAccess.anyAddress()
   */
  readonly apiServerAccess?: ApiServerAccess;
  /**
   * ServiceMonitors, alerts and a Grafana dashboard for a self-hosted controller. They go with `monitoringNamespace`:
   * the alerts and ServiceMonitors assume the Prometheus that the controller's NetworkPolicy admits.
   * @default - everything on, with the defaults of `GatewayMonitoringOptions`
   */
  readonly monitoring?: GatewayMonitoringOptions;
  /**
   * Which API the gateway's routes are written in. `RoutingApi.GATEWAY_API` needs a profile with `gatewayApi`
   * (Traefik, Envoy Gateway, `IngressController.gatewayClass(...)`): the gateway then emits a GatewayClass (unless the
   * class exists in the cluster) and a Gateway named `className` instead of an IngressClass, and each route an
   * HTTPRoute (a GRPCRoute for gRPC backends). `RoutingApi.INGRESS_AND_GATEWAY_API` renders both, for a migration,
   * and needs a profile that serves both from one deployment (Traefik).
   * @default RoutingApi.INGRESS
   */
  readonly api?: RoutingApi;
  /**
   * Every HTTPS route of the gateway requires a client certificate that chains to this CA (a Secret with `ca.crt`).
   * On the Ingress API it is every TLS route's default `clientCertificate` option (a route's own wins), translated by
   * the controller profile; on the Gateway API the implementation applies it to every HTTPS listener (Envoy Gateway:
   * the standard `Gateway.spec.tls.frontend`, with a ReferenceGrant when the Secret is in another namespace). What
   * can not be applied is reported: per Ingress by CG-GATEWAY-003, on the Gateway by CG-GWAPI-012.
   * @default - no client certificate is required
   */
  readonly clientCertificate?: ClientCertificateAuth;
}

/** Pod Security Admission labels: the namespace only admits pods that meet the `restricted` profile. */
export const RESTRICTED_NAMESPACE_LABELS: { [key: string]: string } = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': 'v1.28',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/warn': 'restricted',
};

/**
 * One ingress controller and the IngressClass it serves.
 *
 * Generates the controller's namespace, ServiceAccount, least-privilege RBAC, Deployment, Service,
 * metrics Service, PodDisruptionBudget, HorizontalPodAutoscaler and the IngressClass. For a cloud-managed
 * controller (`selfHosted: false`) only the IngressClass and the objects its profile needs (for example AWS
 * IngressClassParams) are generated; GKE, which ignores IngressClass, gets none and its routes carry the class annotation.
 */
export class IngressClassGateway extends Construct implements IGateway {
  /** The IngressClass name. */
  public readonly className: string;
  /** Whether this is the default class. */
  public readonly defaultClass: boolean;
  /** Namespace of the controller. */
  public readonly namespace: string;
  /** The controller profile. */
  public readonly controller: IIngressController;
  /** The IngressClass `spec.controller` value. */
  public readonly controllerValue: string;
  /** Labels of the controller pods; undefined when the cloud runs the proxy. */
  public readonly controllerPodLabels?: { [key: string]: string };
  /** Labels of the proxy pods (the controller pods); undefined when the cloud runs the proxy. */
  public readonly proxyPodLabels?: { [key: string]: string };
  /** Namespace of the proxy pods: the controller's, or where the Gateway API implementation runs its proxies. */
  public readonly proxyNamespace: string;
  /** The proxy pods as a NetworkPolicy peer; undefined when the cloud runs the proxy or the class exists outside the app. */
  public readonly proxyPeer?: k8s.NetworkPolicyPeer;
  /** The controller's client-facing Service; undefined when the cloud runs the proxy. */
  public readonly serviceName?: string;
  /** How clients reach the controller. */
  public readonly exposure: GatewayExposure;
  /** Whether the controller runs in the cluster (false for cloud-managed controllers). */
  public readonly selfHosted: boolean;
  /** How routes bind to this gateway beyond `spec.ingressClassName`; undefined for the plain binding. */
  public readonly routeBinding?: RouteBinding;
  /** The IngressClass object; undefined for controllers that select Ingresses by annotation only (GKE) or whose installation owns it (AGIC add-on), and without the Ingress API. */
  public readonly ingressClass?: k8s.KubeIngressClass;
  /** Which API the routes are written in (`RoutingApi.INGRESS` when the requested one was rejected); always set. */
  public readonly api?: RoutingApi;
  /** The GatewayClass object; undefined without the Gateway API or when the class exists in the cluster. */
  public readonly gatewayClass?: ApiObject;
  /** The Gateway object; undefined without the Gateway API. */
  public readonly gatewayObject?: ApiObject;
  /** What the Gateway API implementation set up; undefined without the Gateway API. */
  public readonly gatewayApiDeployment?: GatewayApiDeployment;
  /** The CA every HTTPS route's clients must present a certificate from; undefined when none is required (or it was rejected). */
  public readonly clientCertificate?: ClientCertificateAuth;
  /** The implementation's answer for the gateway-wide settings, asked once when the app renders. */
  private gatewaySettingsTranslation?: GatewayApiGatewayTranslation;

  constructor(scope: Construct, id: string, props: IngressClassGatewayProps) {
    super(scope, id);
    RuleEngine.of(this);
    // An invalid class name is reported once here; everything derived from it uses a valid stand-in instead.
    const classNameValid = checkProp(this, 'className', props.className, checkDns1123Subdomain, 'IngressClass name');
    const instanceName = deriveInstanceName(props.className);
    this.className = classNameValid ? props.className : instanceName;
    this.defaultClass = props.defaultClass ?? false;
    const namespaceValid = checkProp(this, 'namespace', props.namespace, checkDns1123Label, 'namespace');
    this.namespace = (namespaceValid ? props.namespace : undefined) ?? `ingress-${instanceName}`;
    this.controller = props.controller;
    this.exposure = props.exposure ?? GatewayExposure.publicLoadBalancer();
    this.selfHosted = props.controller.selfHosted ?? true;
    const { replicas, maxReplicas } = checkedReplicas(this, props);
    checkExposure(this, this.exposure);
    const resources = checkResources(this, props.resources) ? props.resources : undefined;
    // A rejected namespace is reported once, here; the objects derived from it fall back to the default.
    const monitoringNamespace = checkProp(this, 'monitoringNamespace', props.monitoringNamespace, checkDns1123Label, 'monitoring namespace')
      ? props.monitoringNamespace : undefined;
    if (props.apiServerAccess) rejectInputs(this, props.apiServerAccess._rejected.map(([f, v, m]) => [`apiServerAccess.${f}`, v, m]));
    const parametersValid = checkParameters(this, props.parameters);
    this.clientCertificate = checkClientCertificate(this, props.clientCertificate) ? props.clientCertificate : undefined;
    this.api = checkedApi(this, props);
    const servesIngress = this.api !== RoutingApi.GATEWAY_API;
    const servesGatewayApi = this.api !== RoutingApi.INGRESS;

    if (!this.selfHosted) {
      // Ignored below: there are no controller pods to size.
      for (const [field, value] of [['replicas', props.replicas], ['maxReplicas', props.maxReplicas]] as const) {
        if (value !== undefined) {
          rejectInput(this, field, value, `${field} sizes controller pods, and ${props.controller.name} runs none in the cluster; leave it unset`);
        }
      }
    }
    // A Gateway lives in the gateway's namespace even when no controller pod runs there.
    if ((this.selfHosted || servesGatewayApi) && (props.createNamespace ?? true)) {
      new k8s.KubeNamespace(this, 'Namespace', {
        metadata: { name: this.namespace, labels: { ...RESTRICTED_NAMESPACE_LABELS, [LABEL_MANAGED_BY]: MANAGED_BY } },
      });
    }

    const deployment: ControllerDeployment = props.controller.deploy(this, {
      className: this.className,
      namespace: this.namespace,
      ...(instanceName !== this.className ? { instanceName } : {}),
      defaultClass: this.defaultClass,
      replicas,
      maxReplicas,
      resources,
      exposure: this.exposure,
      network: {
        clientSourceCidrs: props.allowedSourceCidrs === undefined ? undefined : checkedClientSources(this, props.allowedSourceCidrs),
        monitoringNamespace,
        apiServer: props.apiServerAccess,
      },
      ...(props.api !== undefined ? { routingApi: this.api } : {}),
    });
    this.controllerValue = deployment.controllerValue;
    this.controllerPodLabels = deployment.podLabels;
    this.proxyPodLabels = deployment.podLabels;
    this.proxyNamespace = this.namespace;
    if (servesGatewayApi) {
      this.gatewayApiDeployment = props.controller.gatewayApi!.deploy(this, {
        className: this.className, namespace: this.namespace, replicas, maxReplicas, resources, exposure: this.exposure,
      });
      // The proxies of the Gateway API implementation carry the traffic (Traefik: the controller pods themselves).
      this.proxyPodLabels = this.gatewayApiDeployment.proxyPodLabels;
      this.proxyNamespace = this.gatewayApiDeployment.proxyNamespace ?? this.namespace;
    }
    this.proxyPeer = this.proxyPodLabels ? namespacePeer(this.proxyNamespace, this.proxyPodLabels) : undefined;
    this.serviceName = deployment.serviceName;
    this.routeBinding = deployment.routeBinding;

    const parameters = (parametersValid ? props.parameters : undefined) ?? deployment.parameters;
    if (!servesIngress) {
      // No IngressClass: the Gateway below is what routes bind to.
    } else if (deployment.ingressClassOwnedByController) {
      // The installation's IngressClass: routes name it, and the rules know it exists outside the app.
      RuleEngine.of(this).declareExternalIngressClass(this.className);
      for (const [field, value] of [['parameters', props.parameters], ['defaultClass', props.defaultClass ? true : undefined]] as const) {
        if (value !== undefined) {
          rejectInput(this, field, value, `${props.controller.name}'s installation owns the IngressClass, so the gateway can not set its ${field}; leave it unset`);
        }
      }
    } else if (this.routeBinding?.classAnnotation === undefined) {
      const annotations = { ...(deployment.ingressClassAnnotations ?? {}), ...(this.defaultClass ? { [ANNOTATION_DEFAULT_CLASS]: 'true' } : {}) };
      this.ingressClass = new k8s.KubeIngressClass(this, 'Resource', {
        metadata: {
          name: this.className,
          labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
          annotations: Object.keys(annotations).length ? annotations : undefined,
        },
        spec: {
          controller: this.controllerValue,
          parameters: parameters ? {
            apiGroup: parameters.apiGroup,
            kind: parameters.kind,
            name: parameters.name,
            scope: parameters.scope,
            namespace: parameters.namespace,
          } : undefined,
        },
      });
    } else if (props.parameters) {
      // The controller ignores IngressClass objects (routes carry the class annotation), so there is nothing to parameterize.
      rejectInput(this, 'parameters', props.parameters,
        `${props.controller.name} reads no IngressClass, so the gateway can not take parameters; leave it unset`);
    }

    if (this.gatewayApiDeployment) {
      const binding = this.gatewayApiBinding();
      if (this.gatewayApiDeployment.emitsGatewayClass) this.gatewayClass = renderGatewayClass(this, this.className, binding);
      this.gatewayObject = renderGateway(this, this.gatewayApiDeployment.gatewayClassName ?? this.className, binding, () => this.routes,
        () => gatewayFrontendTls(this.gatewaySettings()));
      // Rendered with the routes: a preset's gateway-wide settings are known only once its constructor has returned.
      const gatewayObject = this.gatewayObject;
      let rendered = false;
      AppContext.of(this).onRender(() => {
        if (rendered) return;
        rendered = true;
        renderGatewaySettings(this, gatewayObject, this.gatewayApiBinding(), this.gatewaySettings());
      });
    }

    const monitoring = props.monitoring ?? {};
    const metricsProfile = metricsProfileFor(props.controller.name);
    if (this.selfHosted && deployment.metrics && metricsProfile && (monitoring.enabled ?? true)) {
      new GatewayMonitoring(this, 'Monitoring', {
        options: monitoring,
        className: this.className,
        namespace: this.namespace,
        // The NetworkPolicy above admits this namespace on the metrics ports: one value for both.
        monitoringNamespace: monitoringNamespace ?? DEFAULT_MONITORING_NAMESPACE,
        profile: metricsProfile,
        metrics: deployment.metrics,
        certificateNamespaces: () => this.routes.filter((r) => r.tlsSecretName !== undefined).map((r) => r.namespace),
      });
    }

    RouteTable.of(this).registerGateway(this);
  }

  /**
   * Adds a route served by this gateway. `scope` owns the Ingress, so it lands in the chart
   * (and namespace) of the backend.
   */
  public addRoute(scope: Construct, id: string, props: RouteBaseProps): Route {
    return new Route(scope, id, { ...props, gateway: this });
  }

  /**
   * Renders a route this gateway serves (called once per route at synth): its Ingress bound to this class, then
   * `addRouteObjects`.
   */
  public renderRoute(route: Route): void {
    if (this.api !== RoutingApi.GATEWAY_API) {
      renderIngress(route, {
        className: this.className,
        routeBinding: this.routeBinding,
        controller: this.controller,
        // Client certificates are asked for in the TLS handshake: only TLS routes get the gateway's requirement.
        routeOptionDefaults: this.clientCertificate && route.tlsSecretName !== undefined ? { clientCertificate: this.clientCertificate } : {},
      });
    }
    if (this.gatewayApiDeployment) renderGatewayApiRoute(route, this.gatewayApiBinding());
    this.addRouteObjects(route);
  }

  /** The Gateway's plain HTTP listener for every host, when it has one (a redirecting gateway). */
  public get http01ListenerName(): string | undefined {
    return this.gatewayObject && this.redirectsPlainHttp() ? REDIRECT_LISTENER_NAME : undefined;
  }

  /**
   * Whether plain HTTP only redirects to HTTPS on the Gateway (one HTTP listener and a redirect route); presets for
   * the public web override it.
   */
  protected redirectsPlainHttp(): boolean {
    return false;
  }

  /** Filters every HTTPRoute and GRPCRoute of the gateway carries first; presets add headers (HSTS). */
  protected gatewayApiRouteFilters(): { [key: string]: any }[] {
    return [];
  }

  /**
   * Whether the gateway issues its routes' certificates in its own namespace: presets that issue them do on the
   * Gateway API alone (an Ingress needs the Secret in its own namespace). A gateway that issues none reads the
   * Secrets its routes name, in their namespaces.
   */
  protected certificatesInGatewayNamespace(): boolean {
    return false;
  }

  /** Options every HTTPRoute of the gateway gets unless the route sets its own; presets add their request limits. */
  protected gatewayApiRouteOptionDefaults(): RouteOptions {
    return {};
  }

  /**
   * Gateway-wide settings asked of the Gateway API implementation besides `clientCertificate` (one call per Gateway);
   * presets add their trusted proxies.
   */
  protected gatewayApiGatewaySettings(): GatewayApiGatewaySettings {
    return {};
  }

  /** The implementation's translation of every gateway-wide setting, asked once. */
  private gatewaySettings(): GatewayApiGatewayTranslation {
    if (this.gatewaySettingsTranslation === undefined) {
      const settings: GatewayApiGatewaySettings = {
        ...this.gatewayApiGatewaySettings(),
        ...(this.clientCertificate ? { clientCertificate: this.clientCertificate } : {}),
      };
      const implementation = this.controller.gatewayApi!;
      this.gatewaySettingsTranslation = implementation.translateGatewaySettings?.(settings, { name: this.className, namespace: this.namespace })
        ?? { objects: [], unsupported: Object.keys(settings).filter((key) => (settings as { [key: string]: unknown })[key] !== undefined).sort() };
    }
    return this.gatewaySettingsTranslation;
  }

  /** What the Gateway API renderers need of this gateway. */
  private gatewayApiBinding(): GatewayApiBinding {
    const gateway = this;
    return {
      gatewayName: this.className,
      gatewayNamespace: this.namespace,
      implementation: this.controller.gatewayApi!,
      deployment: this.gatewayApiDeployment!,
      redirectsPlainHttp: this.redirectsPlainHttp(),
      certificatesInGatewayNamespace: this.certificatesInGatewayNamespace(),
      // Read when routes render: a preset's filters depend on what its constructor sets after this one returns.
      get routeFilters() {
        return gateway.gatewayApiRouteFilters();
      },
      get routeOptionDefaults() {
        return gateway.gatewayApiRouteOptionDefaults();
      },
      routes: () => this.routes,
      // A plain HTTP route of a redirecting gateway stays on the Gateway's HTTP listener.
      inListenerSet: (route: Route) => this.gatewayApiDeployment!.supportsListenerSets && isTenantNamespace(this, route.namespace)
        && (route.tlsSecretName !== undefined || !this.redirectsPlainHttp()),
    };
  }

  /**
   * Adds what one route needs from this gateway, once per route, at synth: when the route's namespace is isolated
   * (a `Tenant`, or `NetworkIsolation.declareIsolatedNamespace`), the NetworkPolicy that admits this gateway's
   * controller pods to the backend pods on the backend's target port. Presets extend it (calling super) to add
   * per-route objects such as a Certificate.
   */
  protected addRouteObjects(route: Route): void {
    allowGatewayToBackend({
      className: this.className,
      namespace: this.proxyNamespace,
      podLabels: this.proxyPodLabels,
      ...(this.gatewayApiDeployment && !this.gatewayApiDeployment.emitsGatewayClass && !this.proxyPodLabels
        ? { proxyUnknownReason: `${this.controller.name} is installed outside this app, so the library can not name its proxy pods` } : {}),
    }, route);
  }

  /** The routes this gateway serves, as resolved now. */
  public get routes(): Route[] {
    return RouteTable.of(this).routesOf(this);
  }
}

/**
 * The API the gateway can serve with its profile: the Gateway API needs the profile's `gatewayApi`, and both APIs at
 * once need a profile that serves them from one deployment (a self-hosted controller with a Gateway API provider).
 * A rejected API falls back to the Ingress API, so the rest of the gateway still reports its own mistakes.
 */
function checkedApi(scope: IngressClassGateway, props: IngressClassGatewayProps): RoutingApi {
  const api = props.api ?? RoutingApi.INGRESS;
  if (api === RoutingApi.INGRESS) return api;
  if (!props.controller.gatewayApi) {
    rejectInput(scope, 'api', api, `the controller profile ${props.controller.name} serves Ingresses only; for the Gateway API use `
      + 'IngressController.traefik(), IngressController.envoyGateway() or IngressController.gatewayClass(<existing class>), or leave api unset');
    return RoutingApi.INGRESS;
  }
  if (api === RoutingApi.INGRESS_AND_GATEWAY_API && !(props.controller.selfHosted ?? true)) {
    rejectInput(scope, 'api', api, `${props.controller.name} does not serve Ingresses and the Gateway API from one deployment; `
      + 'both at once needs IngressController.traefik(). Use RoutingApi.GATEWAY_API, or two gateways during a migration');
    return RoutingApi.GATEWAY_API;
  }
  return api;
}

/** `replicas` and `maxReplicas` as the autoscaler takes them: whole numbers, the maximum not below the minimum. */
function checkedReplicas(scope: IngressClassGateway, props: IngressClassGatewayProps): { replicas: number; maxReplicas: number } {
  const replicas = checkProp(scope, 'replicas', props.replicas, (v) => checkInteger(v, { min: 1 }), 'replicas') ? props.replicas ?? 2 : 2;
  let maxReplicas = checkProp(scope, 'maxReplicas', props.maxReplicas, (v) => checkInteger(v, { min: 1 }), 'maxReplicas') ? props.maxReplicas ?? 10 : 10;
  if (props.maxReplicas !== undefined && maxReplicas < replicas) {
    rejectInput(scope, 'maxReplicas', props.maxReplicas, `maxReplicas must be at least replicas (${replicas}): the autoscaler maximum can not be below its minimum`);
    maxReplicas = replicas;
  }
  return { replicas, maxReplicas };
}

/** The load balancer options of an exposure, as the API server checks the Service (Kubernetes 1.28 ValidateService). */
function checkExposure(scope: IngressClassGateway, exposure: GatewayExposure): void {
  // The API server trims spaces around loadBalancerSourceRanges before parsing them.
  checkListProp(scope, 'exposure.sourceRanges', exposure.sourceRanges, (v) => checkCidr(v.trim()), 'load balancer source range');
  checkMapProp(scope, 'exposure.annotations', exposure.annotations, (k) => checkQualifiedName(k.toLowerCase()), 'annotation key');
  checkProp(scope, 'exposure.loadBalancerClass', exposure.loadBalancerClass, checkQualifiedName, 'loadBalancerClass');
}

/** Memory given in fractions of a mebibyte can not be written as the Mi quantities the controller Deployment uses. */
function checkResources(scope: IngressClassGateway, resources: kplus.ContainerResources | undefined): boolean {
  const memory = resources?.memory;
  return [checkProp(scope, 'resources.memory.request', memory?.request?.toKibibytes({ rounding: SizeRoundingBehavior.NONE }), (kib) => checkWholeMebibytes(kib / 1024), 'memory request'),
    checkProp(scope, 'resources.memory.limit', memory?.limit?.toKibibytes({ rounding: SizeRoundingBehavior.NONE }), (kib) => checkWholeMebibytes(kib / 1024), 'memory limit')].every(Boolean);
}

/**
 * A gateway's client CA as the profiles write it: Secret name and namespace as Kubernetes names them, a chain depth
 * of 0 or more (the same checks as a route's `options.clientCertificate`).
 */
function checkClientCertificate(scope: IngressClassGateway, auth: ClientCertificateAuth | undefined): boolean {
  if (!auth) return true;
  return [
    checkProp(scope, 'clientCertificate.caSecretName', auth.caSecretName, checkDns1123Subdomain, 'CA Secret name'),
    checkProp(scope, 'clientCertificate.caSecretNamespace', auth.caSecretNamespace, checkDns1123Label, 'CA Secret namespace'),
    checkProp(scope, 'clientCertificate.verifyDepth', auth.verifyDepth, (v) => checkInteger(v, { min: 0 }), 'verifyDepth'),
  ].every(Boolean);
}

/** IngressClass spec.parameters, as Kubernetes 1.28 validateIngressClassParametersReference checks them. */
function checkParameters(scope: IngressClassGateway, parameters: IngressClassParameters | undefined): boolean {
  if (!parameters) return true;
  return [
    checkProp(scope, 'parameters.apiGroup', parameters.apiGroup, checkDns1123Subdomain, 'parameters API group'),
    checkProp(scope, 'parameters.kind', parameters.kind, checkPathSegmentName, 'parameters kind'),
    checkProp(scope, 'parameters.name', parameters.name, checkPathSegmentName, 'parameters name'),
    checkProp(scope, 'parameters.namespace', parameters.namespace, checkDns1123Label, 'parameters namespace'),
  ].every(Boolean);
}
