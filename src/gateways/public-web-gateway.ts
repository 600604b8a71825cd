import { Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { checkedSeconds, checkedSize, DEFAULT_REQUEST_LIMITS } from './edge-values';
import { unappliedRouteDefaults } from './gateway-api-defaults';
import { IngressClassGateway, IngressClassGatewayProps } from './ingress-class-gateway';
import { HardenedController, IIngressController, PublicWebHardening } from '../controllers/controller-profile';
import { AppContext } from '../core/app-context';
import { GatewayExposure } from '../core/exposure';
import { InvalidInputError } from '../core/input/input-error';
import { RejectedInput, rejectInput, rejectInputs } from '../core/input/reject-input';
import { ANNOTATION_GATEWAY_PROFILE, ANNOTATION_PUBLIC_WEB_UNSUPPORTED, encodeList, PUBLIC_WEB_PROFILE } from '../core/manifest-contract';
import { RoutingApi } from '../core/routing-api';
import { renderHttpsRedirect } from '../renderers/gateway-api/https-redirect';
import { Route } from '../routing/route';
import { RouteOptions } from '../routing/route-options';
import { AcmeIssuer } from '../tls/acme-issuer';
import { CertificateOptions } from '../tls/certificate';
import { ICertificateIssuer } from '../tls/issuer';
import { RouteCertificate } from '../tls/route-certificate';
import { RouteCertificates } from '../tls/route-certificates';

/** The Strict-Transport-Security header of a public web gateway. */
export interface HstsOptions {
  /**
   * How long browsers use only HTTPS for the host after seeing the header.
   * @default Duration.days(365)
   */
  readonly maxAge?: Duration;
  /**
   * Extend HSTS to every subdomain of each host. Only when every subdomain serves HTTPS: a subdomain still on
   * plain HTTP (an intranet tool, say) becomes unreachable for browsers that saw the header.
   * @default false
   */
  readonly includeSubdomains?: boolean;
  /**
   * Mark the hosts for the browsers' HSTS preload lists (needs `includeSubdomains` and a max-age of at least a year,
   * and is hard to undo).
   * @default false
   */
  readonly preload?: boolean;
}

/** Props of a `PublicWebGateway`. */
export interface PublicWebGatewayProps extends IngressClassGatewayProps {
  /**
   * The cert-manager issuer of every route's certificate. An `AcmeIssuer` of this app gets this gateway as an
   * HTTP-01 solver (see `solveHttp01`).
   */
  readonly issuer: ICertificateIssuer;
  /**
   * Register this gateway as an HTTP-01 solver of `issuer` when it is an `AcmeIssuer` of this app, so its
   * challenges are served through this gateway's class. Turn off for an issuer that validates with DNS-01 only.
   * @default true
   */
  readonly solveHttp01?: boolean;
  /**
   * Key and lifetime of the certificates this gateway creates.
   * @default - ECDSA P-256 keys rotated on renewal, 90-day certificates renewed 30 days before expiry
   */
  readonly certificates?: CertificateOptions;
  /**
   * The Strict-Transport-Security header sent on HTTPS responses.
   * @default - max-age one year, without includeSubDomains and preload
   */
  readonly hsts?: HstsOptions;
  /**
   * Largest request body accepted (HTTP 413 beyond it), unless a route sets its own.
   * @default Size.mebibytes(8)
   */
  readonly maxRequestBodySize?: Size;
  /**
   * How long to wait for a backend to accept a connection, unless a route sets its own.
   * @default Duration.seconds(5)
   */
  readonly connectTimeout?: Duration;
  /**
   * How long to wait for a backend's response, unless a route sets its own.
   * @default Duration.seconds(60)
   */
  readonly readTimeout?: Duration;
  /**
   * How long to wait between two writes of a request to a backend, unless a route sets its own.
   * @default - the controller's default (ingress-nginx: 60 s)
   */
  readonly sendTimeout?: Duration;
}

const SECONDS_PER_YEAR = 365 * 24 * 60 * 60;

/**
 * An `IngressClassGateway` preset for internet-facing web traffic.
 *
 * - An external load balancer (`GatewayExposure.publicLoadBalancer()`; an internal exposure is rejected).
 * - TLS on every route: each route's `tlsSecretName` gets a cert-manager `Certificate` from `issuer`, in the route's
 *   namespace, with exactly the route's host as dnsNames (one Certificate per secret). A route without TLS fails
 *   synth (CG-TLS-011) unless suppressed with a reason.
 * - HTTP redirected to HTTPS and HSTS, plus request body and timeout defaults, the way the controller profile does
 *   it (`IIngressController.hardenForPublicWeb`). What a controller can not apply is recorded on the IngressClass
 *   and reported by CG-TLS-012 (redirect, HSTS) and CG-TLS-013 (limits). AWS ALB (ACM certificates only) and GKE
 *   (FrontendConfig/BackendConfig) are rejected.
 *
 * The IngressClass carries `gateways.cdk8s.io/profile: public-web`, so the TLS rule also applies to hand-written
 * Ingresses of the class in `lint` and the synth plugin.
 */
export class PublicWebGateway extends IngressClassGateway {
  /** The issuer of the routes' certificates. */
  public readonly issuer: ICertificateIssuer;
  /** What the controller was asked to apply. */
  public readonly hardening: PublicWebHardening;
  /** The hardening the controller can not apply (`httpsRedirect`, `hsts`, or `PublicWebHardening` property names). */
  public readonly unsupportedHardening: string[];
  private readonly routeCertificates: RouteCertificates;

  constructor(scope: Construct, id: string, props: PublicWebGatewayProps) {
    // `this` exists only after super(): mistakes are collected first and reported right after it.
    const rejected: RejectedInput[] = [];
    let exposure = props.exposure ?? GatewayExposure.publicLoadBalancer();
    if (exposure.internal) {
      rejected.push(['exposure', `internal load balancer (${exposure.provider?.name ?? 'no provider'})`,
        'a public web gateway is internet-facing: use GatewayExposure.publicLoadBalancer() (or no exposure), or an IngressClassGateway for an internal gateway']);
      exposure = GatewayExposure.publicLoadBalancer();
    }
    const hardening = hardeningOf(rejected, props);
    // On the Gateway API the redirect and HSTS are standard (a RequestRedirect route, a ResponseHeaderModifier filter).
    const hardened = (props.api ?? RoutingApi.INGRESS) === RoutingApi.INGRESS
      ? harden(rejected, props.controller, hardening)
      : { controller: props.controller, unsupported: unappliedRouteDefaults(props.controller, limitsAsRouteOptions(hardening)) };
    super(scope, id, { ...props, controller: hardened.controller, exposure });
    rejectInputs(this, rejected);

    this.issuer = props.issuer;
    this.hardening = hardening;
    this.unsupportedHardening = [...hardened.unsupported];
    const certificateNamespace = this.certificatesInGatewayNamespace() ? this.namespace : undefined;
    this.routeCertificates = new RouteCertificates(this.issuer, props.certificates, certificateNamespace);

    if (this.api !== RoutingApi.GATEWAY_API && this.ingressClass === undefined && this.routeBinding?.classAnnotation === undefined) {
      // The installation owns the IngressClass (AGIC add-on): the profile and the hardening gaps would go unrecorded.
      rejectInput(this, 'controller', props.controller.name, 'a PublicWebGateway records its profile and hardening gaps on its IngressClass, '
        + 'and this controller\'s installation owns that class; let the gateway emit the IngressClass');
    }
    // Marks the class for the rules (CG-TLS-011 to CG-TLS-013), in the manifests themselves.
    for (const classObject of [this.ingressClass, this.gatewayObject]) {
      classObject?.metadata.addAnnotation(ANNOTATION_GATEWAY_PROFILE, PUBLIC_WEB_PROFILE);
      if (this.unsupportedHardening.length > 0) {
        classObject?.metadata.addAnnotation(ANNOTATION_PUBLIC_WEB_UNSUPPORTED, encodeList(this.unsupportedHardening));
      }
    }
    if (this.gatewayObject) renderHttpsRedirect(this, this.className, this.namespace);
    if ((props.solveHttp01 ?? true) && props.issuer instanceof AcmeIssuer) props.issuer.addHttp01Gateway(this);
  }

  /**
   * The base gateway's allowances, then a Certificate for the route's TLS secret (once per secret and
   * namespace), issued by the gateway's issuer for the route's host. A route without `tlsSecretName` gets none;
   * CG-TLS-011 reports it at synth.
   */
  protected addRouteObjects(route: Route): void {
    super.addRouteObjects(route);
    this.routeCertificates.issueFor(route);
  }

  /** Plain HTTP only redirects to HTTPS. */
  protected redirectsPlainHttp(): boolean {
    return true;
  }

  /** The gateway's request limits, unless a route sets its own. */
  protected gatewayApiRouteOptionDefaults(): RouteOptions {
    return limitsAsRouteOptions(this.hardening);
  }

  /** Every route sends HSTS (a standard ResponseHeaderModifier filter). */
  protected gatewayApiRouteFilters(): { [key: string]: any }[] {
    return [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Strict-Transport-Security', value: hstsHeaderValue(this.hardening) }] } }];
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
}

/**
 * The controller hardened for the public web. A profile that can not be hardened is recorded in `rejected` and
 * deployed as it is: the recorded mistake fails synth.
 */
function harden(rejected: RejectedInput[], controller: IIngressController, hardening: PublicWebHardening): HardenedController {
  const unhardened: HardenedController = { controller, unsupported: [] };
  if (!controller.hardenForPublicWeb) {
    rejected.push(['controller', controller.name,
      'the controller profile can not redirect to HTTPS or send HSTS (it has no hardenForPublicWeb); use IngressController.nginx(), traefik(), haproxy() or azureApplicationGateway()']);
    return unhardened;
  }
  try {
    return controller.hardenForPublicWeb(hardening);
  } catch (e) {
    // A profile that can not serve the public web says why with an InvalidInputError.
    if (!(e instanceof InvalidInputError)) throw e;
    rejected.push(['controller', controller.name, e.message]);
    return unhardened;
  }
}

/** The request limits of the hardening as route options: on the Gateway API, every route's defaults. */
function limitsAsRouteOptions(hardening: PublicWebHardening): RouteOptions {
  return {
    maxRequestBodySize: hardening.maxRequestBodySize,
    connectTimeout: hardening.connectTimeout,
    readTimeout: hardening.readTimeout,
    ...(hardening.sendTimeout ? { sendTimeout: hardening.sendTimeout } : {}),
  };
}


/** The Strict-Transport-Security header value for the hardening. */
function hstsHeaderValue(hardening: PublicWebHardening): string {
  return [`max-age=${hardening.hstsMaxAge.toSeconds()}`, ...(hardening.hstsIncludeSubdomains ? ['includeSubDomains'] : []),
    ...(hardening.hstsPreload ? ['preload'] : [])].join('; ');
}

function hardeningOf(rejected: RejectedInput[], props: PublicWebGatewayProps): PublicWebHardening {
  const hsts = props.hsts ?? {};
  const maxAge = checkedSeconds(rejected, 'hsts.maxAge', hsts.maxAge, Duration.days(365));
  const includeSubdomains = hsts.includeSubdomains ?? false;
  const preload = hsts.preload ?? false;
  if (preload && (!includeSubdomains || maxAge.toSeconds() < SECONDS_PER_YEAR)) {
    rejected.push(['hsts', { preload, includeSubdomains, maxAgeSeconds: maxAge.toSeconds() },
      `HSTS preload needs includeSubdomains and a max-age of at least one year (${SECONDS_PER_YEAR} s)`]);
  }
  return {
    hstsMaxAge: maxAge,
    hstsIncludeSubdomains: includeSubdomains,
    hstsPreload: preload,
    maxRequestBodySize: checkedSize(rejected, 'maxRequestBodySize', props.maxRequestBodySize, DEFAULT_REQUEST_LIMITS.maxRequestBodySize),
    connectTimeout: checkedSeconds(rejected, 'connectTimeout', props.connectTimeout, DEFAULT_REQUEST_LIMITS.connectTimeout),
    readTimeout: checkedSeconds(rejected, 'readTimeout', props.readTimeout, DEFAULT_REQUEST_LIMITS.readTimeout),
    sendTimeout: checkedSeconds(rejected, 'sendTimeout', props.sendTimeout),
  };
}
