import { ManifestObject } from '../model';

/** Which API a route was written in. */
export type RouteApi = 'ingress' | 'gateway-api';

/** What a route attaches to: an IngressClass (Ingress), or a Gateway / ListenerSet (Gateway API `parentRefs`). */
export interface RouteParentFact {
  readonly kind: 'IngressClass' | 'Gateway' | 'ListenerSet';
  /** The class or parent name; undefined for an Ingress that names no class (the default class applies). */
  readonly name?: string;
  /** Namespace of a Gateway or ListenerSet parent; undefined for an IngressClass. */
  readonly namespace?: string;
  /** A Gateway API `sectionName` (listener name), when the parentRef gives one. */
  readonly sectionName?: string;
  /** A Gateway API `port`, when the parentRef gives one. */
  readonly port?: number;
}

/** The Service a route sends traffic to. */
export interface RouteBackendFact {
  readonly serviceName: string;
  readonly namespace: string;
  /** The Service port: a number, or a port name (Ingress only); undefined when the route gives none. */
  readonly port?: number | string;
  /** JSON path of the backend reference in `source`. */
  readonly field: string;
}

/**
 * One routed host + path match to its backends, as the rules see it whichever API wrote it: one Ingress rule path,
 * or one hostname x match of an HTTPRoute / GRPCRoute rule. The host, path, backend, TLS and reachability rules read
 * these, so each is written once for both APIs.
 */
export interface RouteFact {
  /** The Ingress, HTTPRoute or GRPCRoute that declares the route. */
  readonly source: ManifestObject;
  readonly api: RouteApi;
  /** Namespace of `source` (backends default to it). */
  readonly namespace: string;
  /** The host as written (`www.example.com`, `*.example.com`); `*` when the route matches any host. */
  readonly host: string;
  /** The path as written ('/' when the route gives none); a gRPC route's `/<service>/<method>` prefix. */
  readonly path: string;
  /** `Prefix`, `Exact`, `ImplementationSpecific` (Ingress) or `PathPrefix`, `Exact`, `RegularExpression` (Gateway API) as written. */
  readonly pathType: string;
  /** Where the traffic goes; empty when the route has no Service backend (a redirect, say). */
  readonly backends: readonly RouteBackendFact[];
  /** What the route attaches to (an Ingress has one parent; an HTTPRoute one fact per parentRef). */
  readonly parent: RouteParentFact;
  /**
   * The TLS Secret that terminates this host for the route, when the route itself names one (an Ingress `spec.tls`
   * entry covering the host). Gateway API routes leave it undefined: their listener holds the certificate.
   */
  readonly tlsSecretName?: string;
  /** JSON path of the match in `source`, for findings (`spec.rules[0].http.paths[1]`, `spec.rules[0].matches[0]`). */
  readonly field: string;
}
