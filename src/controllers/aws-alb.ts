import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { assertCloudManagedOptions, setOptionNames } from './cloud-managed';
import { ControllerDeployment, ControllerDeployOptions, HardenedController, IIngressController, PublicWebHardening } from './controller-profile';
import { AWS_LOAD_BALANCER_CONTROLLER_3_5_0 } from './facts/aws-load-balancer-controller-3.5.0';
import { IngressRouteTarget, RouteOptionsTranslation } from './route-options-translation';
import { CloudProvider } from '../core/exposure';
import { InvalidInputError } from '../core/input/input-error';
import { rejectInput } from '../core/input/reject-input';
import { LABEL_INGRESS_CLASS, LABEL_MANAGED_BY, MANAGED_BY } from '../core/manifest-contract';
import { BackendProtocol, RouteOptions } from '../routing/route-options';

/** The IngressClass controller value of the AWS Load Balancer Controller (shared by all its classes). */
export const AWS_ALB_CONTROLLER_VALUE = AWS_LOAD_BALANCER_CONTROLLER_3_5_0.facts.controllerValue;
const PARAMS_API_GROUP = 'elbv2.k8s.aws';
const ANNOTATION_PREFIX = 'alb.ingress.kubernetes.io/';
/** IngressGroup names: up to 63 lowercase alphanumerics, '-' and '.', starting and ending with an alphanumeric. */
const GROUP_NAME = /^([a-z0-9][-.a-z0-9]{0,61})?[a-z0-9]$/;

/** The IP address types of an Application Load Balancer (`IngressClassParams.spec.ipAddressType`). */
export enum AlbIpAddressType {
  /** IPv4 only. */
  IPV4 = 'ipv4',
  /** IPv4 and IPv6. */
  DUALSTACK = 'dualstack',
  /** IPv6 and private IPv4 only: no public IPv4 addresses (internet-facing load balancers). */
  DUALSTACK_WITHOUT_PUBLIC_IPV4 = 'dualstack-without-public-ipv4',
}

/** How an Application Load Balancer reaches the pods behind a route (`IngressClassParams.spec.targetType`). */
export enum AlbTargetType {
  /** Pod IPs, straight from the EndpointSlices: works with ClusterIP Services. */
  IP = 'ip',
  /**
   * Node ports: the backend Services must be NodePort or LoadBalancer. A ClusterIP Service has no node port, so no
   * target registers and the load balancer answers 503 (CG-CONTROLLER-007).
   */
  INSTANCE = 'instance',
}

/** Options for the AWS Load Balancer Controller profile. */
export interface AwsAlbProps {
  /**
   * IngressGroup: every Ingress of the class shares one Application Load Balancer (`spec.group.name`).
   * @default - each Ingress gets its own load balancer
   */
  readonly groupName?: string;
  /**
   * IP address type of the load balancers.
   * @default - the controller's default (AlbIpAddressType.IPV4)
   */
  readonly ipAddressType?: AlbIpAddressType;
  /**
   * Target type of every target group of the class. Routes point at ClusterIP Services, which only `ip` targets
   * reach; the controller's own default is `instance` (`--default-target-type`), so the class always sets it.
   * `AlbIpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4` needs an internet-facing load balancer (CG-CONTROLLER-006).
   * @default AlbTargetType.IP
   */
  readonly targetType?: AlbTargetType;
}

/**
 * The AWS Load Balancer Controller (cloud-managed: installed with EKS or its Helm chart, never by this library).
 *
 * A gateway emits the IngressClass (`ingress.k8s.aws/alb`) and an `elbv2.k8s.aws/v1beta1` IngressClassParams
 * of the same name that fixes the scheme (from the exposure), the IngressGroup, the IP address type and the target
 * type (`ip` unless told otherwise) for every Ingress of the class: Ingress annotations can not override them.
 */
export class AwsAlbController implements IIngressController {
  public readonly name = 'aws-load-balancer-controller';
  public readonly selfHosted?: boolean = false;

  constructor(private readonly props: AwsAlbProps = {}) {}

  public deploy(scope: Construct, options: ControllerDeployOptions): ControllerDeployment {
    assertCloudManagedOptions(scope, 'AWS ALB', CloudProvider.AWS, options);
    // The profile has no scope of its own: the gateway deploying it reports a bad groupName with its other findings.
    if (this.props.groupName !== undefined && !GROUP_NAME.test(this.props.groupName)) {
      rejectInput(scope, 'controller.groupName', this.props.groupName, 'is not a valid IngressGroup name; '
        + 'give at most 63 lowercase letters, digits, \'-\' or \'.\', starting and ending with a letter or digit');
    }
    new ApiObject(scope, 'IngressClassParams', {
      apiVersion: `${PARAMS_API_GROUP}/v1beta1`,
      kind: 'IngressClassParams',
      metadata: { name: options.className, labels: { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_INGRESS_CLASS]: options.className } },
      spec: {
        scheme: options.exposure.internal ? 'internal' : 'internet-facing',
        ...(this.props.groupName !== undefined ? { group: { name: this.props.groupName } } : {}),
        ...(this.props.ipAddressType !== undefined ? { ipAddressType: this.props.ipAddressType } : {}),
        // Overrides the target-type annotation and the controller's --default-target-type (instance).
        targetType: this.props.targetType ?? AlbTargetType.IP,
      },
    });
    return {
      controllerValue: AWS_ALB_CONTROLLER_VALUE,
      // Cluster-scoped, so no scope or namespace.
      parameters: { apiGroup: PARAMS_API_GROUP, kind: 'IngressClassParams', name: options.className },
    };
  }

  /**
   * Not supported: the AWS Load Balancer Controller terminates TLS with ACM certificates, which it discovers from the
   * Ingress hosts, and ignores Ingress TLS secrets, so the cert-manager certificates of a PublicWebGateway would never
   * be served.
   */
  public hardenForPublicWeb(_hardening: PublicWebHardening): HardenedController {
    throw new InvalidInputError('AWS ALB terminates TLS with ACM certificates and ignores Ingress TLS secrets, so a PublicWebGateway\'s cert-manager certificates '
      + 'would never be served; use an IngressClassGateway with ACM (alb.ingress.kubernetes.io/certificate-arn or certificate discovery), '
      + 'or a self-hosted controller behind a network load balancer');
  }

  public translateRouteOptions(options: RouteOptions, _target?: IngressRouteTarget): RouteOptionsTranslation {
    return { annotations: this.routeAnnotations(options), unsupported: this.unsupportedRouteOptions(options) };
  }

  private routeAnnotations(options: RouteOptions): { [key: string]: string } {
    const a: { [key: string]: string } = {};
    if (options.sslRedirect === true) {
      // The redirect needs an HTTP listener next to the HTTPS one.
      a[`${ANNOTATION_PREFIX}listen-ports`] = '[{"HTTP": 80}, {"HTTPS": 443}]';
      a[`${ANNOTATION_PREFIX}ssl-redirect`] = '443';
    }
    if (options.allowedSourceRanges?.length) a[`${ANNOTATION_PREFIX}inbound-cidrs`] = options.allowedSourceRanges.join(',');
    switch (options.backendProtocol) {
      case BackendProtocol.HTTPS:
        a[`${ANNOTATION_PREFIX}backend-protocol`] = 'HTTPS';
        break;
      case BackendProtocol.GRPC:
        a[`${ANNOTATION_PREFIX}backend-protocol`] = 'HTTP';
        a[`${ANNOTATION_PREFIX}backend-protocol-version`] = 'GRPC';
        break;
      case BackendProtocol.GRPCS:
        a[`${ANNOTATION_PREFIX}backend-protocol`] = 'HTTPS';
        a[`${ANNOTATION_PREFIX}backend-protocol-version`] = 'GRPC';
        break;
      default:
        break;
    }
    return a;
  }

  /** An ALB has no request body limit, per-client rate limit (that is AWS WAF) or per-route backend timeouts. */
  private unsupportedRouteOptions(options: RouteOptions): string[] {
    return setOptionNames(options).filter((key) => !['sslRedirect', 'allowedSourceRanges', 'backendProtocol'].includes(key));
  }
}
