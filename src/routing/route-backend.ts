import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { RejectedInput } from '../core/input/reject-input';
import { checkDns1123Label, checkLabelValue, checkPortNumber, checkQualifiedName } from '../core/validation';

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
  /**
   * Labels of the pods behind the Service (its selector). The NetworkPolicies of isolated namespaces admit the
   * gateway to exactly these pods, and the controller's egress is narrowed to them.
   * @default - unknown: a route into an isolated namespace (a `Tenant`) then fails synth, and the controller may reach every pod of the namespace
   */
  readonly podLabels?: { [key: string]: string };
  /**
   * The container port that the Service port leads to (the Service's `targetPort`), which NetworkPolicies match.
   * @default - unknown: a route into an isolated namespace then fails synth, and the controller may reach the namespace on any port
   */
  readonly targetPort?: number;
}

/** The port of an Ingress backend, as the Ingress spells it. */
export interface BackendPort {
  readonly number?: number;
  readonly name?: string;
}

/** How a backend resolves its facts at synth. */
interface BackendResolvers {
  /** Mistakes in the factory's arguments ([field, value, message]), reported by the route that uses the backend. */
  readonly problems: () => RejectedInput[];
  readonly port: () => BackendPort;
  readonly podLabels: () => { [key: string]: string } | undefined;
  readonly targetPort: () => number | undefined;
}

/** Where a route sends traffic: a Service in the route's namespace. */
export class RouteBackend {
  /**
   * A cdk8s-plus Service; its namespace becomes the route's namespace. Its selector identifies the backend pods
   * and its port's `targetPort` the container port, for NetworkPolicies.
   */
  public static fromService(service: kplus.Service, options: ServiceBackendOptions = {}): RouteBackend {
    const servicePort = (): kplus.ServicePort | undefined => {
      const ports = service.ports;
      if (options.port !== undefined) return ports.find((p) => p.port === options.port);
      return ports.length === 1 ? ports[0] : undefined;
    };
    return new RouteBackend(service.name, service.metadata.namespace, {
      problems: () => {
        if (options.port === undefined || service.ports.some((p) => p.port === options.port)) return [];
        const exposed = service.ports.map((p) => p.port).join(', ') || 'none';
        return [['backend.port', options.port, `Service "${service.name}" exposes no port ${options.port} (its ports: ${exposed}); route to one of them`]];
      },
      port: () => {
        if (options.port !== undefined) {
          if (service.ports.some((p) => p.port === options.port)) return { number: options.port };
          // `problems` reports the port on backend.port; a port the Service exposes stands in, so the Ingress is not
          // reported a second time for the same mistake (CG-INGRESS-015).
          return { number: service.ports[0]?.port ?? options.port };
        }
        // Several ports and none chosen: leave the port unset, so CG-INGRESS-003 reports the route.
        const port = servicePort();
        return port ? { number: port.port } : {};
      },
      podLabels: () => {
        // cdk8s-plus keeps the selector private; its rendered Service carries it.
        const selector = ApiObject.of(service).toJson().spec?.selector;
        return selector && Object.keys(selector).length > 0 ? selector : undefined;
      },
      targetPort: () => {
        const port = servicePort();
        return port ? port.targetPort ?? port.port : undefined;
      },
    }, service);
  }

  /** A Service by name, with its port number or port name (and, for isolated namespaces, its pods and target port). */
  public static fromServiceName(name: string, options: NamedServiceBackendOptions): RouteBackend {
    return new RouteBackend(name, options.namespace, {
      problems: () => namedBackendProblems(options),
      port: () => ({ number: options.port, name: options.portName }),
      podLabels: () => (options.podLabels ? { ...options.podLabels } : undefined),
      targetPort: () => options.targetPort,
    });
  }

  private constructor(
    /** Name of the Service. */
    public readonly serviceName: string,
    /** Namespace of the Service, when known. */
    public readonly namespace: string | undefined,
    private readonly resolve: BackendResolvers,
    /** The cdk8s-plus Service, when the backend was given as one. */
    public readonly service?: kplus.Service,
  ) {}

  /**
   * Mistakes in the factory's arguments, found when read (a Service's ports may be added after the route); the
   * route reports them as CG-INPUT-001.
   * @internal
   */
  public _problems(): RejectedInput[] {
    return this.resolve.problems();
  }

  /** The port, resolved at synth (a Service's ports may be added after the route). */
  public get port(): BackendPort {
    return this.resolve.port();
  }

  /**
   * Labels of the backend pods: the cdk8s-plus Service's selector, or the `podLabels` given; undefined when unknown.
   * Resolved when read (a Service may select its pods after the route is created).
   */
  public get podLabels(): { [key: string]: string } | undefined {
    return this.resolve.podLabels();
  }

  /** The container port the route's traffic arrives on (the Service port's `targetPort`); undefined when unknown. */
  public get targetPort(): number | undefined {
    return this.resolve.targetPort();
  }
}

/** What the API server would reject in a backend given by name: namespace, pod labels (a selector) and target port. */
function namedBackendProblems(options: NamedServiceBackendOptions): RejectedInput[] {
  const problems: RejectedInput[] = [];
  const add = (field: string, value: unknown, reason: string | undefined, what: string) => {
    if (reason) problems.push([field, value, `${what} ${reason}`]);
  };
  if (options.namespace !== undefined) add('backend.namespace', options.namespace, checkDns1123Label(options.namespace), 'namespace');
  for (const [key, value] of Object.entries(options.podLabels ?? {})) {
    const keyReason = checkQualifiedName(key);
    add(`backend.podLabels.${key}`, key, keyReason, 'label key');
    if (!keyReason) add(`backend.podLabels.${key}`, value, checkLabelValue(value), 'label value');
  }
  if (options.targetPort !== undefined) add('backend.targetPort', options.targetPort, checkPortNumber(options.targetPort), 'target port');
  return problems;
}
