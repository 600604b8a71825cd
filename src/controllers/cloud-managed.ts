import { ControllerDeployOptions } from './controller-profile';
import { CloudProvider } from '../gateways/exposure';

/**
 * Checks the gateway options a cloud-managed controller can honour, so none is ignored silently.
 *
 * The cloud load balancer is the gateway: there is no controller Service to shape, no pods to size,
 * and an internal gateway must be internal in the controller's own cloud.
 */
export function assertCloudManagedOptions(controller: string, provider: CloudProvider, options: ControllerDeployOptions): void {
  const exposure = options.exposure;
  const where = `${controller} gateway "${options.className}"`;
  if (exposure.serviceType !== 'LoadBalancer') {
    throw new Error(`${where}: the cloud load balancer is the gateway, so a ClusterIP exposure means nothing; `
      + `use GatewayExposure.publicLoadBalancer() or GatewayExposure.internalLoadBalancer(CloudProvider.${provider.name.toUpperCase()})`);
  }
  if (exposure.internal && exposure.provider !== provider) {
    throw new Error(`${where}: an internal ${controller} load balancer lives in ${provider.name}; `
      + `use GatewayExposure.internalLoadBalancer(CloudProvider.${provider.name.toUpperCase()}) (got ${exposure.provider?.name ?? 'no provider'})`);
  }
  if (exposure.sourceRanges?.length) {
    throw new Error(`${where}: sourceRanges restrict a controller Service, and ${controller} has none; restrict clients per route with RouteOptions.allowedSourceRanges where ${controller} supports it`);
  }
  if (exposure.loadBalancerClass !== undefined) {
    throw new Error(`${where}: loadBalancerClass selects a Service load balancer, and ${controller} has no Service`);
  }
  const internalKeys = new Set(Object.keys(exposure.provider?.internalLoadBalancerAnnotations ?? {}));
  const extra = Object.keys(exposure.annotations).filter((key) => !internalKeys.has(key));
  if (extra.length > 0) {
    throw new Error(`${where}: Service annotations (${extra.join(', ')}) have no Service to go on; ${controller} is configured per Ingress or per IngressClass`);
  }
  if (options.resources !== undefined) {
    throw new Error(`${where}: resources size controller pods, and ${controller} runs none in the cluster`);
  }
}

/** The option names set in `options` (ignoring undefined values and empty lists). */
export function setOptionNames(options: object): string[] {
  return Object.entries(options)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key]) => key);
}
