import { IConstruct } from 'constructs';
import { ControllerDeployOptions } from './controller-profile';
import { CloudProvider } from '../core/exposure';
import { rejectInput } from '../core/input/reject-input';

/**
 * Checks the gateway options a cloud-managed controller can honour, so none is ignored silently: each one it can not
 * is reported on `scope` (the gateway; CG-INPUT-001) and then ignored, and the finding fails synth.
 *
 * The cloud load balancer is the gateway: there is no controller Service to shape, no pods to size,
 * and an internal gateway must be internal in the controller's own cloud.
 */
export function assertCloudManagedOptions(scope: IConstruct, controller: string, provider: CloudProvider, options: ControllerDeployOptions): void {
  const exposure = options.exposure;
  const publicExposure = 'GatewayExposure.publicLoadBalancer()';
  const internalExposure = `GatewayExposure.internalLoadBalancer(CloudProvider.${provider.name.toUpperCase()})`;
  if (exposure.serviceType !== 'LoadBalancer') {
    rejectInput(scope, 'exposure', exposure.serviceType,
      `the ${controller} cloud load balancer is the gateway, so a ${exposure.serviceType} exposure means nothing; use ${publicExposure} or ${internalExposure}`);
  } else if (exposure.internal && exposure.provider !== provider) {
    rejectInput(scope, 'exposure', `internal load balancer (${exposure.provider?.name ?? 'no provider'})`,
      `an internal ${controller} load balancer lives in ${provider.name}; use ${internalExposure}`);
  }
  if (exposure.sourceRanges?.length) {
    rejectInput(scope, 'exposure.sourceRanges', exposure.sourceRanges,
      `sourceRanges restrict a controller Service, and ${controller} has none; restrict clients per route with RouteOptions.allowedSourceRanges where ${controller} supports it`);
  }
  if (exposure.loadBalancerClass !== undefined) {
    rejectInput(scope, 'exposure.loadBalancerClass', exposure.loadBalancerClass,
      `loadBalancerClass selects a Service load balancer, and ${controller} has no Service; leave it unset`);
  }
  const internalKeys = new Set(Object.keys(exposure.provider?.internalLoadBalancerAnnotations ?? {}));
  const extra = Object.keys(exposure.annotations).filter((key) => !internalKeys.has(key));
  if (extra.length > 0) {
    rejectInput(scope, 'exposure.annotations', extra,
      `Service annotations have no Service to go on; ${controller} is configured per Ingress or per IngressClass, so leave them out`);
  }
  if (options.resources !== undefined) {
    rejectInput(scope, 'resources', options.resources,
      `resources size controller pods, and ${controller} runs none in the cluster; leave it unset`);
  }
}

/** The option names set in `options` (ignoring undefined values and empty lists). */
export function setOptionNames(options: object): string[] {
  return Object.entries(options)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key]) => key);
}
