/**
 * What a controller profile makes of one route's options, in one answer: what it writes for them and what it can
 * not apply. A renderer writes the first and records the second, so no option is dropped silently (CG-GATEWAY-003).
 *
 * Today a translation is Ingress annotations only. A Gateway API rendering will add what it needs next to them
 * (HTTPRoute filters, implementation policy objects such as a Traefik Middleware or an Envoy Gateway
 * BackendTrafficPolicy) as further optional members, so one call still answers for every option.
 */
export interface RouteOptionsTranslation {
  /** The annotations the route's Ingress carries for its options (empty when none is needed). */
  readonly annotations: { [key: string]: string };

  /**
   * The options the controller can not apply, as `RouteOptions` property names (for example
   * `maxRequestBodySize`); empty when every option set is applied.
   */
  readonly unsupported: string[];
}

/** The route a controller translates options for: where its Ingress goes and which Service it reaches. */
export interface IngressRouteTarget {
  /** Namespace of the route's Ingress and backend Service. */
  readonly namespace: string;
  /** Name of the backend Service. */
  readonly serviceName: string;
}
