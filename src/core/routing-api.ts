/**
 * Which Kubernetes API a gateway's routes are written in. Routes and tenants are declared the same way for both;
 * the gateway renders them.
 */
export enum RoutingApi {
  /** `networking.k8s.io/v1` IngressClass and one Ingress per route. */
  INGRESS = 'Ingress',
  /**
   * Gateway API v1 (standard channel): a GatewayClass (or a reference to one), a Gateway with its listeners,
   * a ListenerSet per tenant, an HTTPRoute (GRPCRoute for gRPC backends) per route, ReferenceGrants and
   * BackendTLSPolicies where they are needed.
   */
  GATEWAY_API = 'GatewayAPI',
  /**
   * Both at once, for a migration: every route is rendered as an Ingress and as an HTTPRoute, served by the same
   * controller deployment. Only for profiles that serve both APIs from one deployment (Traefik).
   */
  INGRESS_AND_GATEWAY_API = 'IngressAndGatewayAPI',
}
