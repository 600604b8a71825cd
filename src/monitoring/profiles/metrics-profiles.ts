import { HAPROXY_METRICS_PROFILE } from './haproxy-metrics';
import { INGRESS_NGINX_METRICS_PROFILE } from './ingress-nginx-metrics';
import { TRAEFIK_METRICS_PROFILE } from './traefik-metrics';
import { ControllerMetricsProfile } from '../controller-metrics-profile';

/** Every self-hosted controller kind with a metrics profile. */
export const METRICS_PROFILES: readonly ControllerMetricsProfile[] = [
  INGRESS_NGINX_METRICS_PROFILE, TRAEFIK_METRICS_PROFILE, HAPROXY_METRICS_PROFILE,
];

/** The metrics profile of a controller profile name; undefined for controllers without one (cloud-managed). */
export function metricsProfileFor(controllerName: string): ControllerMetricsProfile | undefined {
  return METRICS_PROFILES.find((p) => p.controllerName === controllerName);
}
