import { checkCidr, sortedNumbers } from './peers';
import { InvalidInputError } from '../rules/input/invalid-input';

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
 */
export class ApiServerAccess {
  /**
   * Egress on the given ports to any address.
   * @param ports TCP ports of the API server; default 443 and 6443
   */
  public static anyAddress(ports?: number[]): ApiServerAccess {
    return new ApiServerAccess(undefined, ApiServerAccess.checkPorts(ports ?? DEFAULT_API_SERVER_PORTS));
  }

  /**
   * Egress on the given ports to the API server's addresses only (for example the control plane subnet, or
   * the endpoint IPs of the `kubernetes` Service).
   * @param cidrs addresses of the API server, as CIDRs
   * @param ports TCP ports of the API server; default 443 and 6443
   */
  public static fromCidrs(cidrs: string[], ports?: number[]): ApiServerAccess {
    if (cidrs.length === 0) throw new InvalidInputError('ApiServerAccess.fromCidrs: cidrs is empty (got []); give at least one CIDR of the API server, such as "10.0.0.1/32"');
    cidrs.forEach((cidr, i) => {
      const reason = checkCidr(cidr);
      if (reason) throw new InvalidInputError(`ApiServerAccess.fromCidrs: cidrs[${i}] = ${JSON.stringify(cidr)}: API server CIDR ${reason}; give an IPv4 or IPv6 address with a prefix length`);
    });
    return new ApiServerAccess([...new Set(cidrs)].sort(), ApiServerAccess.checkPorts(ports ?? DEFAULT_API_SERVER_PORTS));
  }

  private static checkPorts(ports: number[]): number[] {
    if (ports.length === 0) throw new InvalidInputError('ApiServerAccess: ports is empty (got []); give at least one TCP port, or leave it unset for 443 and 6443');
    ports.forEach((port, i) => {
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new InvalidInputError(`ApiServerAccess: ports[${i}] = ${JSON.stringify(port)}: an API server port must be an integer between 1 and 65535`);
      }
    });
    return sortedNumbers(ports);
  }

  private constructor(
    /** The API server's addresses; undefined when any address is allowed. */
    public readonly cidrs: string[] | undefined,
    /** The API server's TCP ports, sorted. */
    public readonly ports: number[],
  ) {}
}
