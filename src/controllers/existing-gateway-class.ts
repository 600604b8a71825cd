import { Construct } from 'constructs';
import { ControllerDeployment, ControllerDeployOptions, IIngressController } from './controller-profile';
import {
  GatewayApiDeployment, GatewayApiDeployOptions, GatewayApiGatewaySettings, GatewayApiGatewayTarget, GatewayApiGatewayTranslation,
  GatewayApiRouteTarget, GatewayApiRouteTranslation, IGatewayApiImplementation,
} from './gateway-api-implementation';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { rejectInput } from '../core/input/reject-input';
import { RoutingApi } from '../core/routing-api';
import { RouteOptions } from '../routing/route-options';

/** Options of an existing GatewayClass. */
export interface ExistingGatewayClassOptions {
  /**
   * The class's `spec.controllerName`, for messages and the rules; the gateway does not write it.
   * @default - unknown (`existing/<class name>`)
   */
  readonly controllerName?: string;
}

/**
 * The largest number of seconds a Gateway API duration takes as one `<n>s` term
 * (`^([0-9]{1,5}(h|m|s|ms)){1,4}$` in the HTTPRoute CRD, gateway-api v1.6.1).
 */
const MAX_DURATION_SECONDS = 99999;

/**
 * The `caCertificateRefs` kinds every conformant implementation reads: one ConfigMap with `ca.crt` is Core support;
 * other kinds (a Secret) are implementation-specific (BackendTLSPolicy CRD `spec.validation.caCertificateRefs`,
 * gateway-api v1.6.1).
 */
const CORE_BACKEND_CA_KINDS: readonly string[] = ['ConfigMap'];

/**
 * A GatewayClass that exists in the cluster (installed with Istio, Cilium, kgateway, GKE, ...): gateways name it and
 * emit no GatewayClass. Only standard HTTPRoute fields are used, so only what the standard expresses is applied:
 * `readTimeout` becomes the route's `timeouts.backendRequest` (the whole backend response, which is stricter than
 * a wait between reads); every other option needs an implementation policy and is listed as unsupported, which
 * CG-GATEWAY-003 reports. Backend protocols are standard (GRPCRoute, BackendTLSPolicy) and handled by the renderer,
 * as is backend certificate verification with a ConfigMap CA (a Secret CA is implementation-specific: reported).
 */
export class ExistingGatewayClassImplementation implements IGatewayApiImplementation {
  public readonly name: string;
  public readonly controllerName: string;

  constructor(public readonly gatewayClassName: string, options: ExistingGatewayClassOptions = {}) {
    this.name = `existing GatewayClass "${gatewayClassName}"`;
    this.controllerName = options.controllerName ?? `existing/${gatewayClassName}`;
  }

  public deploy(_scope: Construct, _options: GatewayApiDeployOptions): GatewayApiDeployment {
    return {
      controllerName: this.controllerName,
      emitsGatewayClass: false,
      gatewayClassName: this.gatewayClassName,
      // Conformant implementations listen on the Gateway's own listener ports.
      httpListenerPort: 80,
      httpsListenerPort: 443,
      // ListenerSet is standard in v1.6, but support can not be assumed of an unknown implementation.
      supportsListenerSets: false,
    };
  }

  public translateRouteOptions(options: RouteOptions, target: GatewayApiRouteTarget): GatewayApiRouteTranslation {
    const unsupported: string[] = [];
    let backendRequest: string | undefined;
    for (const key of Object.keys(options) as (keyof RouteOptions)[]) {
      if (options[key] === undefined) continue;
      switch (key) {
        case 'backendProtocol':
        case 'backendTlsHostname':
          break;
        case 'backendCertificateAuthority': {
          const authority = options.backendCertificateAuthority!;
          if (authority.objectName !== undefined && !CORE_BACKEND_CA_KINDS.includes(authority.source)) unsupported.push(key);
          break;
        }
        case 'sslRedirect':
          // A route can not redirect per route in the standard; a PublicWebGateway redirects on its HTTP listener.
          if (options.sslRedirect) unsupported.push(key);
          break;
        case 'readTimeout': {
          const seconds = options.readTimeout!.toSeconds();
          // GRPCRoute has no standard timeouts field.
          if (target.kind === 'HTTPRoute' && seconds <= MAX_DURATION_SECONDS) backendRequest = `${seconds}s`;
          else unsupported.push(key);
          break;
        }
        default:
          unsupported.push(key);
      }
    }
    return {
      filters: [],
      objects: [],
      ...(backendRequest ? { timeouts: { backendRequest } } : {}),
      unsupported: unsupported.sort(),
    };
  }

  /**
   * Standard fields only. Trusted proxies have none, so they are reported. Client certificates have one
   * (`spec.tls.frontend`), whose Core support is a single ConfigMap reference; this library's client CA is a Secret
   * (`ClientCertificateAuth`), which is implementation-specific there, so it is reported rather than assumed.
   */
  public translateGatewaySettings(settings: GatewayApiGatewaySettings, _gateway: GatewayApiGatewayTarget): GatewayApiGatewayTranslation {
    const unsupported = [
      ...(settings.trustedProxyCidrs?.length ? ['trustedProxyCidrs'] : []),
      ...(settings.clientCertificate !== undefined ? ['clientCertificate'] : []),
    ];
    return { objects: [], unsupported };
  }
}

/**
 * A controller profile for an existing GatewayClass: nothing runs from this library (the implementation is
 * installed with its own chart) and it serves no Ingresses, so only `api: RoutingApi.GATEWAY_API` is accepted.
 */
export class ExistingGatewayClassController implements IIngressController {
  public readonly name: string;
  /** The class's `spec.controllerName`, as given (or `existing/<class name>`). */
  public readonly controllerName: string;
  public readonly selfHosted?: boolean = false;
  public readonly gatewayApi?: IGatewayApiImplementation;

  constructor(gatewayClassName: string, options: ExistingGatewayClassOptions = {}) {
    const implementation = new ExistingGatewayClassImplementation(gatewayClassName, options);
    this.gatewayApi = implementation;
    this.name = implementation.name;
    this.controllerName = implementation.controllerName;
  }

  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    const api = options.routingApi ?? RoutingApi.INGRESS;
    if (api !== RoutingApi.GATEWAY_API) {
      rejectInput(scope, 'api', api, `${this.name} serves the Gateway API only; set api: RoutingApi.GATEWAY_API`);
    }
    for (const [field, value] of [['resources', options.resources], ['exposure.sourceRanges', options.exposure.sourceRanges?.length ? options.exposure.sourceRanges : undefined]] as const) {
      if (value !== undefined) {
        rejectInput(scope, field, value, `${this.name} is installed and configured outside this library, which can not apply ${field}; leave it unset`);
      }
    }
    return { controllerValue: this.controllerName };
  }

  /** Ingresses are not served; the gateway rejects an Ingress API first, so this only lists the options. */
  public translateRouteOptions(options: RouteOptions, _target?: IngressRouteTarget): RouteOptionsTranslation {
    return { annotations: {}, unsupported: Object.keys(options).filter((k) => (options as any)[k] !== undefined).sort() };
  }
}
