import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GatewayExposure } from '../gateways/exposure';
import { IngressClassParameters } from '../gateways/ingress-class-parameters';
import { RouteOptions } from '../routing/route-options';

/** What a gateway asks of its controller profile. */
export interface ControllerDeployOptions {
  /** The IngressClass name; also the instance name of every object deployed for it. */
  readonly className: string;
  /** Namespace for the controller's namespaced objects. */
  readonly namespace: string;
  /** Whether the class is the cluster default (controllers may then also watch Ingresses without a class). */
  readonly defaultClass: boolean;
  /** Minimum replicas (also the autoscaler minimum). */
  readonly replicas: number;
  /** Autoscaler maximum. */
  readonly maxReplicas: number;
  /** Controller container resources, when the gateway overrides the profile's defaults. */
  readonly resources?: kplus.ContainerResources;
  /** How clients reach the controller. */
  readonly exposure: GatewayExposure;
}

/** What a controller profile deployed, for the gateway's IngressClass, routes and policies. */
export interface ControllerDeployment {
  /** The IngressClass `spec.controller` value that this deployment claims. */
  readonly controllerValue: string;
  /** IngressClass parameters the controller itself emits (for example AWS IngressClassParams). */
  readonly parameters?: IngressClassParameters;
  /** Labels that select the controller pods; undefined when the proxy runs outside the cluster. */
  readonly podLabels?: { [key: string]: string };
  /** Name of the Service that receives client traffic, when the controller runs in the cluster. */
  readonly serviceName?: string;
  /**
   * How the gateway's routes bind to the controller, when `spec.ingressClassName` alone is not enough.
   * @default - routes set spec.ingressClassName to the class name and carry no extra annotations
   */
  readonly routeBinding?: RouteBinding;
}

/** How the routes of one gateway bind to its controller, beyond `spec.ingressClassName`. */
export interface RouteBinding {
  /**
   * Value of the legacy `kubernetes.io/ingress.class` annotation that routes carry instead of
   * `spec.ingressClassName`, for controllers that ignore IngressClass objects (GKE: `gce`, `gce-internal`).
   * When set, the gateway emits no IngressClass.
   * @default - routes set spec.ingressClassName
   */
  readonly classAnnotation?: string;
  /**
   * Annotations every route of the gateway carries, for settings the controller reads per Ingress
   * (for example AGIC's `use-private-ip` on an internal gateway).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * A controller profile: how one kind of ingress controller is deployed and configured.
 *
 * Gateways depend only on this interface, so new controllers plug in without changing them.
 * Get one from the factories on `IngressController`.
 */
export interface IIngressController {
  /** Short name of the controller implementation, for example `ingress-nginx`. */
  readonly name: string;

  /**
   * Whether the controller runs as a workload in the cluster. Cloud-managed controllers (AWS Load Balancer
   * Controller, Azure AGIC, GKE) are not: their gateways create no namespace and no pods.
   * @default true
   */
  readonly selfHosted?: boolean;

  /** Deploys the controller for one gateway (called once per gateway). */
  deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment;

  /** Translates controller-neutral route options into this controller's Ingress annotations. */
  routeAnnotations(options: RouteOptions): { [key: string]: string };

  /**
   * The options among `options` that this controller can not apply with Ingress annotations, as
   * `RouteOptions` property names (for example `maxRequestBodySize`). Routes record them on their
   * Ingress and CG-GATEWAY-003 fails synth, so no option is dropped silently.
   * @default - every option is supported
   */
  unsupportedRouteOptions?(options: RouteOptions): string[];
}
