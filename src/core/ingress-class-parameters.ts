/** Where the object referenced by IngressClass parameters lives. */
export enum IngressClassParametersScope {
  CLUSTER = 'Cluster',
  NAMESPACE = 'Namespace',
}

/** A reference to a controller-specific configuration object (`IngressClass.spec.parameters`). */
export interface IngressClassParameters {
  /**
   * API group of the referenced object.
   * @default - the core API group
   */
  readonly apiGroup?: string;
  /** Kind of the referenced object. */
  readonly kind: string;
  /** Name of the referenced object. */
  readonly name: string;
  /**
   * Whether the referenced object is cluster-scoped or namespaced.
   * @default IngressClassParametersScope.CLUSTER
   */
  readonly scope?: IngressClassParametersScope;
  /**
   * Namespace of the referenced object; required with scope `Namespace`, forbidden with `Cluster`.
   * @default - none
   */
  readonly namespace?: string;
}
