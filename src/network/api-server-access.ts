import { sortedNumbers } from './peers';
import { checkCidrListProp } from '../core/input/prop-checks';
import { RejectedInput } from '../core/input/reject-input';
import { checkPortNumber } from '../core/validation';

/** Ports the Kubernetes API server listens on in most clusters: 443 (managed clouds, the `kubernetes` Service) and 6443 (kubeadm). */
const DEFAULT_API_SERVER_PORTS = [443, 6443];

/**
 * How controller pods reach the Kubernetes API server, for their egress NetworkPolicy (and, for a controller
 * with an admission webhook, how the API server reaches them).
 *
 * There is no portable selector for the API server: it is not a pod, its addresses differ per cloud and per
 * cluster, and CNIs apply policies after the `kubernetes` Service has been translated to those addresses. So the
 * default, `anyAddress()`, allows egress on TCP 443 and 6443 to any address: the least-bad portable choice, which
 * also lets the controller reach anything else on those ports. Give the API server's CIDRs with `fromCidrs()`
 * to close that gap.
 *
 * The factories do not throw on bad input: the gateway that uses the value reports it (CG-INPUT-001 on
 * `apiServerAccess.cidrs[i]` or `apiServerAccess.ports[i]`) with every other finding of the synth.
 */
export class ApiServerAccess {
  /**
   * Egress on the given ports to any address.
   * @param ports TCP ports of the API server; default 443 and 6443
   */
  public static anyAddress(ports?: number[]): ApiServerAccess {
    const rejected: RejectedInput[] = [];
    return new ApiServerAccess(undefined, ApiServerAccess.checkPorts(rejected, ports ?? DEFAULT_API_SERVER_PORTS), rejected);
  }

  /**
   * Egress on the given ports to the API server's addresses only (for example the control plane subnet, or
   * the endpoint IPs of the `kubernetes` Service).
   * @param cidrs addresses of the API server, as CIDRs
   * @param ports TCP ports of the API server; default 443 and 6443
   */
  public static fromCidrs(cidrs: string[], ports?: number[]): ApiServerAccess {
    const rejected: RejectedInput[] = [];
    if (cidrs.length === 0) rejected.push(['cidrs', cidrs, 'is empty; give at least one CIDR of the API server, such as "10.0.0.1/32"']);
    const valid = checkCidrListProp(rejected, 'cidrs', cidrs, 'API server');
    // Nothing valid left: no address at all keeps the policy closed while the findings fail synth.
    return new ApiServerAccess([...new Set(valid)].sort(), ApiServerAccess.checkPorts(rejected, ports ?? DEFAULT_API_SERVER_PORTS), rejected);
  }

  private static checkPorts(rejected: RejectedInput[], ports: number[]): number[] {
    if (ports.length === 0) rejected.push(['ports', ports, 'is empty; give at least one TCP port, or leave it unset for 443 and 6443']);
    const valid = ports.filter((port, i) => {
      const reason = checkPortNumber(port);
      if (reason) rejected.push([`ports[${i}]`, port, `API server port ${reason}`]);
      return reason === undefined;
    });
    return sortedNumbers(valid.length > 0 ? valid : DEFAULT_API_SERVER_PORTS);
  }

  private constructor(
    /** The API server's addresses; undefined when any address is allowed. */
    public readonly cidrs: string[] | undefined,
    /** The API server's TCP ports, sorted. */
    public readonly ports: number[],
    /**
     * Mistakes in the factory's arguments, reported by the gateway that uses this value.
     * @internal
     */
    public readonly _rejected: RejectedInput[] = [],
  ) {}
}
