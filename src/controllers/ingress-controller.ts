import { AwsAlbController, AwsAlbProps } from './aws-alb';
import { AzureApplicationGatewayController, AzureApplicationGatewayProps } from './azure-application-gateway';
import { IIngressController } from './controller-profile';
import { EnvoyGatewayController, EnvoyGatewayProps } from './envoy-gateway';
import { ExistingGatewayClassController, ExistingGatewayClassOptions } from './existing-gateway-class';
import { GkeIngressController } from './gce';
import { HaproxyController, HaproxyProps } from './haproxy';
import { IngressNginxController, IngressNginxProps } from './ingress-nginx';
import { TraefikController, TraefikProps } from './traefik';

/** Factories for the supported ingress controller profiles. */
export class IngressController {
  /**
   * ingress-nginx. Retired upstream in March 2026 (no more security fixes): it still works,
   * and every synth warns (CG-CONTROLLER-003).
   */
  public static nginx(props: IngressNginxProps = {}): IIngressController {
    return new IngressNginxController(props);
  }

  /** Traefik Proxy v3 with its Kubernetes Ingress provider; one Traefik per gateway, bound to its class by name. */
  public static traefik(props: TraefikProps = {}): IIngressController {
    return new TraefikController(props);
  }

  /** The HAProxy Kubernetes Ingress Controller; one controller per gateway, bound with `--ingress.class`. */
  public static haproxy(props: HaproxyProps = {}): IIngressController {
    return new HaproxyController(props);
  }

  /**
   * The AWS Load Balancer Controller (cloud-managed): an IngressClass and IngressClassParams per gateway,
   * no workload. An internal exposure (`CloudProvider.AWS`) makes the load balancers internal.
   */
  public static awsAlb(props: AwsAlbProps = {}): IIngressController {
    return new AwsAlbController(props);
  }

  /**
   * The Azure Application Gateway Ingress Controller (cloud-managed): an IngressClass per gateway, no workload.
   * An internal exposure (`CloudProvider.AZURE`) serves the routes on the private frontend IP.
   */
  public static azureApplicationGateway(props: AzureApplicationGatewayProps = {}): IIngressController {
    return new AzureApplicationGatewayController(props);
  }

  /**
   * GKE Ingress (cloud-managed). GKE reads no IngressClass: the gateway emits nothing, and its routes carry
   * `kubernetes.io/ingress.class: gce`, or `gce-internal` with an internal exposure (`CloudProvider.GCP`).
   */
  public static gke(): IIngressController {
    return new GkeIngressController();
  }

  /**
   * Envoy Gateway v1.9, for gateways with `api: RoutingApi.GATEWAY_API` (it reads no Ingress). Its control plane is
   * a prerequisite; the gateway emits an `EnvoyProxy` that hardens the proxies, and route options become
   * `BackendTrafficPolicy` and `SecurityPolicy` objects targeting the routes.
   */
  public static envoyGateway(props: EnvoyGatewayProps = {}): IIngressController {
    return new EnvoyGatewayController(props);
  }

  /**
   * A GatewayClass that exists in the cluster (Istio, Cilium, kgateway, GKE, any conformant implementation), for a
   * gateway with `api: RoutingApi.GATEWAY_API`: the gateway emits its Gateway and routes and names this class.
   * Standard features only; route options that need an implementation policy are reported (CG-GATEWAY-003).
   */
  public static gatewayClass(gatewayClassName: string, options: ExistingGatewayClassOptions = {}): IIngressController {
    return new ExistingGatewayClassController(gatewayClassName, options);
  }

  private constructor() {}
}
