import * as kplus from 'cdk8s-plus-28';

/** Options for a backend given as a cdk8s-plus Service. */
export interface ServiceBackendOptions {
  /**
   * The Service port to route to.
   * @default - the Service's only port
   */
  readonly port?: number;
}

/** Options for a backend given by Service name. Set exactly one of `port` and `portName`. */
export interface NamedServiceBackendOptions {
  /**
   * The Service port number.
   * @default - none; then `portName` is required
   */
  readonly port?: number;
  /**
   * The Service port name.
   * @default - none; then `port` is required
   */
  readonly portName?: string;
  /**
   * Namespace of the Service; the route's Ingress is created there.
   * @default - the namespace of the chart that owns the route
   */
  readonly namespace?: string;
}

/** The port of an Ingress backend, as the Ingress spells it. */
export interface BackendPort {
  readonly number?: number;
  readonly name?: string;
}

/** Where a route sends traffic: a Service in the route's namespace. */
export class RouteBackend {
  /** A cdk8s-plus Service; its namespace becomes the route's namespace. */
  public static fromService(service: kplus.Service, options: ServiceBackendOptions = {}): RouteBackend {
    return new RouteBackend(service.name, service.metadata.namespace, () => {
      if (options.port !== undefined) return { number: options.port };
      const ports = service.ports;
      // Several ports and none chosen: leave the port unset, so CG-INGRESS-003 reports the route.
      return ports.length === 1 ? { number: ports[0].port } : {};
    }, service);
  }

  /** A Service by name, with its port number or port name. */
  public static fromServiceName(name: string, options: NamedServiceBackendOptions): RouteBackend {
    return new RouteBackend(name, options.namespace, () => ({ number: options.port, name: options.portName }));
  }

  private constructor(
    /** Name of the Service. */
    public readonly serviceName: string,
    /** Namespace of the Service, when known. */
    public readonly namespace: string | undefined,
    private readonly resolvePort: () => BackendPort,
    /** The cdk8s-plus Service, when the backend was given as one. */
    public readonly service?: kplus.Service,
  ) {}

  /** The port, resolved at synth (a Service's ports may be added after the route). */
  public get port(): BackendPort {
    return this.resolvePort();
  }
}
