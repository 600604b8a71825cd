import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IGatewayApiImplementation } from './gateway-api-implementation';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { GatewayExposure } from '../core/exposure';
import { IngressClassParameters } from '../core/ingress-class-parameters';
import { RoutingApi } from '../core/routing-api';
import { ControllerNetworkOptions } from '../network/controller-network-options';
import { RouteOptions } from '../routing/route-options';

/** What a gateway asks of its controller profile. */
export interface ControllerDeployOptions {
  /** The IngressClass name; also the instance name of every object deployed for it. */
  readonly className: string;
  /** Namespace for the controller's namespaced objects. */
  readonly namespace: string;
  /**
   * Prefix of the names of the objects deployed for the class (`<instanceName>-controller`) and the instance label:
   * the class name made a valid DNS-1035 label of at most 40 characters (dots replaced, long names shortened with a
   * stable hash suffix), so a class name with dots still gives valid Service and label names.
   * @default - className
   */
  readonly instanceName?: string;
  /** Whether the class is the cluster default (controllers may then also watch Ingresses without a class). */
  readonly defaultClass: boolean;
  /** Minimum replicas (also the autoscaler minimum). */
  readonly replicas: number;
  /** Autoscaler maximum. */
  readonly maxReplicas: number;
  /** Controller container resources, when the gateway overrides the profile's defaults. */
  readonly resources?: kplus.ContainerResources;
  /** How clients reach the controller. */
  readonly exposure: GatewayExposure;
  /**
   * What the NetworkPolicy of the controller pods admits besides the routes' backends, which it derives.
   * @default - clients from any address (public exposure) or the private ranges (internal), metrics from `monitoring`, the API server on TCP 443/6443 at any address
   */
  readonly network?: ControllerNetworkOptions;
  /**
   * Which API the gateway's routes use. A profile that serves the Gateway API from its own deployment (Traefik)
   * turns on its Gateway API provider, with the RBAC it needs, for `GATEWAY_API` and `INGRESS_AND_GATEWAY_API`.
   * @default RoutingApi.INGRESS
   */
  readonly routingApi?: RoutingApi;
}

/** What a controller profile deployed, for the gateway's IngressClass, routes and policies. */
export interface ControllerDeployment {
  /** The IngressClass `spec.controller` value that this deployment claims. */
  readonly controllerValue: string;
  /** IngressClass parameters the controller itself emits (for example AWS IngressClassParams). */
  readonly parameters?: IngressClassParameters;
  /** Labels that select the controller pods; undefined when the proxy runs outside the cluster. */
  readonly podLabels?: { [key: string]: string };
  /** Name of the Service that receives client traffic, when the controller runs in the cluster. */
  readonly serviceName?: string;
  /**
   * How the gateway's routes bind to the controller, when `spec.ingressClassName` alone is not enough.
   * @default - routes set spec.ingressClassName to the class name and carry no extra annotations
   */
  readonly routeBinding?: RouteBinding;
  /**
   * The controller's installation already creates the IngressClass (for example the AKS add-on for AGIC): the gateway
   * emits none, declares the class as external, and its routes still set `spec.ingressClassName`.
   * @default false
   */
  readonly ingressClassOwnedByController?: boolean;
  /**
   * Annotations for the gateway's IngressClass, facts the rules read from the manifests.
   * @default - none
   */
  readonly ingressClassAnnotations?: { [key: string]: string };
  /**
   * Where the controller serves Prometheus metrics, for the gateway's ServiceMonitors.
   * @default - the controller serves no metrics in the cluster (cloud-managed)
   */
  readonly metrics?: ControllerMetricsEndpoints;
}

/** The Service that exposes a controller's metrics ports, and the ports Prometheus scrapes. */
export interface ControllerMetricsEndpoints {
  /** Name of the ClusterIP Service in the controller namespace. */
  readonly serviceName: string;
  /** Labels of that Service, for a ServiceMonitor selector. */
  readonly serviceLabels: { [key: string]: string };
  /** Service port names that serve Prometheus text at `/metrics`, the proxy's first. */
  readonly portNames: string[];
}

/** How the routes of one gateway bind to its controller, beyond `spec.ingressClassName`. */
export interface RouteBinding {
  /**
   * Value of the legacy `kubernetes.io/ingress.class` annotation that routes carry instead of
   * `spec.ingressClassName`, for controllers that ignore IngressClass objects (GKE: `gce`, `gce-internal`).
   * When set, the gateway emits no IngressClass.
   * @default - routes set spec.ingressClassName
   */
  readonly classAnnotation?: string;
  /**
   * Annotations every route of the gateway carries, for settings the controller reads per Ingress
   * (for example AGIC's `use-private-ip` on an internal gateway).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * A controller profile: how one kind of ingress controller is deployed and configured.
 *
 * Gateways depend only on this interface, so new controllers plug in without changing them.
 * Get one from the factories on `IngressController`.
 */
export interface IIngressController {
  /** Short name of the controller implementation, for example `ingress-nginx`. */
  readonly name: string;

  /**
   * Whether the controller runs as a workload in the cluster. Cloud-managed controllers (AWS Load Balancer
   * Controller, Azure AGIC, GKE) are not: their gateways create no namespace and no pods.
   * @default true
   */
  readonly selfHosted?: boolean;

  /**
   * How this profile speaks the Gateway API, for gateways with `api: RoutingApi.GATEWAY_API`.
   * @default - the profile serves Ingresses only; a Gateway API gateway with it is rejected (CG-INPUT-001)
   */
  readonly gatewayApi?: IGatewayApiImplementation;

  /** Deploys the controller for one gateway (called once per gateway). */
  deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment;

  /**
   * Translates controller-neutral route options into what this controller applies (Ingress annotations today)
   * and names the options it can not apply. Routes record those on their Ingress and CG-GATEWAY-003 fails synth,
   * so no option is dropped silently. `target` gives the route's namespace and Service, for annotations that name
   * them (ingress-nginx's backend certificate name).
   */
  translateRouteOptions(options: RouteOptions, target?: IngressRouteTarget): RouteOptionsTranslation;

  /**
   * This controller configured for internet-facing web traffic (`PublicWebGateway`): plain HTTP redirected to
   * HTTPS, HSTS on HTTPS responses, and `hardening`'s request limits as defaults for every route. What the
   * controller can not apply is listed in the result, not dropped: the gateway records it and CG-TLS-012 and
   * CG-TLS-013 report it. Throws when the controller can not serve cert-manager certificates at all.
   * @default - not supported: a PublicWebGateway rejects the controller
   */
  hardenForPublicWeb?(hardening: PublicWebHardening): HardenedController;

  /**
   * This controller with gateway-wide edge settings (`InternalApiGateway`, `ApiGatewayEdge`): a client allowlist,
   * a per-client rate limit, request limits and how client address headers are forwarded, applied the way this
   * controller can (its ConfigMap, entry point middlewares, or a default annotation on every route). What it can not
   * apply is listed in the result; the gateway records it on its IngressClass and CG-GATEWAY-005 reports it.
   * @default - not supported: the edge presets reject the controller
   */
  configureEdge?(settings: EdgeSettings): EdgeConfiguredController;
}

/** Gateway-wide edge settings; each unset field leaves the controller's own behaviour. */
export interface EdgeSettings {
  /**
   * Client CIDRs the controller serves; others are refused (403) by the proxy itself.
   * @default - every client address
   */
  readonly clientAllowlist?: string[];
  /**
   * Requests per second accepted from one client address (per controller replica); a route's own
   * `rateLimitPerSecond` overrides it where the controller supports that.
   * @default - no limit
   */
  readonly rateLimitPerSecond?: number;
  /**
   * Largest request body accepted.
   * @default - the controller's default
   */
  readonly maxRequestBodySize?: Size;
  /**
   * How long to wait for a backend to accept a connection.
   * @default - the controller's default
   */
  readonly connectTimeout?: Duration;
  /**
   * How long to wait for a backend's response.
   * @default - the controller's default
   */
  readonly readTimeout?: Duration;
  /**
   * How long to wait between two writes of a request to a backend.
   * @default - the controller's default
   */
  readonly sendTimeout?: Duration;
  /**
   * Addresses of proxies in front of the controller (a CDN, an L7 load balancer) whose `X-Forwarded-For` the
   * controller trusts. Without it, client-supplied `X-Forwarded-*` headers are ignored and the controller sends the
   * connection's own source address upstream in `X-Forwarded-For` and `X-Real-IP`.
   * @default - no proxy is trusted
   */
  readonly trustedProxyCidrs?: string[];
}

/** A controller profile configured with edge settings, and the settings it could not apply. */
export interface EdgeConfiguredController {
  /** The configured profile, to deploy in place of the original. */
  readonly controller: IIngressController;
  /** `EdgeSettings` property names the controller can not apply. Empty when everything applies. */
  readonly unsupported: string[];
}

/** What a `PublicWebGateway` asks of its controller, besides serving every route over HTTPS. */
export interface PublicWebHardening {
  /** Strict-Transport-Security `max-age`: how long browsers use only HTTPS for the host. */
  readonly hstsMaxAge: Duration;
  /** Add `includeSubDomains` to the HSTS header (every subdomain must then serve HTTPS). */
  readonly hstsIncludeSubdomains: boolean;
  /** Add `preload` to the HSTS header (for the browsers' preload lists). */
  readonly hstsPreload: boolean;
  /** Largest request body accepted. */
  readonly maxRequestBodySize: Size;
  /** How long to wait for a backend to accept a connection. */
  readonly connectTimeout: Duration;
  /** How long to wait for a backend's response (between two reads). */
  readonly readTimeout: Duration;
  /**
   * How long to wait between two writes of the request to a backend.
   * @default - the controller's default
   */
  readonly sendTimeout?: Duration;
}

/** A controller profile hardened for public web traffic, and the hardening it could not apply. */
export interface HardenedController {
  /** The hardened profile, to deploy in place of the original. */
  readonly controller: IIngressController;
  /**
   * The hardening the controller can not apply: `httpsRedirect`, `hsts`, or `PublicWebHardening` property names
   * such as `maxRequestBodySize`. Empty when everything applies.
   */
  readonly unsupported: string[];
}
