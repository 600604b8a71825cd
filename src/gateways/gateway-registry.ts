import { IConstruct } from 'constructs';
// Type-only: `Route` imports this registry, so value imports of the route or gateway modules would be a cycle.
import type { IGateway } from './gateway';
import type { Route } from '../routing/route';

const REGISTRIES = new WeakMap<IConstruct, GatewayRegistry>();

/** Every gateway of one app, so routes that name no gateway can fall to the default one. */
export class GatewayRegistry {
  public static of(scope: IConstruct): GatewayRegistry {
    const root = scope.node.root;
    let registry = REGISTRIES.get(root);
    if (!registry) {
      registry = new GatewayRegistry();
      REGISTRIES.set(root, registry);
    }
    return registry;
  }

  private readonly gateways: IGateway[] = [];
  private readonly routes: Route[] = [];

  private constructor() {}

  public register(gateway: IGateway): void {
    this.gateways.push(gateway);
  }

  public all(): readonly IGateway[] {
    return this.gateways;
  }

  public registerRoute(route: Route): void {
    this.routes.push(route);
  }

  /** The routes a gateway serves, as resolved now (routes without a gateway follow the current default). */
  public routesOf(gateway: IGateway): Route[] {
    return this.routes.filter((route) => route.gateway === gateway);
  }

  /** The single default gateway, or undefined when there is none (or several, which CG-CLASS-001 reports). */
  public defaultGateway(): IGateway | undefined {
    const defaults = this.gateways.filter((g) => g.defaultClass);
    return defaults.length === 1 ? defaults[0] : undefined;
  }
}
