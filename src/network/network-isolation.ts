import { IConstruct } from 'constructs';

const REGISTRIES = new WeakMap<IConstruct, NetworkIsolation>();

/**
 * The namespaces of an app whose pods are isolated by a default-deny NetworkPolicy (one per app).
 *
 * A route into an isolated namespace gets a NetworkPolicy that admits its gateway's controller pods to the
 * backend pods on the backend's target port, so isolation never turns into a 504. Every `Tenant` declares its
 * namespace; declare others whose default-deny policy is written outside this library.
 *
 * Declare a namespace before the routes into it are created: routes are bound to their gateway when they are
 * constructed. A route created earlier gets no allowance, and CG-NETPOL-001 fails synth for it.
 */
export class NetworkIsolation {
  /** The registry of the app that `scope` belongs to; created on first use. */
  public static of(scope: IConstruct): NetworkIsolation {
    const root = scope.node.root;
    let registry = REGISTRIES.get(root);
    if (!registry) {
      registry = new NetworkIsolation();
      REGISTRIES.set(root, registry);
    }
    return registry;
  }

  private readonly namespaces = new Set<string>();

  private constructor() {}

  /** Declares that pods in `namespace` are isolated for ingress (and egress) by a default-deny NetworkPolicy. */
  public declareIsolatedNamespace(namespace: string): void {
    this.namespaces.add(namespace);
  }

  /** Whether `namespace` has been declared isolated. */
  public isIsolated(namespace: string): boolean {
    return this.namespaces.has(namespace);
  }

  /** Every isolated namespace, sorted. */
  public get isolatedNamespaces(): string[] {
    return [...this.namespaces].sort();
  }
}
