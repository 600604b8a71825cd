/** What the edge preset rules share: the profiles `InternalApiGateway` and `ApiGatewayEdge` write into manifests. */
import { INTERNAL_LOAD_BALANCER_ANNOTATIONS } from '../../core/cloud-load-balancers';
import { ManifestObject } from '../model';

/**
 * The name of the provider (`aws`, `gcp`, `azure`) whose internal load balancer annotations a Service carries, all
 * of them with their values; undefined when none.
 */
export function internalProviderOf(service: ManifestObject): string | undefined {
  const annotations = service.annotations;
  return Object.entries(INTERNAL_LOAD_BALANCER_ANNOTATIONS).find(([, wanted]) =>
    Object.entries(wanted).every(([key, value]) => String(annotations[key] ?? '').toLowerCase() === value.toLowerCase()))?.[0];
}

/** How each supported provider's internal annotations read, for messages. */
export function describeInternalAnnotations(): string {
  return Object.entries(INTERNAL_LOAD_BALANCER_ANNOTATIONS)
    .map(([name, annotations]) => `${name}: ${Object.entries(annotations).map(([k, v]) => `${k}: "${v}"`).join(' and ')}`)
    .join('; ');
}
