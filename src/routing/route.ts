import { ApiObject, Chart, SizeRoundingBehavior } from 'cdk8s';
import { Construct } from 'constructs';
import { BackendCertificateAuthoritySource } from './backend-certificate-authority';
import type { IGateway } from './gateway';
import { PathType } from './path-type';
import { RouteBackend } from './route-backend';
import { BackendProtocol, RouteOptions } from './route-options';
import { RouteTable } from './route-table';
import { AppContext } from '../core/app-context';
import { checkListProp, checkProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { standInName } from '../core/input/stand-in';
import { checkCidr, checkDns1123Label, checkDns1123Subdomain, checkInteger, checkWholeKibibytes, checkWholeSeconds } from '../core/validation';
// Type-only: gateways render routes, so a value import would point up a layer.
import { ROUTE_INGRESS_ID } from '../renderers/ingress/ingress-renderer';
import { RuleEngine } from '../rules/engine';
/** Route props without the gateway, for `IngressClassGateway.addRoute`. */
export interface RouteBaseProps {
  /** The host this route serves, for example `www.example.com` or `*.example.com`. */
  readonly host: string;
  /**
   * The request path.
   * @default '/'
   */
  readonly path?: string;
  /**
   * How the path matches.
   * @default PathType.PREFIX
   */
  readonly pathType?: PathType;
  /** Where the traffic goes. */
  readonly backend: RouteBackend;
  /**
   * Secret holding the TLS certificate for `host`; enables HTTPS for the route. In the route's namespace, except on
   * a Gateway API gateway that issues the certificate (`PublicWebGateway`, `InternalApiGateway` with
   * `RoutingApi.GATEWAY_API`): there the Secret is `<route namespace>.<tlsSecretName>` in the gateway's namespace.
   * @default - no TLS
   */
  readonly tlsSecretName?: string;
  /**
   * Name of the Ingress object.
   * @default - a unique name derived from the construct path
   */
  readonly ingressName?: string;
  /**
   * Typed proxy behaviour, translated by the gateway's controller profile.
   * @default - the controller's defaults
   */
  readonly options?: RouteOptions;
}

/** Props of a `Route`. */
export interface RouteProps extends RouteBaseProps {
  /**
   * The gateway that serves the route.
   * @default - the app's default gateway (the one with `defaultClass: true`)
   */
  readonly gateway?: IGateway;
}

/**
 * One host + path routed to one backend through a gateway. A route is a model: it creates no Kubernetes object
 * itself. When the app is synthesized, its gateway renders it (an IngressClass gateway: a `networking.k8s.io/v1`
 * Ingress bound to its class, in the route's namespace, plus what the gateway adds per route, such as a
 * Certificate or a NetworkPolicy allowance).
 *
 * The route model (host, path match, backend, TLS, typed options) maps one to one onto a Gateway API
 * HTTPRoute rule, so a later Gateway API renderer needs no new user-facing concepts.
 */
export class Route extends Construct {
  public readonly host: string;
  public readonly path: string;
  public readonly pathType: PathType;
  public readonly backend: RouteBackend;
  public readonly tlsSecretName?: string;
  /** The name of the rendered object (the Ingress); undefined for the name cdk8s derives from the construct path. */
  public readonly ingressName?: string;
  /** The route options as checked: each rejected option is reported (CG-INPUT-001) and left out. */
  public readonly options: RouteOptions;
  /** The namespace of the route and its objects: the backend's, else the chart's, else `default`. */
  public readonly namespace: string;
  /**
   * The backend's own namespace, when it names a valid one (the rendered objects then set it explicitly).
   * @internal
   */
  public readonly _backendNamespace?: string;
  private readonly explicitGateway?: IGateway;

  constructor(scope: Construct, id: string, props: RouteProps) {
    super(scope, id);
    this.host = props.host;
    this.path = props.path ?? '/';
    this.pathType = props.pathType ?? PathType.PREFIX;
    this.backend = props.backend;
    this.explicitGateway = props.gateway;
    RuleEngine.of(this);
    // A rejected secret name is replaced by a valid stand-in, so the Certificate a gateway derives from it adds no second finding.
    this.tlsSecretName = checkProp(this, 'tlsSecretName', props.tlsSecretName, checkDns1123Subdomain, 'TLS Secret name')
      ? props.tlsSecretName : standInName(props.tlsSecretName!);
    this.ingressName = checkProp(this, 'ingressName', props.ingressName, checkDns1123Subdomain, 'Ingress name') ? props.ingressName : undefined;
    const backendProblems = props.backend._problems();
    this._backendNamespace = backendProblems.some(([field]) => field === 'backend.namespace') ? undefined : props.backend.namespace;
    this.namespace = this._backendNamespace ?? Chart.of(this).namespace ?? 'default';
    this.options = checkedRouteOptions(this, props.options ?? {}, this.tlsSecretName !== undefined);
    RouteTable.of(this).registerRoute(this);
  }

  /** The gateway serving this route: the one given, or the app's default; undefined when neither exists. */
  public get gateway(): IGateway | undefined {
    return this.explicitGateway ?? RouteTable.of(this).defaultGateway();
  }

  /**
   * The Ingress rendered for this route, an escape hatch for patches; on a gateway with `api: RoutingApi.GATEWAY_API`
   * (no Ingress), its HTTPRoute or GRPCRoute. Reading it renders the app's routes, as synth does: read it once every
   * gateway of the app is declared, since a route renders once.
   */
  public get ingress(): ApiObject {
    AppContext.of(this).render();
    return this.node.findChild(ROUTE_INGRESS_ID) as ApiObject;
  }
}

/**
 * Route options as the controllers can take them; each rejected option is reported (CG-INPUT-001) and left out.
 * Every controller profile writes timeouts in whole seconds and body sizes in whole KiB or MiB, and parses
 * allowlists with Go's net.ParseCIDR.
 */
function checkedRouteOptions(route: Route, options: RouteOptions, hasTls: boolean): RouteOptions {
  const seconds = (field: 'connectTimeout' | 'readTimeout' | 'sendTimeout') => {
    const value = options[field];
    return checkProp(route, `options.${field}`, value?.toMilliseconds({ integral: false }), checkWholeSeconds, field) ? value : undefined;
  };
  const size = options.maxRequestBodySize;
  const sizeValid = checkProp(route, 'options.maxRequestBodySize', size?.toKibibytes({ rounding: SizeRoundingBehavior.NONE }), checkWholeKibibytes, 'maxRequestBodySize');
  const rateValid = checkProp(route, 'options.rateLimitPerSecond', options.rateLimitPerSecond, (v) => checkInteger(v, { min: 1 }), 'rateLimitPerSecond');
  let clientCertificate = options.clientCertificate;
  if (clientCertificate) {
    const valid = [
      checkProp(route, 'options.clientCertificate.caSecretName', clientCertificate.caSecretName, checkDns1123Subdomain, 'CA Secret name'),
      checkProp(route, 'options.clientCertificate.caSecretNamespace', clientCertificate.caSecretNamespace, checkDns1123Label, 'CA Secret namespace'),
      checkProp(route, 'options.clientCertificate.verifyDepth', clientCertificate.verifyDepth, (v) => checkInteger(v, { min: 0 }), 'verifyDepth'),
    ].every(Boolean);
    if (valid && !hasTls) {
      rejectInput(route, 'options.clientCertificate', clientCertificate,
        'client certificate auth needs TLS on the route: clients present certificates only in a TLS handshake; set tlsSecretName');
    }
    if (!valid || !hasTls) clientCertificate = undefined;
  }
  const backendTls = checkedBackendTlsOptions(route, options);
  const checked: RouteOptions = {
    ...options,
    connectTimeout: seconds('connectTimeout'),
    readTimeout: seconds('readTimeout'),
    sendTimeout: seconds('sendTimeout'),
    maxRequestBodySize: sizeValid ? size : undefined,
    allowedSourceRanges: checkListProp(route, 'options.allowedSourceRanges', options.allowedSourceRanges, (v) => checkCidr(v, { strict: true }), 'allowed source range'),
    rateLimitPerSecond: rateValid ? options.rateLimitPerSecond : undefined,
    clientCertificate,
    ...backendTls,
  };
  // Options left out are absent, as if never given (profiles list the keys they can not apply).
  return Object.fromEntries(Object.entries(checked).filter(([, v]) => v !== undefined)) as RouteOptions;
}

/**
 * The backend certificate options as checked: names as the BackendTLSPolicy CRD accepts them, and only next to a
 * backend protocol that speaks TLS (without TLS nothing is verified, so the option would be silently void).
 */
function checkedBackendTlsOptions(route: Route, options: RouteOptions): Pick<RouteOptions, 'backendCertificateAuthority' | 'backendTlsHostname'> {
  let authority = options.backendCertificateAuthority;
  if (authority?.objectName !== undefined) {
    const label = authority.source === BackendCertificateAuthoritySource.SECRET ? 'CA Secret name' : 'CA ConfigMap name';
    if (!checkProp(route, 'options.backendCertificateAuthority', authority.objectName, checkDns1123Subdomain, label)) authority = undefined;
  }
  let hostname = options.backendTlsHostname;
  if (!checkProp(route, 'options.backendTlsHostname', hostname, checkDns1123Subdomain, 'backend TLS hostname')) hostname = undefined;
  const speaksTls = options.backendProtocol === BackendProtocol.HTTPS || options.backendProtocol === BackendProtocol.GRPCS;
  if (!speaksTls) {
    for (const [field, value] of [['backendCertificateAuthority', authority?.toString()], ['backendTlsHostname', hostname]] as const) {
      if (value === undefined) continue;
      rejectInput(route, `options.${field}`, value,
        `a backend certificate is verified only when the proxy speaks TLS to the backend; set backendProtocol to HTTPS or GRPCS (got ${options.backendProtocol ?? 'HTTP'}), or leave ${field} unset`);
    }
    return { backendCertificateAuthority: undefined, backendTlsHostname: undefined };
  }
  return { backendCertificateAuthority: authority, backendTlsHostname: hostname };
}
