import { ApiServerAccess } from './api-server-access';

/**
 * What the NetworkPolicy of a gateway's controller pods admits, beyond the routes' backends (which it derives).
 * The gateway fills it from its props; a controller profile passes it on to its workload.
 */
export interface ControllerNetworkOptions {
  /**
   * CIDRs clients may connect from, on the controller's HTTP and HTTPS ports.
   * @default - any address for a public exposure; for an internal one, the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7)
   */
  readonly clientSourceCidrs?: string[];
  /**
   * Namespace whose pods may scrape the controller's metrics port.
   * @default 'monitoring'
   */
  readonly monitoringNamespace?: string;
  /**
   * How the controller reaches the Kubernetes API server.
   * @default ApiServerAccess.anyAddress() (TCP 443 and 6443 to any address: there is no portable selector for the API server)
   */
  readonly apiServer?: ApiServerAccess;
}
