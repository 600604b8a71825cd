/**
 * Shared helpers of the tenancy and network tests: compliant app workloads, gateways, and quiet stderr.
 */
import { App, Chart, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IngressClassGateway, IngressClassGatewayProps, IngressController } from '../../src';

/** Silences the rule engine's warning summary on stderr for the tests of one file. */
export function quietStderr(): void {
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());
}

/** A Deployment that satisfies every workload rule, listening on `containerPort`. */
export function appDeployment(scope: Construct, id: string, containerPort = 8080): kplus.Deployment {
  return new kplus.Deployment(scope, id, {
    replicas: 2,
    containers: [{
      name: 'app',
      image: 'nginxinc/nginx-unprivileged:1.27.3-alpine',
      portNumber: containerPort,
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
    }],
    securityContext: { ensureNonRoot: true },
  });
}

/** A compliant app behind Service `name` (port 80 → `containerPort`). */
export function appService(scope: Construct, name: string, containerPort = 8080): kplus.Service {
  return appDeployment(scope, `${name}-app`, containerPort).exposeViaService({ name, ports: [{ port: 80, targetPort: containerPort, name: 'http' }] });
}

/** An app with chart `gateways` holding one Traefik gateway (class `public-web` unless overridden). */
export function gatewayApp(props: Partial<IngressClassGatewayProps> = {}): { app: App; gateways: Chart; gateway: IngressClassGateway } {
  const app = Testing.app();
  const gateways = new Chart(app, 'gateways');
  const gateway = new IngressClassGateway(gateways, 'PublicWeb', { className: 'public-web', controller: IngressController.traefik(), ...props });
  return { app, gateways, gateway };
}

/** The labels cdk8s-plus puts on a Deployment's pods (and its Service's selector). */
export function podLabelsOf(deployment: kplus.Deployment): Record<string, string> {
  return deployment.matchLabels;
}
