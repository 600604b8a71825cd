import { Construct } from 'constructs';
import { assertCloudManagedOptions, setOptionNames } from './cloud-managed';
import { ControllerDeployment, ControllerDeployOptions, HardenedController, IIngressController, PublicWebHardening } from './controller-profile';
import { AGIC_1_9_8 } from './facts/agic-1.9.8';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { CloudProvider } from '../core/exposure';
import { checkProp } from '../core/input/prop-checks';
import { rejectInput } from '../core/input/reject-input';
import { ANNOTATION_AGIC_SERVED_CLASS } from '../core/manifest-contract';
import { checkDns1123Subdomain } from '../core/validation';
import { BackendProtocol, RouteOptions } from '../routing/route-options';

/** The IngressClass controller value AGIC watches unless its installation says otherwise. */
export const AZURE_APPLICATION_GATEWAY_CONTROLLER_VALUE = AGIC_1_9_8.facts.controllerValue;
/** The IngressClass name AGIC serves unless its installation says otherwise (Helm `kubernetes.ingressClassResource.name`). */
export const AZURE_APPLICATION_GATEWAY_CLASS_NAME = AGIC_1_9_8.facts.className;
const ANNOTATION_PREFIX = 'appgw.ingress.kubernetes.io/';

/** Options for the Azure Application Gateway Ingress Controller profile. */
export interface AzureApplicationGatewayProps {
  /**
   * The IngressClass controller value the AGIC installation watches
   * (Helm `kubernetes.ingressClassResource.controllerValue`); give each AGIC its own when a cluster runs several.
   * @default 'azure/application-gateway'
   */
  readonly controllerValue?: string;
  /**
   * The IngressClass name the AGIC installation serves (Helm `kubernetes.ingressClassResource.name`, the AKS add-on's
   * `azure-application-gateway`). AGIC ignores every Ingress of another class, so a gateway whose `className` differs
   * fails synth (CG-CONTROLLER-005) instead of being renamed silently.
   * @default 'azure-application-gateway'
   */
  readonly className?: string;
  /**
   * The AGIC installation (the AKS add-on, or the Helm chart with `kubernetes.ingressClassResource.enabled`) already
   * creates the IngressClass: the gateway emits none, and its routes name the installation's class.
   * @default false
   */
  readonly installationOwnsIngressClass?: boolean;
}

/**
 * The Azure Application Gateway Ingress Controller (AGIC; cloud-managed: the AKS add-on or its Helm chart).
 *
 * A gateway emits only the IngressClass. An internal gateway puts its routes on the Application Gateway's
 * private frontend IP (`appgw.ingress.kubernetes.io/use-private-ip`).
 */
export class AzureApplicationGatewayController implements IIngressController {
  public readonly name = 'azure-application-gateway';
  public readonly selfHosted?: boolean = false;

  /**
   * @param props the profile's options
   * @param hardening public-web hardening applied to every route (set by `hardenForPublicWeb`)
   */
  constructor(private readonly props: AzureApplicationGatewayProps = {}, private readonly hardening?: PublicWebHardening) {}

  /**
   * Every route gets `ssl-redirect` and the read timeout as `request-timeout`. Not applied: HSTS (the Application
   * Gateway adds response headers only through a rewrite rule set configured in Azure), the body size limit (a WAF
   * policy setting), and connect and send timeouts (no such settings).
   */
  public hardenForPublicWeb(hardening: PublicWebHardening): HardenedController {
    return {
      controller: new AzureApplicationGatewayController(this.props, hardening),
      unsupported: ['hsts', 'maxRequestBodySize', 'connectTimeout', ...(hardening.sendTimeout ? ['sendTimeout'] : [])],
    };
  }

  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    assertCloudManagedOptions(scope, 'Azure Application Gateway', CloudProvider.AZURE, options);
    // An IngressClass name (DNS-1123 subdomain). A rejected one is reported once, on the profile's prop, and the
    // gateway's own class stands in for it, so no class mismatch (CG-CONTROLLER-005) follows from the same mistake.
    const classNameValid = checkProp(scope, 'controller.className', this.props.className, checkDns1123Subdomain, 'IngressClass name');
    const servedClass = (classNameValid ? this.props.className : options.className) ?? AZURE_APPLICATION_GATEWAY_CLASS_NAME;
    const external = this.props.installationOwnsIngressClass ?? false;
    if (external && options.className !== servedClass) {
      // No IngressClass of ours carries the mismatch for CG-CONTROLLER-005, so the gateway's className is refused here.
      rejectInput(scope, 'className', options.className,
        `the AGIC installation owns its IngressClass "${servedClass}" and serves only that class; set className: "${servedClass}", `
        + 'or set the installation\'s class name with IngressController.azureApplicationGateway({ className })');
    }
    return {
      controllerValue: this.props.controllerValue ?? AZURE_APPLICATION_GATEWAY_CONTROLLER_VALUE,
      routeBinding: options.exposure.internal ? { annotations: { [`${ANNOTATION_PREFIX}use-private-ip`]: 'true' } } : undefined,
      ingressClassOwnedByController: external,
      ingressClassAnnotations: external ? undefined : { [ANNOTATION_AGIC_SERVED_CLASS]: servedClass },
    };
  }

  public translateRouteOptions(options: RouteOptions, _target?: IngressRouteTarget): RouteOptionsTranslation {
    return { annotations: this.routeAnnotations(options), unsupported: this.unsupportedRouteOptions(options) };
  }

  private routeAnnotations(options: RouteOptions): { [key: string]: string } {
    const a: { [key: string]: string } = {};
    const h = this.hardening;
    if (options.sslRedirect === true || (h && options.sslRedirect !== false)) a[`${ANNOTATION_PREFIX}ssl-redirect`] = 'true';
    // The Application Gateway waits this long for the whole backend response.
    const readTimeout = options.readTimeout ?? h?.readTimeout;
    if (readTimeout) a[`${ANNOTATION_PREFIX}request-timeout`] = String(readTimeout.toSeconds());
    if (options.backendProtocol === BackendProtocol.HTTPS) a[`${ANNOTATION_PREFIX}backend-protocol`] = 'https';
    return a;
  }

  /**
   * Body size limits and client address filters are WAF policy settings, rate limits need WAF custom rules, connect
   * and send timeouts do not exist per route, and AGIC speaks only HTTP and HTTPS to backends.
   */
  private unsupportedRouteOptions(options: RouteOptions): string[] {
    return setOptionNames(options).filter((key) => {
      switch (key) {
        case 'sslRedirect':
        case 'readTimeout':
          return false;
        case 'backendProtocol':
          return options.backendProtocol !== BackendProtocol.HTTP && options.backendProtocol !== BackendProtocol.HTTPS;
        default:
          return true;
      }
    });
  }
}
