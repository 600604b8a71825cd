/**
 * The small web app every example routes to: an unprivileged nginx that passes the Pod Security `restricted`
 * profile and every workload rule (pinned image, requests and limits, probes). Shared so the examples differ
 * only in what they show about gateways.
 */
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';

export const WEB_APP_IMAGE = 'nginxinc/nginx-unprivileged:1.27.3-alpine';
/** nginx-unprivileged listens on 8080 as user 101. */
export const WEB_APP_PORT = 8080;

export interface WebAppOptions {
  /** Container name (and, by convention, the Service name). */
  readonly name: string;
  /** @default WEB_APP_IMAGE */
  readonly image?: string;
}

export function webAppDeployment(scope: Construct, id: string, options: WebAppOptions): kplus.Deployment {
  return new kplus.Deployment(scope, id, {
    replicas: 2,
    containers: [{
      name: options.name,
      image: options.image ?? WEB_APP_IMAGE,
      portNumber: WEB_APP_PORT,
      resources: {
        cpu: { request: kplus.Cpu.millis(50), limit: kplus.Cpu.millis(500) },
        memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
      },
      securityContext: {
        user: 101,
        group: 101,
        ensureNonRoot: true,
        allowPrivilegeEscalation: false,
        // nginx writes its pid and temp files under /tmp and /var/cache/nginx.
        readOnlyRootFilesystem: false,
        capabilities: { drop: [kplus.Capability.ALL] },
        seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
      },
      liveness: kplus.Probe.fromHttpGet('/', { port: WEB_APP_PORT }),
      readiness: kplus.Probe.fromHttpGet('/', { port: WEB_APP_PORT }),
    }],
    securityContext: { ensureNonRoot: true },
  });
}

/** The app's Deployment and its Service (port 80 → 8080, named http). */
export function webApp(scope: Construct, id: string, options: WebAppOptions): kplus.Service {
  return webAppDeployment(scope, id, options)
    .exposeViaService({ name: options.name, ports: [{ port: 80, targetPort: WEB_APP_PORT, name: 'http' }] });
}
