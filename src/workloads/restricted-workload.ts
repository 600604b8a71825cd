import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { InvalidInputError } from '../core/input/input-error';
import { checkProp } from '../core/input/prop-checks';
import { RejectedInput } from '../core/input/reject-input';
import { checkInteger, checkWholeMebibytes } from '../core/validation';

/** Options of `RestrictedWorkload.containerSettings`. */
export interface RestrictedContainerOptions {
  /**
   * User ID the container runs as.
   * @default - the image's user, which must not be root: with `runAsNonRoot` the kubelet refuses to start a root user
   */
  readonly user?: number;
  /**
   * Group ID the container runs as.
   * @default - the image's group
   */
  readonly group?: number;
  /**
   * Whether the root filesystem is read-only (mount an `emptyDir` where the app writes).
   * @default true
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Add back `NET_BIND_SERVICE` after dropping every capability, for a process that binds ports below 1024. It is the
   * only capability the Pod Security `restricted` profile allows.
   * @default false
   */
  readonly bindPrivilegedPorts?: boolean;
  /**
   * Requests and limits. CG-POD-002 needs a CPU request, a memory request and a memory limit.
   * @default - 100m CPU and 128 MiB memory requested, 256 MiB memory limit, no CPU limit
   */
  readonly resources?: kplus.ContainerResources;
}

/** The container props that make a cdk8s-plus workload pass the pod rules; spread them into the container props. */
export interface RestrictedContainerSettings {
  /** Non-root, no privilege escalation, every capability dropped, `RuntimeDefault` seccomp. */
  readonly securityContext: kplus.ContainerSecurityContextProps;
  /** A CPU request, a memory request and a memory limit. */
  readonly resources: kplus.ContainerResources;
}

/**
 * Your own workloads are checked too: the pod rules (CG-POD-001 Pod Security `restricted`, CG-POD-002 requests and
 * limits, CG-POD-003 pinned image) apply to every pod template of the app, not only to this library's controllers.
 * A plain cdk8s-plus container fails CG-POD-001, since cdk8s-plus sets no seccomp profile and drops no capabilities.
 *
 * ```ts
 * new kplus.Deployment(chart, 'Web', {
 *   containers: [{ image: 'registry.example.com/web:1.4.2', portNumber: 8080, ...RestrictedWorkload.containerSettings() }],
 * });
 * ```
 */
export class RestrictedWorkload {
  /**
   * Security context and resources for one container that pass CG-POD-001 and CG-POD-002.
   *
   * Throws `InvalidInputError` for an option the API server or cdk8s-plus would refuse (a user or group ID that is
   * not a whole number from 0 to 2147483647, memory in fractions of a mebibyte): the settings go into a cdk8s-plus
   * container, not a construct of this library, so there is no construct to report a finding on.
   */
  public static containerSettings(options: RestrictedContainerOptions = {}): RestrictedContainerSettings {
    checkOptions(options);
    return {
      securityContext: {
        ensureNonRoot: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        readOnlyRootFilesystem: options.readOnlyRootFilesystem ?? true,
        user: options.user,
        group: options.group,
        capabilities: {
          drop: [kplus.Capability.ALL],
          ...(options.bindPrivilegedPorts ? { add: [kplus.Capability.NET_BIND_SERVICE] } : {}),
        },
        seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
      },
      resources: options.resources ?? {
        cpu: { request: kplus.Cpu.millis(100) },
        memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
      },
    };
  }

  private constructor() {}
}

const MEMORY_FIELDS = ['request', 'limit'] as const;

/**
 * Kubernetes 1.28 ValidateSecurityContext (IsValidUserID, IsValidGroupID: 0 to 2147483647) for `user` and `group`;
 * memory in whole mebibytes, as cdk8s-plus writes it (`<n>Mi`, and fails the synth with its own error otherwise).
 */
function checkOptions(options: RestrictedContainerOptions): void {
  const rejected: RejectedInput[] = [];
  checkProp(rejected, 'user', options.user, (v) => checkInteger(v, { min: 0 }), 'user ID');
  checkProp(rejected, 'group', options.group, (v) => checkInteger(v, { min: 0 }), 'group ID');
  for (const field of MEMORY_FIELDS) {
    const kib = options.resources?.memory?.[field]?.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
    const reason = kib === undefined ? undefined : checkWholeMebibytes(kib / 1024);
    if (reason !== undefined) rejected.push([`resources.memory.${field}`, `${kib}Ki`, `memory ${field} ${reason}`]);
  }
  if (rejected.length > 0) {
    throw new InvalidInputError(`RestrictedWorkload.containerSettings: ${rejected.map(([field, value, message]) => `${field} = ${JSON.stringify(value)}: ${message}`).join('; ')}`);
  }
}
