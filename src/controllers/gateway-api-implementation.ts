import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GatewayExposure } from '../core/exposure';
import { ClientCertificateAuth, RouteOptions } from '../routing/route-options';

/** A reference to a namespaced or cluster-scoped object of a given group and kind (GatewayClass `parametersRef`). */
export interface GatewayApiObjectReference {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** @default - cluster-scoped, or the referrer's namespace */
  readonly namespace?: string;
}

/** What a gateway asks of a Gateway API implementation. */
export interface GatewayApiDeployOptions {
  /** The gateway's class name: the GatewayClass name, and the Gateway's name. */
  readonly className: string;
  /** Namespace of the Gateway (and of what the implementation creates for it). */
  readonly namespace: string;
  /** Minimum proxy replicas (also the autoscaler minimum). */
  readonly replicas: number;
  /** Autoscaler maximum. */
  readonly maxReplicas: number;
  /**
   * Proxy container resources.
   * @default - the implementation's hardened defaults
   */
  readonly resources?: kplus.ContainerResources;
  /** How clients reach the proxies. */
  readonly exposure: GatewayExposure;
}

/** What a Gateway API implementation set up for a gateway, for its GatewayClass, Gateway and NetworkPolicies. */
export interface GatewayApiDeployment {
  /** GatewayClass `spec.controllerName`. */
  readonly controllerName: string;
  /**
   * Whether the gateway emits the GatewayClass; false when the class exists in the cluster (installed with the
   * implementation) and the Gateway only names it.
   */
  readonly emitsGatewayClass: boolean;
  /**
   * Labels the GatewayClass must carry for the implementation to claim it (Traefik selects its classes by label;
   * a GatewayClass without them is ignored by that deployment).
   * @default - none
   */
  readonly gatewayClassLabels?: { [key: string]: string };
  /**
   * GatewayClass `spec.parametersRef` (Envoy Gateway: its `EnvoyProxy`).
   * @default - none
   */
  readonly parametersRef?: GatewayApiObjectReference;
  /**
   * Namespace of the proxy pods that carry the Gateway's traffic.
   * @default - undefined: the proxies run outside the cluster, or where the library can not know (an existing class)
   */
  readonly proxyNamespace?: string;
  /**
   * Labels of those proxy pods, for NetworkPolicy peers.
   * @default - undefined (see `proxyNamespace`)
   */
  readonly proxyPodLabels?: { [key: string]: string };
  /** Gateway listener port for plain HTTP (80 for most implementations; Traefik: its `web` entry point, 8000). */
  readonly httpListenerPort: number;
  /** Gateway listener port for HTTPS (443; Traefik: its `websecure` entry point, 8443). */
  readonly httpsListenerPort: number;
  /** Whether the implementation serves ListenerSets (Traefik v3.7 does not). */
  readonly supportsListenerSets: boolean;
  /**
   * The GatewayClass the Gateway names, when it is not the gateway's `className` (an existing class, installed with
   * the implementation, that several gateways share).
   * @default - the gateway's className
   */
  readonly gatewayClassName?: string;
}

/** The route an implementation translates options for: the HTTPRoute or GRPCRoute the renderer emits. */
export interface GatewayApiRouteTarget {
  readonly kind: 'HTTPRoute' | 'GRPCRoute';
  readonly name: string;
  readonly namespace: string;
}

/** A Kubernetes object an implementation adds for a route (a policy, a Middleware), as plain JSON. */
export interface GatewayApiRouteObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** `metadata.name`; the object goes in the route's namespace. */
  readonly name: string;
  readonly spec: { [key: string]: any };
}

/** HTTPRoute rule `timeouts` (standard channel), as Gateway API durations (`10s`, `1m`). */
export interface GatewayApiRouteTimeouts {
  /**
   * Time for the gateway to answer the whole request.
   * @default - the implementation's default
   */
  readonly request?: string;
  /**
   * Time for one request from the gateway to a backend.
   * @default - the implementation's default
   */
  readonly backendRequest?: string;
}

/** An implementation's translation of route options for one route. */
export interface GatewayApiRouteTranslation {
  /** Filters for every rule of the route (standard filters, or `ExtensionRef` filters to `objects`). */
  readonly filters: { [key: string]: any }[];
  /** Objects that apply the options (policies targeting the route, Middlewares the filters reference). */
  readonly objects: GatewayApiRouteObject[];
  /**
   * Route-level `timeouts` (standard HTTPRoute field: `request`, `backendRequest`), as Gateway API durations.
   * @default - none
   */
  readonly timeouts?: GatewayApiRouteTimeouts;
  /** `RouteOptions` property names the implementation can not apply: recorded and reported, never dropped. */
  readonly unsupported: string[];
}

/**
 * Settings that hold for a whole Gateway rather than one route, asked of the implementation in one call per Gateway
 * (Envoy Gateway takes only one ClientTrafficPolicy per target, so everything gateway-wide must go into one object).
 */
export interface GatewayApiGatewaySettings {
  /**
   * Proxies in front of the Gateway whose `X-Forwarded-For` is trusted to name the client.
   * @default - none: the connection's address is the client
   */
  readonly trustedProxyCidrs?: string[];
  /**
   * Every HTTPS listener requires a client certificate chaining to this CA.
   * @default - no client certificate is asked for
   */
  readonly clientCertificate?: ClientCertificateAuth;
}

/** The Gateway whose settings are translated. */
export interface GatewayApiGatewayTarget {
  readonly name: string;
  readonly namespace: string;
}

/** A reference from the Gateway to a CA object (Gateway API `ObjectReference`). */
export interface GatewayApiCaReference {
  /** API group; `''` for the core group. */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** @default - the Gateway's namespace */
  readonly namespace?: string;
}

/** An implementation's translation of the gateway-wide settings of one Gateway. */
export interface GatewayApiGatewayTranslation {
  /**
   * CA references for the standard `spec.tls.frontend.default.validation.caCertificateRefs` of the Gateway (mode
   * `AllowValidOnly`), when the implementation applies client certificates through the standard field. A reference
   * into another namespace gets a ReferenceGrant from the Gateway.
   * @default - the Gateway sets no frontend validation
   */
  readonly frontendCaCertificateRefs?: GatewayApiCaReference[];
  /** Objects that apply the settings (a ClientTrafficPolicy targeting the Gateway), created in the Gateway's namespace. */
  readonly objects: GatewayApiRouteObject[];
  /**
   * `GatewayApiGatewaySettings` property names the implementation can not apply (or `clientCertificate.verifyDepth`
   * when only the chain depth is not applied): recorded on the Gateway and reported, never dropped.
   */
  readonly unsupported: string[];
}

/**
 * A Gateway API implementation: how a gateway's GatewayClass, Gateway and route options are expressed with it.
 * Profiles that speak the Gateway API return one from `IIngressController.gatewayApi`.
 */
export interface IGatewayApiImplementation {
  /** Implementation name, for messages (`envoy-gateway`, `traefik`, `existing GatewayClass "istio"`). */
  readonly name: string;
  /** Adds what the implementation needs for one gateway (an EnvoyProxy, say) under `scope`, and says how to reach it. */
  deploy(scope: Construct, options: GatewayApiDeployOptions): GatewayApiDeployment;
  /** Translates checked route options for one route. */
  translateRouteOptions(options: RouteOptions, target: GatewayApiRouteTarget): GatewayApiRouteTranslation;
  /**
   * Translates the gateway-wide settings of one Gateway (trusted proxies, client certificates). A pure answer, so a
   * gateway may ask it first for the gaps and again when it renders.
   * @default - not supported: every setting given is reported as unsupported
   */
  translateGatewaySettings?(settings: GatewayApiGatewaySettings, gateway: GatewayApiGatewayTarget): GatewayApiGatewayTranslation;
}
