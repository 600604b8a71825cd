/**
 * Shapes of the facts records for Gateway API implementations (issue 15). Like controller-facts.ts, every record is
 * read from the implementation's source at the pinned tag, and every fact names the upstream file it comes from, so a
 * version bump is a reviewable diff of data. Internal: the Gateway API profiles read these records.
 */

/** A value read from upstream source, with the file (and symbol) that shows it. */
export interface SourcedFact<T> {
  readonly value: T;
  /** Upstream path at the record's tag, and the symbol or function read. */
  readonly from: string;
}

/** How an implementation treats one Gateway API kind. */
export interface GatewayApiKindSupport {
  /** Kind, e.g. `HTTPRoute`. */
  readonly kind: string;
  /** The API version the implementation's client lists and watches, e.g. `gateway.networking.k8s.io/v1`. */
  readonly apiVersion: string;
  /**
   * When the implementation watches it: `always` (a missing CRD or a forbidden list stalls or fails it),
   * `if installed` (the CRD is discovered first and the watch skipped when absent), or the flag that enables it.
   */
  readonly watched: string;
  /** Whether it writes the kind's status. */
  readonly writesStatus: boolean;
  readonly from: string;
}

/** A field of a policy or parameters object that expresses one route or data-plane option. */
export interface FieldPath {
  /** Dotted path from the object's root; `[]` marks a list element, e.g. `spec.rateLimit.local.rules[].limit`. */
  readonly path: string;
  /** What the field means for the option, and its limits. */
  readonly meaning: string;
  readonly from: string;
}

/** What every Gateway API implementation record states. */
export interface GatewayApiImplementationFacts {
  readonly name: string;
  readonly version: string;
  /** Upstream repository and the tag that was read. */
  readonly source: string;
  /** The `spec.controllerName` its GatewayClasses must carry. */
  readonly controllerName: SourcedFact<string>;
  /** The sigs.k8s.io/gateway-api module version it is built against (go.mod). */
  readonly gatewayApiModule: SourcedFact<string>;
  /** The Gateway API kinds it reads. A kind missing here is ignored by the implementation. */
  readonly kinds: GatewayApiKindSupport[];
}
