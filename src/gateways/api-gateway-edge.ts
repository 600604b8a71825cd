import { Construct } from 'constructs';
import { checkedSeconds, checkedSize, DEFAULT_REQUEST_LIMITS } from './edge-values';
import { configureEdgeOnGatewayApi, edgeSettingsAsRouteOptions, gatewayWideEdgeSettings } from './gateway-api-defaults';
import { PublicWebGateway, PublicWebGatewayProps } from './public-web-gateway';
import { EdgeSettings } from '../controllers/controller-profile';
import { GatewayApiGatewaySettings } from '../controllers/gateway-api-implementation';
import { checkCidrListProp } from '../core/input/prop-checks';
import { RejectedInput, rejectInput } from '../core/input/reject-input';
import { standInName } from '../core/input/stand-in';
import { ANNOTATION_EDGE_UNSUPPORTED, encodeList } from '../core/manifest-contract';
import { RoutingApi } from '../core/routing-api';
import { checkDns1123Subdomain } from '../core/validation';
import { Route } from '../routing/route';
import { RouteBackend } from '../routing/route-backend';
import { RouteOptions } from '../routing/route-options';
import { RuleEngine } from '../rules/engine';

/** Props of an `ApiGatewayEdge`. */
export interface ApiGatewayEdgeProps {
  /** The API hostname the edge serves, for example `api.mycompany.com`. */
  readonly host: string;
  /**
   * The edge class: a `PublicWebGateway` (TLS from `issuer`, HTTPS redirect, HSTS, request limits). Its
   * `maxRequestBodySize`, `connectTimeout`, `readTimeout` and `sendTimeout` are also the edge settings.
   */
  readonly edge: PublicWebGatewayProps;
  /**
   * The API gateway tier every request is forwarded to: `ApiGatewayTier.backend`, or an existing Service
   * (`RouteBackend.fromServiceName(name, { namespace, port, podLabels, targetPort })`). The route's Ingress and
   * Certificate are created in its namespace.
   */
  readonly apiGateway: RouteBackend;
  /**
   * Secret of the API host's certificate, issued by the edge's issuer.
   * @default - the host with dots replaced by "-", plus "-tls" (for example `api-mycompany-com-tls`)
   */
  readonly tlsSecretName?: string;
  /**
   * Requests per second accepted from one client address (per edge replica).
   * @default 100
   */
  readonly rateLimitPerSecond?: number;
  /**
   * Proxies in front of the edge (a CDN) whose `X-Forwarded-For` it trusts.
   * @default - none: client-supplied forwarding headers are ignored and the API gateway gets the connecting address
   */
  readonly trustedProxyCidrs?: string[];
}

/**
 * The edge-to-API-gateway layout: an edge class terminates TLS for an API hostname and forwards everything to a
 * dedicated API gateway tier, which routes to the upstream services.
 *
 * - The edge is a `PublicWebGateway` whose controller also gets edge settings (`IIngressController.configureEdge`):
 *   a per-client rate limit, the body size and timeouts, and client address forwarding (`X-Forwarded-For` and
 *   `X-Real-IP` from the connection unless `trustedProxyCidrs` are given). What the controller can not apply is
 *   recorded on the IngressClass and reported by CG-GATEWAY-005.
 * - On the Gateway API only (`edge.api: RoutingApi.GATEWAY_API`), the per-request settings (rate limit, body size, timeouts) are the edge route's
 *   option defaults, applied by the implementation's route translation (Envoy Gateway: the route's
 *   BackendTrafficPolicy; Traefik: Middlewares); the trusted proxies are a gateway-wide setting
 *   (`IGatewayApiImplementation.translateGatewaySettings`: Envoy Gateway a ClientTrafficPolicy on the Gateway,
 *   Traefik its entry points' `forwardedHeaders`, through `configureEdge`). What the implementation can not apply
 *   is recorded on the Gateway and reported by CG-GATEWAY-005. With both APIs (`RoutingApi.INGRESS_AND_GATEWAY_API`,
 *   Traefik) the controller's own edge settings serve both, as its entry point settings apply to Gateway routes too.
 * - One route: `host` + `/` to `apiGateway`, with TLS.
 * - NetworkPolicies: the edge controller's egress reaches only the API gateway pods on their target port; with an
 *   `ApiGatewayTier`, the tier's pods admit only that edge controller (through the route's allowance) and reach only
 *   their declared upstreams and DNS.
 */
export class ApiGatewayEdge extends Construct {
  /** The edge gateway. */
  public readonly edgeGateway: PublicWebGateway;
  /** The route of the API host to the API gateway. */
  public readonly route: Route;
  /** The edge settings asked of the controller. */
  public readonly edgeSettings: EdgeSettings;
  /** The edge settings the controller can not apply (`EdgeSettings` property names). */
  public readonly unsupportedEdgeSettings: string[];

  constructor(scope: Construct, id: string, props: ApiGatewayEdgeProps) {
    super(scope, id);
    RuleEngine.of(this);
    const edge = props.edge;
    // Both APIs at once are served by one deployment (Traefik), whose entry point settings apply to its Ingress and
    // Gateway routes alike (facts: entryPointSettings): the profile's own edge settings serve both halves then.
    const gatewayApi = (edge.api ?? RoutingApi.INGRESS) === RoutingApi.GATEWAY_API;
    if (!gatewayApi && !edge.controller.configureEdge) {
      rejectInput(this, 'edge.controller', edge.controller.name,
        'the controller profile has no edge settings (configureEdge); use IngressController.nginx(), traefik() or haproxy()');
    }
    let rate = props.rateLimitPerSecond ?? 100;
    if (!Number.isInteger(rate) || rate < 1) {
      rejectInput(this, 'rateLimitPerSecond', rate, 'must be a positive integer (1 or more)');
      rate = 100;
    }
    // The controller parses them with Go's net.ParseCIDR.
    const trustedProxyCidrs = checkCidrListProp(this, 'trustedProxyCidrs', props.trustedProxyCidrs, 'trusted proxy', { strict: true });
    // The same limits as the PublicWebGateway's defaults, so both layers agree. The edge gateway reports rejected ones.
    const unreported: RejectedInput[] = [];
    this.edgeSettings = {
      rateLimitPerSecond: rate,
      maxRequestBodySize: checkedSize(unreported, 'maxRequestBodySize', edge.maxRequestBodySize, DEFAULT_REQUEST_LIMITS.maxRequestBodySize),
      connectTimeout: checkedSeconds(unreported, 'connectTimeout', edge.connectTimeout, DEFAULT_REQUEST_LIMITS.connectTimeout),
      readTimeout: checkedSeconds(unreported, 'readTimeout', edge.readTimeout, DEFAULT_REQUEST_LIMITS.readTimeout),
      sendTimeout: checkedSeconds(unreported, 'sendTimeout', edge.sendTimeout),
      trustedProxyCidrs,
    };
    const configured = gatewayApi
      ? configureEdgeOnGatewayApi(edge.controller, this.edgeSettings)
      : edge.controller.configureEdge?.(this.edgeSettings) ?? { controller: edge.controller, unsupported: [] };
    this.unsupportedEdgeSettings = [...configured.unsupported];
    this.edgeGateway = gatewayApi
      ? new GatewayApiEdgeGateway(this, 'Edge', { ...edge, controller: configured.controller }, this.edgeSettings)
      : new PublicWebGateway(this, 'Edge', { ...edge, controller: configured.controller });
    if (this.unsupportedEdgeSettings.length > 0) {
      for (const classObject of [this.edgeGateway.ingressClass, this.edgeGateway.gatewayObject]) {
        classObject?.metadata.addAnnotation(ANNOTATION_EDGE_UNSUPPORTED, encodeList(this.unsupportedEdgeSettings));
      }
    }
    this.route = new Route(this, 'Route', {
      gateway: this.edgeGateway,
      host: props.host,
      backend: props.apiGateway,
      tlsSecretName: props.tlsSecretName ?? defaultSecretName(props.host),
    });
  }
}

/**
 * The edge gateway on the Gateway API: the per-request edge settings are every route's option defaults (on top of
 * the public web limits, which they equal), and the trusted proxies its gateway-wide setting.
 */
class GatewayApiEdgeGateway extends PublicWebGateway {
  constructor(scope: Construct, id: string, props: PublicWebGatewayProps, private readonly edgeSettings: EdgeSettings) {
    super(scope, id, props);
  }

  protected gatewayApiRouteOptionDefaults(): RouteOptions {
    return { ...super.gatewayApiRouteOptionDefaults(), ...edgeSettingsAsRouteOptions(this.edgeSettings) };
  }

  protected gatewayApiGatewaySettings(): GatewayApiGatewaySettings {
    return { ...super.gatewayApiGatewaySettings(), ...gatewayWideEdgeSettings(this.edgeSettings) };
  }
}

/** `<host with dashes>-tls`; for a host the Ingress rule rejects (CG-INGRESS-001 reports it), a valid stand-in instead. */
function defaultSecretName(host: string): string {
  const derived = `${host.replace(/^\*\./, 'wildcard.').replace(/\./g, '-')}-tls`;
  return checkDns1123Subdomain(derived) === undefined ? derived : standInName(derived);
}
