import { IConstruct } from 'constructs';
import { IIngressController, RouteBinding } from '../controllers/controller-profile';
// Type-only: `Route` imports this module for `IGateway` and the gateway registry, so a value import would be a cycle.
import type { Route } from '../routing/route';

/** A gateway as routes see it: the class to bind to and the controller that interprets route options. */
export interface IGateway extends IConstruct {
  /** The IngressClass name. */
  readonly className: string;
  /** Whether this gateway's class is the default class. */
  readonly defaultClass: boolean;
  /** The controller profile serving the class. */
  readonly controller: IIngressController;
  /**
   * How routes bind to this gateway beyond `spec.ingressClassName` (GKE's class annotation, per-gateway annotations).
   * @default - routes set spec.ingressClassName to className
   */
  readonly routeBinding?: RouteBinding;

  /**
   * Called once by every route served by this gateway (named, or the default gateway when the route is created),
   * so the gateway can add what the route needs from it, for example a Certificate or a NetworkPolicy allowance.
   */
  bindRoute?(route: Route): void;
}
