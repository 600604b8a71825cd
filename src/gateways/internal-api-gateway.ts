import { ApiObject, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { checkedSeconds, checkedSize, DEFAULT_REQUEST_LIMITS } from './edge-values';
import { configureEdgeOnGatewayApi, edgeSettingsAsRouteOptions, gatewayWideEdgeSettings } from './gateway-api-defaults';
import { IngressClassGateway, IngressClassGatewayProps } from './ingress-class-gateway';
import { EdgeSettings } from '../controllers/controller-profile';
import { GatewayApiGatewaySettings } from '../controllers/gateway-api-implementation';
import { AppContext } from '../core/app-context';
import { CloudProvider, GatewayExposure } from '../core/exposure';
import { checkCidrListProp } from '../core/input/prop-checks';
import { RejectedInput, rejectInputs } from '../core/input/reject-input';
import { ANNOTATION_EDGE_UNSUPPORTED, ANNOTATION_GATEWAY_PROFILE, encodeList, INTERNAL_API_PROFILE } from '../core/manifest-contract';
import { RoutingApi } from '../core/routing-api';
import { PRIVATE_SOURCE_CIDRS } from '../network/peers';
import { Route } from '../routing/route';
import { RouteOptions } from '../routing/route-options';
import { CaIssuer } from '../tls/ca-issuer';
import { CertificateOptions } from '../tls/certificate';
import { ICertificateIssuer } from '../tls/issuer';
import { RouteCertificate } from '../tls/route-certificate';
import { RouteCertificates } from '../tls/route-certificates';

/** Props of an `InternalApiGateway`. */
export interface InternalApiGatewayProps extends IngressClassGatewayProps {
  /**
   * The cloud whose internal load balancer serves the gateway (its Service annotations). For a name read from
   * configuration, `CloudProvider.of(name)` fails on an unknown one, listing the supported providers.
   */
  readonly provider: CloudProvider;
  /**
   * The cert-manager issuer of every route's certificate.
   * @default - a private CA of this gateway: `CaIssuer.withSelfSignedRoot` named `<className>-ca` (ClusterIssuers, CA secret in `cert-manager`)
   */
  readonly issuer?: ICertificateIssuer;
  /**
   * Key and lifetime of the certificates this gateway creates.
   * @default - ECDSA P-256 keys rotated on renewal, 90-day certificates renewed 30 days before expiry
   */
  readonly certificates?: CertificateOptions;
  /**
   * Requests per second accepted from one client address (per controller replica), unless a route sets its own.
   * @default 50
   */
  readonly rateLimitPerSecond?: number;
  /**
   * Largest request body accepted.
   * @default Size.mebibytes(8)
   */
  readonly maxRequestBodySize?: Size;
  /**
   * How long to wait for a backend to accept a connection.
   * @default Duration.seconds(5)
   */
  readonly connectTimeout?: Duration;
  /**
   * How long to wait for a backend's response.
   * @default Duration.seconds(60)
   */
  readonly readTimeout?: Duration;
  /**
   * Proxies in front of the gateway whose `X-Forwarded-For` it trusts.
   * @default - none: client-supplied forwarding headers are ignored
   */
  readonly trustedProxyCidrs?: string[];
}

/**
 * An `IngressClassGateway` preset for APIs that must never be reachable from the internet.
 *
 * - An internal load balancer of `provider` (`GatewayExposure.internalLoadBalancer`), restricted to the client
 *   allowlist `allowedSourceCidrs` (default: the private ranges) in three places: the Service's
 *   `loadBalancerSourceRanges`, the controller's own allowlist (`EdgeSettings.clientAllowlist`) and the controller
 *   NetworkPolicy. The controller sees client addresses (`externalTrafficPolicy: Local`), so the allowlist must include
 *   whatever reaches the pods directly, for example load balancer health checks against IP targets.
 * - The controller Service and the IngressClass carry `gateways.cdk8s.io/profile: internal-api`; an external load
 *   balancer (an `exposure` given explicitly) fails synth with CG-GATEWAY-004, like every other finding.
 * - TLS from an internal CA: each route's `tlsSecretName` gets a cert-manager Certificate from `issuer` (by default a
 *   private CA of this gateway), for exactly the route's host, in the route's namespace.
 * - Never the default class unless `defaultClass` is set; a per-client rate limit, body size and timeout defaults
 *   through the controller profile (`IIngressController.configureEdge`); what the controller can not apply is recorded
 *   on the IngressClass and reported by CG-GATEWAY-005.
 * - Client certificate (mTLS) authentication per route with `RouteOptions.clientCertificate` (ingress-nginx only;
 *   CG-GATEWAY-003 reports it on other controllers).
 *
 * Needs a self-hosted controller that supports edge settings (ingress-nginx, Traefik, HAProxy).
 */
export class InternalApiGateway extends IngressClassGateway {
  /** The cloud of the internal load balancer. */
  public readonly provider: CloudProvider;
  /** The issuer of the routes' certificates. */
  public readonly issuer: ICertificateIssuer;
  /** The client CIDRs the gateway serves. */
  public readonly allowedSourceCidrs: string[];
  /** The edge settings asked of the controller. */
  public readonly edgeSettings: EdgeSettings;
  /** The edge settings the controller can not apply (`EdgeSettings` property names). */
  public readonly unsupportedEdgeSettings: string[];
  private readonly routeCertificates: RouteCertificates;

  constructor(scope: Construct, id: string, props: InternalApiGatewayProps) {
    // `this` exists only after super(): mistakes are collected first and reported right after it.
    const rejected: RejectedInput[] = [];
    const allowlist = checkedAllowlist(rejected, props.allowedSourceCidrs);
    // On the Gateway API alone the edge settings are every route's defaults, applied by the implementation's
    // translation. Both APIs at once are served by one deployment (Traefik) whose entry point settings apply to its
    // Ingress and Gateway routes alike (facts: entryPointSettings), so its own edge settings serve both halves.
    const gatewayApi = (props.api ?? RoutingApi.INGRESS) === RoutingApi.GATEWAY_API;
    if (!gatewayApi && !props.controller.configureEdge) {
      rejected.push(['controller', props.controller.name,
        'the controller profile has no edge settings (configureEdge); use IngressController.nginx(), traefik() or haproxy()']);
    }
    const settings: EdgeSettings = {
      clientAllowlist: allowlist,
      rateLimitPerSecond: positive(rejected, 'rateLimitPerSecond', props.rateLimitPerSecond, 50),
      maxRequestBodySize: checkedSize(rejected, 'maxRequestBodySize', props.maxRequestBodySize, DEFAULT_REQUEST_LIMITS.maxRequestBodySize),
      connectTimeout: checkedSeconds(rejected, 'connectTimeout', props.connectTimeout, DEFAULT_REQUEST_LIMITS.connectTimeout),
      readTimeout: checkedSeconds(rejected, 'readTimeout', props.readTimeout, DEFAULT_REQUEST_LIMITS.readTimeout),
      // The controller parses them with Go's net.ParseCIDR.
      trustedProxyCidrs: checkCidrListProp(rejected, 'trustedProxyCidrs', props.trustedProxyCidrs, 'trusted proxy', { strict: true }),
    };
    const configured = gatewayApi
      ? configureEdgeOnGatewayApi(props.controller, settings)
      : props.controller.configureEdge?.(settings) ?? { controller: props.controller, unsupported: [] };
    // A controller without edge settings is rejected above; its load balancer gets no source ranges, which a
    // cloud-managed controller (the usual case) would only report again.
    // A Gateway API implementation creates its own Service: the allowlist goes to each route instead.
    const sourceRanges = props.controller.configureEdge && !gatewayApi ? allowlist : undefined;
    const exposure = props.exposure ?? GatewayExposure.internalLoadBalancer(props.provider, { sourceRanges });
    super(scope, id, {
      ...props,
      controller: configured.controller,
      exposure,
      allowedSourceCidrs: allowlist,
      defaultClass: props.defaultClass ?? false,
    });
    rejectInputs(this, rejected);

    this.provider = props.provider;
    this.allowedSourceCidrs = allowlist;
    this.edgeSettings = settings;
    this.unsupportedEdgeSettings = [...configured.unsupported];
    this.issuer = props.issuer ?? CaIssuer.withSelfSignedRoot(this, 'InternalCa', { name: `${this.className}-ca` });
    const certificateNamespace = this.certificatesInGatewayNamespace() ? this.namespace : undefined;
    this.routeCertificates = new RouteCertificates(this.issuer, props.certificates, certificateNamespace);

    // Marks the class and the client Service for the rules (CG-GATEWAY-004, CG-GATEWAY-005), in the manifests themselves.
    for (const classObject of [this.ingressClass, this.gatewayObject]) {
      classObject?.metadata.addAnnotation(ANNOTATION_GATEWAY_PROFILE, INTERNAL_API_PROFILE);
      if (this.unsupportedEdgeSettings.length > 0) {
        classObject?.metadata.addAnnotation(ANNOTATION_EDGE_UNSUPPORTED, encodeList(this.unsupportedEdgeSettings));
      }
    }
    for (const service of this.clientServices()) service.metadata.addAnnotation(ANNOTATION_GATEWAY_PROFILE, INTERNAL_API_PROFILE);
  }

  /**
   * The base gateway's allowances, then a Certificate for the route's TLS secret (once per secret and
   * namespace), issued by the gateway's issuer for the route's host.
   */
  protected addRouteObjects(route: Route): void {
    super.addRouteObjects(route);
    this.routeCertificates.issueFor(route);
  }

  /** On the Gateway API alone, the edge settings, unless a route sets its own (with both APIs the controller applies them). */
  protected gatewayApiRouteOptionDefaults(): RouteOptions {
    return this.api === RoutingApi.GATEWAY_API ? edgeSettingsAsRouteOptions(this.edgeSettings) : super.gatewayApiRouteOptionDefaults();
  }

  /** On the Gateway API alone, the trusted proxies besides the base gateway's settings (with both APIs the controller applies them). */
  protected gatewayApiGatewaySettings(): GatewayApiGatewaySettings {
    return this.api === RoutingApi.GATEWAY_API
      ? { ...super.gatewayApiGatewaySettings(), ...gatewayWideEdgeSettings(this.edgeSettings) }
      : super.gatewayApiGatewaySettings();
  }

  /**
   * On the Gateway API alone, route certificates are issued in the Gateway's namespace: the keys stay where the
   * platform keeps them, and cert-manager's HTTP-01 routes appear there, so no tenant namespace is admitted on a
   * listener without a hostname (CG-GWAPI-009).
   */
  protected certificatesInGatewayNamespace(): boolean {
    return this.api === RoutingApi.GATEWAY_API;
  }

  /** The Certificates this gateway creates for its routes, one per TLS secret (reading it renders the app's routes, as synth does). */
  public get certificates(): RouteCertificate[] {
    AppContext.of(this).render();
    return this.routeCertificates.all();
  }

  /** The controller's client-facing Service (the one the controller profile reports), found among this gateway's objects. */
  private clientServices(): ApiObject[] {
    const name = this.serviceName;
    if (name === undefined) return [];
    return this.node.findAll()
      .filter((c): c is ApiObject => c instanceof ApiObject && c.kind === 'Service' && c.name === name);
  }
}

/**
 * The client allowlist without its invalid entries (each recorded in `rejected`); the private ranges when unset.
 * When nothing valid is left, the private ranges too: the recorded mistakes fail synth.
 */
function checkedAllowlist(rejected: RejectedInput[], cidrs: string[] | undefined): string[] {
  if (cidrs === undefined) return [...PRIVATE_SOURCE_CIDRS];
  if (cidrs.length === 0) {
    rejected.push(['allowedSourceCidrs', cidrs, 'the allowlist is empty, so no client could reach the gateway; give at least one CIDR, or leave it unset for the private ranges']);
  }
  // Also the controller's own allowlist, which it parses with Go's net.ParseCIDR.
  const valid = checkCidrListProp(rejected, 'allowedSourceCidrs', cidrs, 'allowed source', { strict: true });
  return valid.length > 0 ? [...new Set(valid)].sort() : [...PRIVATE_SOURCE_CIDRS];
}

function positive(rejected: RejectedInput[], name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    rejected.push([name, value, 'must be a positive integer (1 or more)']);
    return fallback;
  }
  return value;
}
