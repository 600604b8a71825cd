import { IConstruct } from 'constructs';
import { AppContext } from '../core/app-context';

/**
 * The namespaces of an app whose pods are isolated by a default-deny NetworkPolicy (kept in the app context).
 *
 * A route into an isolated namespace gets a NetworkPolicy that admits its gateway's controller pods to the
 * backend pods on the backend's target port, so isolation never turns into a 504. Every `Tenant` declares its
 * namespace; declare others whose default-deny policy is written outside this library.
 *
 * Declaration order does not matter: routes are bound to their gateways when the app is synthesized, so a
 * namespace declared after the routes into it still gets their allowances.
 */
export class NetworkIsolation {
  /** The isolated namespaces of the app that `scope` belongs to. */
  public static of(scope: IConstruct): NetworkIsolation {
    return new NetworkIsolation(AppContext.of(scope));
  }

  private constructor(private readonly context: AppContext) {}

  /** Declares that pods in `namespace` are isolated for ingress (and egress) by a default-deny NetworkPolicy. */
  public declareIsolatedNamespace(namespace: string): void {
    this.context.declareIsolatedNamespace(namespace);
  }

  /** Whether `namespace` has been declared isolated. */
  public isIsolated(namespace: string): boolean {
    return this.context.isIsolated(namespace);
  }

  /** Every isolated namespace, sorted. */
  public get isolatedNamespaces(): string[] {
    return this.context.isolatedNamespaces;
  }
}
