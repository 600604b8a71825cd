/**
 * Baseline (a): the same objects, with the same JSON, as plain `ApiObject`s: no typed props,
 * no validation, nothing resolved at synth. The floor for what cdk8s itself costs.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  GatewayInfra, Manifest, RouteSpec, appDeploymentManifest, certificateManifest, ingressManifest,
  networkPolicyManifest, routesByTenant, serviceManifest, tenantNamespace,
} from '../workload';

function apiObject(scope: Construct, id: string, { apiVersion, kind, metadata, ...rest }: Manifest): ApiObject {
  return new ApiObject(scope, id, { apiVersion, kind, metadata, ...rest });
}

export function build(app: App, routes: RouteSpec[], infra: GatewayInfra): void {
  const gateways = new Chart(app, infra.chartId);
  infra.objects.forEach((object, i) => apiObject(gateways, `o${i}`, object));
  routesByTenant(routes).forEach((tenantRoutes, tenant) => {
    const chart = new Chart(app, tenantNamespace(tenant), { namespace: tenantNamespace(tenant) });
    apiObject(chart, 'App', appDeploymentManifest());
    for (const route of tenantRoutes) {
      apiObject(chart, `${route.name}-svc`, serviceManifest(route));
      apiObject(chart, `${route.name}-ingress`, ingressManifest(route));
      apiObject(chart, `${route.name}-cert`, certificateManifest(route));
      apiObject(chart, `${route.name}-netpol`, networkPolicyManifest(route, infra.controllerPodLabels[route.gateway.className]));
    }
  });
}
