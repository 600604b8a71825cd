/**
 * Baseline (b): the same app written by hand with cdk8s-plus-28 (L2) constructs, the way a team
 * without this library would: kplus.Deployment / Service / Ingress / NetworkPolicy, and the
 * cert-manager binding for Certificates. The JSON differs in details (kplus adds its own selector
 * label, for example); the objects and their count are the same.
 */
import { ApiObject, App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Certificate } from '../../src/imports/cert-manager.io';
import {
  APP_IMAGE, APP_LABELS, APP_NAME, APP_PORT, GatewayInfra, INTERNAL_API, PUBLIC_WEB, RouteSpec, SERVICE_PORT,
  certificateManifest, routesByTenant, tenantNamespace,
} from '../workload';

export function build(app: App, routes: RouteSpec[], infra: GatewayInfra): void {
  // Controllers: the same constant ~25 objects as the library emits (see infra.ts).
  const gateways = new Chart(app, infra.chartId);
  infra.objects.forEach(({ apiVersion, kind, metadata, ...rest }, i) => new ApiObject(gateways, `o${i}`, { apiVersion, kind, metadata, ...rest }));

  routesByTenant(routes).forEach((tenantRoutes, tenant) => {
    const chart = new Chart(app, tenantNamespace(tenant), { namespace: tenantNamespace(tenant) });
    const appDeployment = new kplus.Deployment(chart, 'App', {
      metadata: { name: APP_NAME, labels: APP_LABELS },
      replicas: 2,
      automountServiceAccountToken: false,
      podMetadata: { labels: APP_LABELS },
      securityContext: { ensureNonRoot: true },
      containers: [{
        name: 'web',
        image: APP_IMAGE,
        ports: [{ name: 'http', number: APP_PORT }],
        resources: {
          cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
          memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
        },
        securityContext: {
          user: 101,
          group: 101,
          ensureNonRoot: true,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: [kplus.Capability.ALL] },
          seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
        },
        liveness: kplus.Probe.fromHttpGet('/', { port: APP_PORT }),
        readiness: kplus.Probe.fromHttpGet('/', { port: APP_PORT }),
      }],
    });

    // One peer selection per controller and tenant, shared by that tenant's policies.
    const controllers = new Map([PUBLIC_WEB, INTERNAL_API].map((gateway) => [gateway.className, kplus.Pods.select(chart, `${gateway.className}-controller`, {
      labels: infra.controllerPodLabels[gateway.className],
      namespaces: kplus.Namespaces.select(chart, `${gateway.className}-namespace`, { names: [gateway.namespace] }),
    })]));

    for (const route of tenantRoutes) {
      const service = new kplus.Service(chart, `${route.name}-svc`, {
        metadata: { name: route.name },
        selector: appDeployment,
        ports: [{ name: 'http', port: SERVICE_PORT, targetPort: APP_PORT, protocol: kplus.Protocol.TCP }],
      });
      new kplus.Ingress(chart, `${route.name}-ingress`, {
        metadata: { name: route.name },
        className: route.gateway.className,
        rules: [{ host: route.host, path: '/', pathType: kplus.HttpIngressPathType.PREFIX, backend: kplus.IngressBackend.fromService(service, { port: SERVICE_PORT }) }],
        tls: [{ hosts: [route.host], secret: kplus.Secret.fromSecretName(chart, `${route.name}-tls`, route.secretName) }],
      });
      const cert = certificateManifest(route);
      new Certificate(chart, `${route.name}-cert`, { metadata: cert.metadata, spec: cert.spec });
      new kplus.NetworkPolicy(chart, `${route.name}-netpol`, {
        metadata: { name: route.policyName },
        selector: appDeployment,
        ingress: { rules: [{ peer: controllers.get(route.gateway.className)!, ports: [kplus.NetworkPolicyPort.tcp(APP_PORT)] }] },
      });
    }
  });
}
