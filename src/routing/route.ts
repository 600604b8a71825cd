import { ApiObjectMetadataDefinition, Lazy, SizeRoundingBehavior } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PathType } from './path-type';
import { RouteBackend } from './route-backend';
import { RouteOptions } from './route-options';
import { ANNOTATION_LEGACY_CLASS, ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS, encodeList, LABEL_MANAGED_BY, MANAGED_BY } from '../core/manifest-contract';
import { checkCidr, checkDns1123Label, checkDns1123Subdomain, checkInteger, checkWholeKibibytes, checkWholeSeconds } from '../core/validation';
import { IGateway } from '../gateways/gateway';
import { GatewayRegistry } from '../gateways/gateway-registry';
import { RuleEngine } from '../rules/engine';
import { checkListProp, checkProp } from '../rules/input/prop-checks';
import { rejectInput, rejectInputs } from '../rules/input/reject-input';
import { standInName } from '../rules/input/stand-in';

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
   * Secret holding the TLS certificate for `host`; enables HTTPS for the route.
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
 * One host + path routed to one backend through a gateway: a `networking.k8s.io/v1` Ingress bound
 * to the gateway's class with `spec.ingressClassName`, created in the backend's namespace.
 *
 * The route model (host, path match, backend, TLS, typed options) maps one to one onto a Gateway API
 * HTTPRoute rule, so a later Gateway API emitter needs no new user-facing concepts.
 */
export class Route extends Construct {
  public readonly host: string;
  public readonly path: string;
  public readonly pathType: PathType;
  public readonly backend: RouteBackend;
  public readonly tlsSecretName?: string;
  /** The Ingress object. */
  public readonly ingress: k8s.KubeIngress;
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
    const ingressName = checkProp(this, 'ingressName', props.ingressName, checkDns1123Subdomain, 'Ingress name') ? props.ingressName : undefined;
    const backendProblems = props.backend._problems();
    const backendNamespace = backendProblems.some(([field]) => field === 'backend.namespace') ? undefined : props.backend.namespace;
    const options = checkedRouteOptions(this, props.options ?? {}, this.tlsSecretName !== undefined);
    this.ingress = new RouteIngress(this, 'Resource', {
      metadata: {
        // Keys are left out rather than set to undefined, which would override cdk8s's generated name.
        ...(ingressName ? { name: ingressName } : {}),
        ...(backendNamespace ? { namespace: backendNamespace } : {}),
        labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
      },
      spec: {
        // Resolved at synth, so a route may be declared before the default gateway. Controllers that select by
        // annotation only (GKE) get the annotation instead: the API server rejects an Ingress with both.
        ingressClassName: Lazy.any({
          produce: () => (this.gateway?.routeBinding?.classAnnotation === undefined ? this.gateway?.className : undefined),
        }),
        tls: this.tlsSecretName ? [{ hosts: [props.host], secretName: this.tlsSecretName }] : undefined,
        rules: [{
          host: props.host,
          http: {
            paths: [{
              path: this.path,
              pathType: this.pathType,
              backend: {
                service: {
                  name: props.backend.serviceName,
                  port: Lazy.any({
                    produce: () => {
                      // Read at synth: the Service's ports may be added after the route.
                      rejectInputs(this, props.backend._problems());
                      return props.backend.port;
                    },
                  }),
                },
              },
            }],
          },
        }],
      },
    }, (metadata) => {
      const gateway = this.gateway;
      if (!gateway) return; // CG-INGRESS-010 reports the Ingress, listing the classes it could use
      const binding = gateway.routeBinding;
      if (binding?.classAnnotation !== undefined) metadata.addAnnotation(ANNOTATION_LEGACY_CLASS, binding.classAnnotation);
      for (const [key, value] of Object.entries(binding?.annotations ?? {})) metadata.addAnnotation(key, value);
      const { annotations, unsupported } = gateway.controller.translateRouteOptions(options);
      for (const [key, value] of Object.entries(annotations)) metadata.addAnnotation(key, value);
      // Options the controller can not express are recorded, not dropped: CG-GATEWAY-003 reports them.
      if (unsupported.length > 0) metadata.addAnnotation(ANNOTATION_UNSUPPORTED_ROUTE_OPTIONS, encodeList(unsupported));
    });

    GatewayRegistry.of(this).registerRoute(this);
    this.gateway?.bindRoute?.(this);
  }

  /** The gateway serving this route: the one given, or the app's default; undefined when neither exists. */
  public get gateway(): IGateway | undefined {
    return this.explicitGateway ?? GatewayRegistry.of(this).defaultGateway();
  }
}

/** An Ingress whose controller-specific annotations are added at synth, once the serving gateway is known. */
class RouteIngress extends k8s.KubeIngress {
  constructor(scope: Construct, id: string, props: k8s.KubeIngressProps, private readonly annotate: (metadata: ApiObjectMetadataDefinition) => void) {
    super(scope, id, props);
  }

  public toJson(): any {
    this.annotate(this.metadata); // idempotent: the same keys get the same values
    return super.toJson();
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
  const checked: RouteOptions = {
    ...options,
    connectTimeout: seconds('connectTimeout'),
    readTimeout: seconds('readTimeout'),
    sendTimeout: seconds('sendTimeout'),
    maxRequestBodySize: sizeValid ? size : undefined,
    allowedSourceRanges: checkListProp(route, 'options.allowedSourceRanges', options.allowedSourceRanges, (v) => checkCidr(v, { strict: true }), 'allowed source range'),
    rateLimitPerSecond: rateValid ? options.rateLimitPerSecond : undefined,
    clientCertificate,
  };
  // Options left out are absent, as if never given (profiles list the keys they can not apply).
  return Object.fromEntries(Object.entries(checked).filter(([, v]) => v !== undefined)) as RouteOptions;
}
