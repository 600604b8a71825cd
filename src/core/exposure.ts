import { INTERNAL_LOAD_BALANCER_ANNOTATIONS } from './cloud-load-balancers';
import { InvalidInputError } from './input/input-error';

/**
 * A cloud whose load balancer integration this library knows, with the Service annotations
 * that make its load balancer internal.
 */
export class CloudProvider {
  /**
   * AWS: both the in-tree cloud provider annotation and the AWS Load Balancer Controller scheme annotation,
   * so the load balancer is internal whichever controller reconciles the Service.
   */
  public static readonly AWS = new CloudProvider('aws', { ...INTERNAL_LOAD_BALANCER_ANNOTATIONS.aws });

  /** Google Cloud (GKE): an internal passthrough Network Load Balancer. */
  public static readonly GCP = new CloudProvider('gcp', { ...INTERNAL_LOAD_BALANCER_ANNOTATIONS.gcp });

  /** Azure (AKS): an internal Azure Load Balancer. */
  public static readonly AZURE = new CloudProvider('azure', { ...INTERNAL_LOAD_BALANCER_ANNOTATIONS.azure });

  /** Every supported provider. */
  public static all(): CloudProvider[] {
    return [CloudProvider.AWS, CloudProvider.GCP, CloudProvider.AZURE];
  }

  /**
   * The provider with this name (`aws`, `gcp` or `azure`), for configuration read from data files.
   * Throws on an unknown name, listing the supported ones.
   */
  public static of(name: string): CloudProvider {
    const provider = CloudProvider.all().find((p) => p.name === name.toLowerCase());
    if (!provider) {
      throw new InvalidInputError(`CloudProvider.of: unknown cloud provider ${JSON.stringify(name)}; supported: ${CloudProvider.all().map((p) => p.name).join(', ')}`);
    }
    return provider;
  }

  private constructor(
    /** Short name: `aws`, `gcp` or `azure`. */
    public readonly name: string,
    /** Service annotations that request an internal load balancer. */
    public readonly internalLoadBalancerAnnotations: { [key: string]: string },
  ) {}
}

/** Options shared by load balancer exposures. */
export interface LoadBalancerOptions {
  /**
   * Client CIDRs allowed through the load balancer (`spec.loadBalancerSourceRanges`).
   * @default - no restriction at the load balancer
   */
  readonly sourceRanges?: string[];
  /**
   * Extra Service annotations, for provider features this library does not model.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * `spec.loadBalancerClass`, to pick a specific load balancer implementation.
   * @default - the cluster's default implementation
   */
  readonly loadBalancerClass?: string;
}

/** How clients reach a gateway's controller: the shape of its Service. */
export class GatewayExposure {
  /** An internet-facing load balancer (`type: LoadBalancer`, `externalTrafficPolicy: Local` to keep client addresses). */
  public static publicLoadBalancer(options: LoadBalancerOptions = {}): GatewayExposure {
    return new GatewayExposure('LoadBalancer', false, options, {});
  }

  /** A load balancer reachable only from the cloud network, using the provider's internal annotations. */
  public static internalLoadBalancer(provider: CloudProvider, options: LoadBalancerOptions = {}): GatewayExposure {
    return new GatewayExposure('LoadBalancer', true, options, provider.internalLoadBalancerAnnotations, provider);
  }

  /** A ClusterIP Service only, for a gateway fronted by something else in the cluster. */
  public static clusterIp(): GatewayExposure {
    return new GatewayExposure('ClusterIP', true, {}, {});
  }

  private constructor(
    /** The Service type. */
    public readonly serviceType: string,
    /** True when clients outside the cloud network cannot reach the gateway. */
    public readonly internal: boolean,
    private readonly options: LoadBalancerOptions,
    private readonly providerAnnotations: { [key: string]: string },
    /** The cloud provider, for internal load balancers. */
    public readonly provider?: CloudProvider,
  ) {}

  /** Annotations for the controller Service. */
  public get annotations(): { [key: string]: string } {
    return { ...this.providerAnnotations, ...(this.options.annotations ?? {}) };
  }

  /** `spec.loadBalancerSourceRanges`, if any. */
  public get sourceRanges(): string[] | undefined {
    return this.options.sourceRanges;
  }

  /** `spec.loadBalancerClass`, if any. */
  public get loadBalancerClass(): string | undefined {
    return this.options.loadBalancerClass;
  }
}
