import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import type { Route } from './route';
import { IIngressController, RouteBinding } from '../controllers/controller-profile';
import { RoutingApi } from '../core/routing-api';
// Type-only: `Route` imports this module for `IGateway`, so a value import would be a cycle.

/**
 * A gateway as the rest of the library sees it: the class routes bind to, the controller that interprets route
 * options, where its proxy pods run (for NetworkPolicies), and how it renders a route.
 */
export interface IGateway extends IConstruct {
  /** The IngressClass name. */
  readonly className: string;
  /** Whether this gateway's class is the default class. */
  readonly defaultClass: boolean;
  /** The controller profile serving the class. */
  readonly controller: IIngressController;
  /** Namespace of the gateway's controller (its proxy pods and Services). */
  readonly namespace: string;
  /**
   * How routes bind to this gateway beyond `spec.ingressClassName` (GKE's class annotation, per-gateway annotations).
   * @default - routes set spec.ingressClassName to className
   */
  readonly routeBinding?: RouteBinding;
  /**
   * Labels of the proxy pods that carry the gateway's traffic.
   * @default - undefined: the proxy runs outside the cluster (cloud-managed)
   */
  readonly proxyPodLabels?: { [key: string]: string };
  /**
   * The proxy pods as a NetworkPolicy peer (their namespace and pod labels), for policies that admit the gateway.
   * @default - undefined: the proxy runs outside the cluster, and no peer can name it portably
   */
  readonly proxyPeer?: k8s.NetworkPolicyPeer;
  /**
   * Name of the Service that receives the gateway's client traffic, in `namespace`.
   * @default - undefined: no Service in the cluster (cloud-managed)
   */
  readonly serviceName?: string;

  /**
   * Which API the gateway's routes are written in.
   * @default RoutingApi.INGRESS
   */
  readonly api?: RoutingApi;
  /**
   * The Gateway listener (sectionName) that serves plain HTTP for every host, where cert-manager's HTTP-01 routes
   * attach; only on a Gateway API gateway that has one.
   * @default - none: HTTP-01 routes attach to the Gateway without a sectionName
   */
  readonly http01ListenerName?: string;

  /**
   * Renders a route this gateway serves: its Ingress and what the route needs from the gateway (a Certificate, a
   * NetworkPolicy allowance). Called once per route when the app is synthesized, never while it is declared.
   */
  renderRoute(route: Route): void;
}
