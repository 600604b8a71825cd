/** What the edge preset rules share: the profiles `InternalApiGateway` and `ApiGatewayEdge` write into manifests. */
import { CloudProvider } from '../../core/exposure';
import { ManifestObject } from '../model';

/** The `gateways.cdk8s.io/profile` value of an `InternalApiGateway`'s IngressClass and controller Service. */
export const INTERNAL_API_PROFILE = 'internal-api';
/**
 * The IngressClass annotation that records the edge settings its controller can not apply (comma-separated
 * `EdgeSettings` property names), so the gap is visible in the manifests and reported by CG-GATEWAY-005.
 */
export const ANNOTATION_EDGE_UNSUPPORTED = 'gateways.cdk8s.io/edge-unsupported';

/** The provider whose internal load balancer annotations a Service carries, all of them with their values; undefined when none. */
export function internalProviderOf(service: ManifestObject): CloudProvider | undefined {
  const annotations = service.annotations;
  return CloudProvider.all().find((provider) =>
    Object.entries(provider.internalLoadBalancerAnnotations).every(([key, value]) => String(annotations[key] ?? '').toLowerCase() === value.toLowerCase()));
}

/** How each supported provider's internal annotations read, for messages. */
export function describeInternalAnnotations(): string {
  return CloudProvider.all()
    .map((p) => `${p.name}: ${Object.entries(p.internalLoadBalancerAnnotations).map(([k, v]) => `${k}: "${v}"`).join(' and ')}`)
    .join('; ');
}

/** The comma-separated names of an annotation value, trimmed, without empties. */
export function namesOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return String(value).split(',').map((n) => n.trim()).filter((n) => n.length > 0);
}
