import { IConstruct } from 'constructs';
import { IIngressController, RouteBinding } from '../controllers/controller-profile';

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
}
