import { IConstruct } from 'constructs';
import type { IGateway } from './gateway';
import type { Route } from './route';
import { AppContext, ContextKey } from '../core/app-context';
// Type-only: gateways render routes, so a value import of the gateway modules would point up a layer.
import { renderIngress } from '../renderers/ingress/ingress-renderer';

/**
 * Every route and gateway of one app (a slot of the app context), and the render step that binds them: at synth,
 * each route goes to its gateway (the one it names, or the app's single default), which renders it. Nothing binds
 * while constructs are declared, so the order of declarations does not change the output.
 */
export class RouteTable {
  /** The table of the app that `scope` belongs to. */
  public static of(scope: IConstruct): RouteTable {
    return AppContext.of(scope).get(ROUTE_TABLE);
  }

  private readonly gateways: IGateway[] = [];
  private readonly routes: Route[] = [];
  /** Routes declared since the last render: cdk8s validates the app once per chart it writes, so a render must cost nothing when nothing is new. */
  private unrendered: Route[] = [];

  /** @internal */
  public constructor(context: AppContext) {
    context.onRender(() => this.render());
  }

  public registerGateway(gateway: IGateway): void {
    this.gateways.push(gateway);
  }

  public registerRoute(route: Route): void {
    this.routes.push(route);
    this.unrendered.push(route);
  }

  /** Every gateway of the app, in declaration order. */
  public allGateways(): readonly IGateway[] {
    return this.gateways;
  }

  /** The routes `gateway` serves (routes that name no gateway follow the app's default). */
  public routesOf(gateway: IGateway): Route[] {
    return this.routes.filter((route) => route.gateway === gateway);
  }

  /** The single default gateway, or undefined when there is none (or several, which CG-CLASS-001 reports). */
  public defaultGateway(): IGateway | undefined {
    const defaults = this.gateways.filter((g) => g.defaultClass);
    return defaults.length === 1 ? defaults[0] : undefined;
  }

  /**
   * Renders every route not rendered yet, in declaration order (so objects shared by several routes belong to the
   * first of them on every synth). A route without a gateway still gets its Ingress, unbound: CG-INGRESS-010
   * reports it with the classes it could use.
   */
  private render(): void {
    const routes = this.unrendered;
    this.unrendered = [];
    for (const route of routes) {
      const gateway = route.gateway;
      if (gateway) gateway.renderRoute(route);
      else renderIngress(route, undefined);
    }
  }
}

const ROUTE_TABLE = new ContextKey<RouteTable>('route table', (context) => new RouteTable(context));
