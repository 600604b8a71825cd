/** What the edge preset rules share: the profiles `InternalApiGateway` and `ApiGatewayEdge` write into manifests. */
import { CloudProvider } from '../../gateways/exposure';
import { ManifestObject } from '../model';


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
