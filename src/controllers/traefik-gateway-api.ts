import { createHash } from 'crypto';
import { Construct } from 'constructs';
import { setOptionNames } from './cloud-managed';
import { TRAEFIK_3_7_11_GATEWAY_API } from './facts/gateway-api-traefik-3.7.11';
import { TRAEFIK_3_7_11 } from './facts/traefik-3.7.11';
import {
  GatewayApiDeployment, GatewayApiDeployOptions, GatewayApiGatewaySettings, GatewayApiGatewayTarget, GatewayApiGatewayTranslation,
  GatewayApiRouteObject, GatewayApiRouteTarget, GatewayApiRouteTranslation, IGatewayApiImplementation,
} from './gateway-api-implementation';
import { LABEL_GATEWAY_CLASS } from '../core/manifest-contract';
import { Middleware, MiddlewareSpec, MiddlewareSpecRateLimitPeriod, toJson_MiddlewareSpec } from '../imports/traefik.io';
import { RouteOptions } from '../routing/route-options';

const GATEWAY_FACTS = TRAEFIK_3_7_11_GATEWAY_API;
/** The Middleware filter's group and kind, as the Gateway provider registers them (facts: middlewareFilter). */
const MIDDLEWARE_GROUP = GATEWAY_FACTS.middlewareFilter.value.group;
const MIDDLEWARE_KIND = GATEWAY_FACTS.middlewareFilter.value.kind;

/** The Traefik controller deployment of one gateway, as the profile deployed it. */
export interface TraefikInstance {
  /** Instance name (`app.kubernetes.io/instance` of the pods, and the GatewayClass selection label's value). */
  readonly instanceName: string;
  /** Labels that select the Traefik pods. */
  readonly podLabels: { [key: string]: string };
}

/** The label a Traefik instance's GatewayClass carries and its `--providers.kubernetesgateway.labelselector` names. */
export function traefikGatewayClassLabels(instanceName: string): { [key: string]: string } {
  return { [LABEL_GATEWAY_CLASS]: instanceName };
}

/**
 * Traefik v3.7.11 as a Gateway API implementation. The gateway's own Traefik deployment (the Ingress profile's, with
 * the Gateway provider on) serves its Gateway, so `deploy` creates nothing: it reports the controller name, the pods
 * and the entry point ports that listeners must use. Route options become Middlewares in the route's namespace,
 * referenced by `ExtensionRef` filters; what Traefik can not apply per route is reported.
 */
export class TraefikGatewayApi implements IGatewayApiImplementation {
  public readonly name = 'traefik';

  /**
   * @param redirectToHttps whether the `web` entry point redirects every request to HTTPS (as for Ingress routes)
   * @param middlewares whether the CRD provider is on, so ExtensionRef filters to Middlewares resolve
   * @param instanceOf the deployment the profile made for a gateway's namespace and class, if it made one
   * @param entryPointTrustedProxies the entry points' `forwardedHeaders.trustedIPs` (set by the profile's `configureEdge`)
   */
  constructor(
    private readonly redirectToHttps: boolean,
    private readonly middlewares: boolean,
    private readonly instanceOf: (namespace: string, className: string) => TraefikInstance | undefined,
    private readonly entryPointTrustedProxies: string[] = [],
  ) {}

  public deploy(_scope: Construct, options: GatewayApiDeployOptions): GatewayApiDeployment {
    const instance = this.instanceOf(options.namespace, options.className);
    if (instance === undefined) {
      // The gateway deploys the controller (IIngressController.deploy) before asking the implementation; without it
      // there is no Traefik to serve the Gateway.
      throw new Error(`no Traefik deployment for class "${options.className}" in namespace "${options.namespace}": deploy the controller first`);
    }
    return {
      controllerName: GATEWAY_FACTS.controllerName.value,
      emitsGatewayClass: true,
      gatewayClassLabels: traefikGatewayClassLabels(instance.instanceName),
      proxyNamespace: options.namespace,
      proxyPodLabels: { ...instance.podLabels },
      // A listener binds the entry point whose address ends in its port (facts: listenerToEntryPoint).
      httpListenerPort: TRAEFIK_3_7_11.ports.web.port,
      httpsListenerPort: TRAEFIK_3_7_11.ports.websecure.port,
      // Built against Gateway API v1.5.1: no ListenerSet support (facts: gatewayApiModule).
      supportsListenerSets: false,
    };
  }

  /**
   * `allowedSourceRanges` becomes an `ipAllowList` Middleware and `rateLimitPerSecond` a `rateLimit` Middleware, both
   * keyed by the connection's address. Not applied per route: the body size (Traefik's only limit is the Buffering
   * middleware, which holds whole requests and responses and breaks streaming, the same decision as for Ingress), the
   * timeouts (the provider ignores HTTPRoute `timeouts`; Traefik has no send timeout), and client certificates (a
   * TLSOption of the entry point, not of a route).
   */
  public translateRouteOptions(options: RouteOptions, target: GatewayApiRouteTarget): GatewayApiRouteTranslation {
    const objects: GatewayApiRouteObject[] = [];
    const unsupported: string[] = [];
    for (const key of setOptionNames(options)) {
      switch (key) {
        case 'allowedSourceRanges':
          if (this.middlewares) {
            objects.push(middleware(middlewareName(target.name, 'allowlist'), { ipAllowList: { sourceRange: [...options.allowedSourceRanges!] } }));
          } else {
            unsupported.push(key);
          }
          break;
        case 'rateLimitPerSecond':
          if (this.middlewares) {
            const perSecond = options.rateLimitPerSecond!;
            objects.push(middleware(middlewareName(target.name, 'rate-limit'), {
              // Bursts of up to one second's worth; an empty ipStrategy keys clients by the connection's address (facts: emptyIpStrategy).
              rateLimit: { average: perSecond, period: MiddlewareSpecRateLimitPeriod.fromString('1s'), burst: perSecond, sourceCriterion: { ipStrategy: {} } },
            }));
          } else {
            unsupported.push(key);
          }
          break;
        case 'sslRedirect':
          // HTTP is redirected (or not) at the `web` entry point, for every router on it.
          if (options.sslRedirect !== this.redirectToHttps) unsupported.push(key);
          break;
        case 'backendProtocol':
          // The renderer emits a GRPCRoute for gRPC and a BackendTLSPolicy for TLS backends; the provider serves both (facts: kinds).
          break;
        case 'backendCertificateAuthority':
        case 'backendTlsHostname': {
          // Read from the Service's BackendTLSPolicy, for HTTPRoute backends only, and only kinds the provider reads (facts).
          const caKind = options.backendCertificateAuthority?.objectName !== undefined ? options.backendCertificateAuthority.source : undefined;
          const kindRead = key !== 'backendCertificateAuthority' || caKind === undefined || GATEWAY_FACTS.backendCaRefKinds.value.kinds.includes(caKind);
          if (!GATEWAY_FACTS.backendTlsPolicyRouteKinds.value.includes(target.kind) || !kindRead) unsupported.push(key);
          break;
        }
        case 'connectTimeout':
        case 'readTimeout':
          // The provider does not read HTTPRoute `timeouts` (facts: routeTimeouts), and per-route ServersTransports are IngressRoute-only.
          unsupported.push(key);
          break;
        default:
          // maxRequestBodySize, sendTimeout, clientCertificate (see above).
          unsupported.push(key);
      }
    }
    const filters = objects.map((o) => ({ type: 'ExtensionRef', extensionRef: { group: MIDDLEWARE_GROUP, kind: MIDDLEWARE_KIND, name: o.name } }));
    return { filters, objects, unsupported };
  }

  /** See `translateTraefikGatewaySettings`. */
  public translateGatewaySettings(settings: GatewayApiGatewaySettings, _gateway: GatewayApiGatewayTarget): GatewayApiGatewayTranslation {
    return translateTraefikGatewaySettings(settings, this.entryPointTrustedProxies);
  }
}

/**
 * Trusted proxies are the entry points' `forwardedHeaders.trustedIPs`, which wrap every request of the entry point,
 * Gateway routes included (facts: entryPointSettings): applied when the profile was configured with exactly these
 * (`IIngressController.configureEdge`), else reported. Client certificates are not applied: the provider neither
 * reads `spec.tls.frontend` nor lets a listener name a TLSOption (facts: frontendValidation).
 */
function translateTraefikGatewaySettings(settings: GatewayApiGatewaySettings, entryPointTrustedProxies: string[]): GatewayApiGatewayTranslation {
  const unsupported: string[] = [];
  const wanted = [...new Set(settings.trustedProxyCidrs ?? [])].sort();
  const trusted = [...new Set(entryPointTrustedProxies)].sort();
  if (wanted.length > 0 && wanted.join(',') !== trusted.join(',')) unsupported.push('trustedProxyCidrs');
  if (settings.clientCertificate !== undefined) unsupported.push('clientCertificate');
  return { objects: [], unsupported };
}

/** Longest `metadata.name` (a DNS-1123 subdomain). */
const MAX_NAME_LENGTH = 253;

/** `<route>-<purpose>`, shortened with a hash of the route name when it would exceed the longest object name. */
function middlewareName(routeName: string, purpose: string): string {
  const name = `${routeName}-${purpose}`;
  if (name.length <= MAX_NAME_LENGTH) return name;
  const hash = createHash('sha256').update(routeName).digest('hex').slice(0, 8);
  const kept = routeName.slice(0, MAX_NAME_LENGTH - purpose.length - hash.length - 2).replace(/[.-]+$/, '');
  return `${kept}-${hash}-${purpose}`;
}

function middleware(name: string, spec: MiddlewareSpec): GatewayApiRouteObject {
  return { apiVersion: Middleware.GVK.apiVersion, kind: Middleware.GVK.kind, name, spec: toJson_MiddlewareSpec(spec)! };
}
