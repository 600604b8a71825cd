import { Construct } from 'constructs';
import { assertCloudManagedOptions, setOptionNames } from './cloud-managed';
import { ControllerDeployment, ControllerDeployOptions, HardenedController, IIngressController, PublicWebHardening } from './controller-profile';
import { GKE_INGRESS } from './facts/gke-ingress';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { CloudProvider } from '../core/exposure';
import { InvalidInputError } from '../core/input/input-error';
import { BackendProtocol, RouteOptions } from '../routing/route-options';

/** The GKE Ingress controller's name; it is never written into an IngressClass, since GKE reads none. */
export const GKE_CONTROLLER_VALUE = 'k8s.io/ingress-gce';
/** The class annotation values GKE selects Ingresses by: external and internal Application Load Balancers. */
export const GKE_EXTERNAL_CLASS = GKE_INGRESS.facts.externalClass;
export const GKE_INTERNAL_CLASS = GKE_INGRESS.facts.internalClass;

/**
 * GKE Ingress (the GCE controller; cloud-managed, part of GKE).
 *
 * GKE ignores IngressClass objects and selects Ingresses only by the `kubernetes.io/ingress.class`
 * annotation, so a GKE gateway emits nothing: its routes carry `gce` (public exposure) or `gce-internal`
 * (`GatewayExposure.internalLoadBalancer(CloudProvider.GCP)`) instead of `spec.ingressClassName`.
 */
export class GkeIngressController implements IIngressController {
  public readonly name = 'gke-ingress';
  public readonly selfHosted?: boolean = false;

  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    assertCloudManagedOptions(scope, 'GKE Ingress', CloudProvider.GCP, options);
    return {
      controllerValue: GKE_CONTROLLER_VALUE,
      routeBinding: { classAnnotation: options.exposure.internal ? GKE_INTERNAL_CLASS : GKE_EXTERNAL_CLASS },
    };
  }

  /**
   * Not supported: GKE redirects HTTP to HTTPS only through a FrontendConfig and adds response headers (HSTS) only
   * through a BackendConfig, custom resources this library has no bindings for.
   */
  public hardenForPublicWeb(_hardening: PublicWebHardening): HardenedController {
    throw new InvalidInputError('GKE Ingress redirects HTTP to HTTPS only with a FrontendConfig and sends HSTS only with a BackendConfig, '
      + 'which this library does not write; use an IngressClassGateway and add both yourself, or a self-hosted controller');
  }

  /**
   * GKE writes no route annotation: it configures redirects in a FrontendConfig, timeouts and client filters in a BackendConfig (Cloud Armor),
   * and the backend protocol on the Service: none of them is an Ingress annotation.
   */
  public translateRouteOptions(options: RouteOptions, _target?: IngressRouteTarget): RouteOptionsTranslation {
    return { annotations: {}, unsupported: this.unsupportedRouteOptions(options) };
  }

  private unsupportedRouteOptions(options: RouteOptions): string[] {
    return setOptionNames(options).filter((key) => {
      switch (key) {
        case 'sslRedirect': return options.sslRedirect !== false;
        case 'backendProtocol': return options.backendProtocol !== BackendProtocol.HTTP;
        default: return true;
      }
    });
  }
}
