import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ICertificateIssuer, IssuerKind, IssuerOptions } from './issuer';
import { checkedIssuerNames, issuerKindFor, issuerObject } from './issuer-object';
import { checkProp } from '../core/input/prop-checks';
import { rejectInput, RejectedInput, rejectInputs } from '../core/input/reject-input';
import { RoutingApi } from '../core/routing-api';
import { checkConfigMapKey, checkDns1123Subdomain, checkRequired } from '../core/validation';
import {
  ClusterIssuerSpecAcmeSolvers, ClusterIssuerSpecAcmeSolversDns01,
} from '../imports/cert-manager.io';
import { IGateway } from '../routing/gateway';
import { RouteTable } from '../routing/route-table';
import { RuleEngine } from '../rules/engine';

/** An ACME directory: where cert-manager registers its account and orders certificates. */
export class AcmeServer {
  /** Let's Encrypt production: publicly trusted certificates, with rate limits (50 certificates per domain per week). */
  public static readonly LETS_ENCRYPT = new AcmeServer('https://acme-v02.api.letsencrypt.org/directory', 'letsencrypt');

  /** Let's Encrypt staging: untrusted certificates with generous rate limits, for trying a setup out. */
  public static readonly LETS_ENCRYPT_STAGING = new AcmeServer('https://acme-staging-v02.api.letsencrypt.org/directory', 'letsencrypt-staging');

  /** Any other ACME directory (ZeroSSL, a private step-ca, ...), by its directory URL. */
  public static fromUrl(url: string): AcmeServer {
    // No scope here: the issuer that uses the server reports a bad URL (CG-INPUT-001 on `server`).
    const problem = /^https:\/\/[^\s/]+(\/\S*)?$/.test(url) ? undefined
      : 'is not an ACME directory URL; give an https:// URL such as "https://acme.zerossl.com/v2/DV90"';
    return new AcmeServer(url, undefined, problem);
  }

  private constructor(
    /** The directory URL. */
    public readonly url: string,
    /** The issuer name used when none is given. */
    public readonly defaultIssuerName?: string,
    /**
     * Why the URL is rejected, reported by the issuer that uses it.
     * @internal
     */
    public readonly _rejected?: string,
  ) {}
}

/** Options every DNS-01 solver takes. */
export interface Dns01SolverOptions {
  /**
   * DNS zones the solver answers for (cert-manager's `selector.dnsZones`). cert-manager prefers a solver whose zone
   * matches a name over a catch-all one, so names in these zones are validated with DNS-01 even when the issuer
   * also has an HTTP-01 solver.
   * @default - every name; as the issuer's HTTP-01 solver comes first, DNS-01 then validates only wildcards
   */
  readonly dnsZones?: string[];
}

/** AWS Route 53. */
export interface Route53SolverProps extends Dns01SolverOptions {
  /**
   * AWS region of the Route 53 API calls.
   * @default - from cert-manager's AWS environment
   */
  readonly region?: string;
  /**
   * The hosted zone ID, to skip the lookup.
   * @default - looked up from the name
   */
  readonly hostedZoneId?: string;
  /**
   * ARN of an IAM role to assume.
   * @default - cert-manager's own credentials (IRSA or EKS Pod Identity)
   */
  readonly role?: string;
}

/** Cloudflare, with an API token. */
export interface CloudflareSolverProps extends Dns01SolverOptions {
  /** Secret holding the API token: in cert-manager's namespace for a ClusterIssuer, in the Issuer's namespace otherwise. */
  readonly apiTokenSecretName: string;
  /**
   * Key of the token in that Secret.
   * @default 'api-token'
   */
  readonly apiTokenSecretKey?: string;
}

/** Google Cloud DNS. */
export interface CloudDnsSolverProps extends Dns01SolverOptions {
  /** The Google Cloud project of the zone. */
  readonly project: string;
  /**
   * Secret holding a service account key.
   * @default - Workload Identity (no key)
   */
  readonly serviceAccountSecretName?: string;
  /**
   * Key of the service account JSON in that Secret.
   * @default 'key.json'
   */
  readonly serviceAccountSecretKey?: string;
  /**
   * The managed zone name, to skip the lookup.
   * @default - looked up from the name
   */
  readonly hostedZoneName?: string;
}

/** Azure DNS, with a managed identity. */
export interface AzureDnsSolverProps extends Dns01SolverOptions {
  /** The Azure subscription of the DNS zone. */
  readonly subscriptionId: string;
  /** The resource group of the DNS zone. */
  readonly resourceGroupName: string;
  /**
   * The DNS zone name, to skip the lookup.
   * @default - looked up from the name
   */
  readonly hostedZoneName?: string;
  /**
   * Client ID of the user-assigned managed identity to use.
   * @default - cert-manager's workload identity
   */
  readonly managedIdentityClientId?: string;
}

/** A cert-manager DNS-01 webhook (for a DNS provider cert-manager does not build in). */
export interface WebhookSolverProps extends Dns01SolverOptions {
  /** The API group the webhook registers (`groupName` in its installation). */
  readonly groupName: string;
  /** The solver name the webhook registers. */
  readonly solverName: string;
  /**
   * The webhook's own configuration.
   * @default - none
   */
  readonly config?: { [key: string]: any };
}

/**
 * A DNS-01 challenge solver: cert-manager proves control of a name with a TXT record. The only way ACME issues
 * wildcard names (`*.example.com`), and it works for hosts not reachable from the internet.
 */
export class Dns01Solver {
  /** AWS Route 53. */
  public static route53(props: Route53SolverProps = {}): Dns01Solver {
    const rejected: RejectedInput[] = [];
    for (const field of ['region', 'hostedZoneId', 'role'] as const) checkProp(rejected, field, props[field], checkRequired, field);
    return new Dns01Solver('route53', {
      route53: { region: props.region, hostedZoneId: props.hostedZoneId, role: props.role },
    }, props.dnsZones, rejected);
  }

  /** Cloudflare, with an API token from a Secret. */
  public static cloudflare(props: CloudflareSolverProps): Dns01Solver {
    const rejected: RejectedInput[] = [];
    checkProp(rejected, 'apiTokenSecretName', props.apiTokenSecretName, checkDns1123Subdomain, 'Secret name');
    checkProp(rejected, 'apiTokenSecretKey', props.apiTokenSecretKey, checkConfigMapKey, 'Secret key');
    return new Dns01Solver('cloudflare', {
      cloudflare: { apiTokenSecretRef: { name: props.apiTokenSecretName, key: props.apiTokenSecretKey ?? 'api-token' } },
    }, props.dnsZones, rejected);
  }

  /** Google Cloud DNS. */
  public static cloudDns(props: CloudDnsSolverProps): Dns01Solver {
    const rejected: RejectedInput[] = [];
    checkProp(rejected, 'project', props.project, checkRequired, 'project');
    checkProp(rejected, 'hostedZoneName', props.hostedZoneName, checkRequired, 'hostedZoneName');
    checkProp(rejected, 'serviceAccountSecretName', props.serviceAccountSecretName, checkDns1123Subdomain, 'Secret name');
    checkProp(rejected, 'serviceAccountSecretKey', props.serviceAccountSecretKey, checkConfigMapKey, 'Secret key');
    return new Dns01Solver('cloudDNS', {
      cloudDns: {
        project: props.project,
        hostedZoneName: props.hostedZoneName,
        serviceAccountSecretRef: props.serviceAccountSecretName !== undefined
          ? { name: props.serviceAccountSecretName, key: props.serviceAccountSecretKey ?? 'key.json' }
          : undefined,
      },
    }, props.dnsZones, rejected);
  }

  /** Azure DNS. */
  public static azureDns(props: AzureDnsSolverProps): Dns01Solver {
    const rejected: RejectedInput[] = [];
    for (const field of ['subscriptionId', 'resourceGroupName', 'hostedZoneName', 'managedIdentityClientId'] as const) {
      checkProp(rejected, field, props[field], checkRequired, field);
    }
    return new Dns01Solver('azureDNS', {
      azureDns: {
        subscriptionId: props.subscriptionId,
        resourceGroupName: props.resourceGroupName,
        hostedZoneName: props.hostedZoneName,
        managedIdentity: props.managedIdentityClientId !== undefined ? { clientId: props.managedIdentityClientId } : undefined,
      },
    }, props.dnsZones, rejected);
  }

  /** A DNS-01 webhook solver. */
  public static webhook(props: WebhookSolverProps): Dns01Solver {
    const rejected: RejectedInput[] = [];
    checkProp(rejected, 'groupName', props.groupName, checkRequired, 'groupName');
    checkProp(rejected, 'solverName', props.solverName, checkRequired, 'solverName');
    return new Dns01Solver('webhook', {
      webhook: { groupName: props.groupName, solverName: props.solverName, config: props.config },
    }, props.dnsZones, rejected);
  }

  private constructor(
    /** The provider, as cert-manager names it (`route53`, `cloudflare`, `cloudDNS`, `azureDNS`, `webhook`). */
    public readonly provider: string,
    private readonly config: ClusterIssuerSpecAcmeSolversDns01,
    /** The zones the solver is selected for; undefined for every name. */
    public readonly dnsZones?: string[],
    /**
     * Mistakes in the factory's arguments, reported by the issuer the solver is added to.
     * @internal
     */
    public readonly _rejected: RejectedInput[] = [],
  ) {}

  /** @internal */
  public _toSolver(): ClusterIssuerSpecAcmeSolvers {
    return { dns01: this.config, ...(this.dnsZones?.length ? { selector: { dnsZones: [...this.dnsZones] } } : {}) };
  }
}

/** Props of an `AcmeIssuer`. */
export interface AcmeIssuerProps extends IssuerOptions {
  /** Account email: the ACME server sends expiry and incident notices to it. */
  readonly email: string;
  /**
   * The ACME directory.
   * @default AcmeServer.LETS_ENCRYPT
   */
  readonly server?: AcmeServer;
  /**
   * Secret cert-manager creates for the ACME account's private key (in its own namespace for a ClusterIssuer).
   * @default - `<issuer name>-account-key`
   */
  readonly accountKeySecretName?: string;
  /**
   * Gateways whose controllers serve HTTP-01 challenges (the solver Ingress uses each one's class). A
   * `PublicWebGateway` adds itself. With several, each solver is selected by the hosts of its gateway's routes,
   * so every challenge is answered where the host's DNS points.
   * @default - none
   */
  readonly http01Gateways?: IGateway[];
  /**
   * DNS-01 solvers, for wildcard hosts and hosts the internet can not reach.
   * @default - none
   */
  readonly dns01Solvers?: Dns01Solver[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * An ACME issuer (Let's Encrypt by default): a `ClusterIssuer`, or a namespaced `Issuer` when `namespace` is set.
 *
 * HTTP-01 challenges are served by the gateways given (their solver Ingress names the gateway's class, and a
 * ClusterIP solver Service for self-hosted controllers, so no node port opens); DNS-01 solvers cover wildcard
 * hosts. An issuer without any solver fails synth.
 */
export class AcmeIssuer extends Construct implements ICertificateIssuer {
  public readonly issuerName: string;
  public readonly issuerKind: IssuerKind;
  public readonly issuerNamespace?: string;
  /** The ACME directory. */
  public readonly server: AcmeServer;
  /** The Issuer or ClusterIssuer object. */
  public readonly apiObject: ApiObject;
  private readonly http01: IGateway[] = [];
  private readonly dns01: Dns01Solver[] = [];

  constructor(scope: Construct, id: string, props: AcmeIssuerProps) {
    super(scope, id);
    RuleEngine.of(this);
    this.server = props.server ?? AcmeServer.LETS_ENCRYPT;
    if (this.server._rejected) rejectInput(this, 'server', this.server.url, this.server._rejected);
    let name = props.name ?? this.server.defaultIssuerName;
    if (name === undefined) {
      rejectInput(this, 'name', undefined, `give a name for an issuer of ${this.server.url} (a DNS-1123 subdomain such as "zerossl")`);
      // A stand-in, to find later mistakes: the finding fails synth.
      name = 'acme';
    }
    const checked = checkedIssuerNames(this, name, props.namespace);
    name = checked.name;
    const namespace = checked.namespace;
    checkProp(this, 'accountKeySecretName', props.accountKeySecretName, checkDns1123Subdomain, 'Secret name');
    if (!EMAIL.test(props.email)) rejectInput(this, 'email', props.email, 'is not an email address; give the ACME account contact, such as "ops@example.com"');
    this.issuerName = name;
    this.issuerNamespace = namespace;
    this.issuerKind = issuerKindFor(namespace);
    for (const gateway of props.http01Gateways ?? []) this.addHttp01Gateway(gateway);
    for (const solver of props.dns01Solvers ?? []) this.addDns01Solver(solver);

    this.apiObject = issuerObject(this, name, namespace, {
      acme: {
        server: this.server.url,
        email: props.email,
        privateKeySecretRef: { name: props.accountKeySecretName ?? `${name}-account-key` },
        // Resolved at synth: gateways register themselves after the issuer exists.
        solvers: Lazy.any({ produce: () => this.solvers() }) as unknown as ClusterIssuerSpecAcmeSolvers[],
      },
    });

  }

  /** Serves HTTP-01 challenges through `gateway` (its class routes the solver Ingress). Adding a gateway twice has no effect. */
  public addHttp01Gateway(gateway: IGateway): void {
    if (!this.http01.includes(gateway)) this.http01.push(gateway);
  }

  /** Adds a DNS-01 solver. */
  public addDns01Solver(solver: Dns01Solver): void {
    rejectInputs(this, solver._rejected.map(([field, value, message]) => [`dns01Solvers[${this.dns01.length}].${field}`, value, message]));
    this.dns01.push(solver);
  }

  /** The gateways that serve this issuer's HTTP-01 challenges. */
  public get http01Gateways(): IGateway[] {
    return [...this.http01];
  }

  /**
   * Resolved when the rules read the issuer (gateways add themselves after it exists), so a missing solver is a
   * CG-INPUT-001 finding reported with every other finding of the synth.
   */
  private solvers(): ClusterIssuerSpecAcmeSolvers[] {
    if (this.http01.length + this.dns01.length === 0) {
      rejectInput(this, 'solvers', [], `ACME issuer "${this.issuerName}" has no challenge solver: use it with a PublicWebGateway, or give http01Gateways or dns01Solvers`);
    }
    const http01: ClusterIssuerSpecAcmeSolvers[] = this.http01.length === 1
      ? [{ http01: http01Solver(this.http01[0]) }]
      : this.http01.flatMap((gateway) => {
        // Several gateways: each answers the challenges of its own hosts, which is where their DNS points.
        const hosts = [...new Set(RouteTable.of(this).routesOf(gateway).map((r) => r.host).filter((h) => !h.startsWith('*.')))].sort();
        return hosts.length > 0 ? [{ selector: { dnsNames: hosts }, http01: http01Solver(gateway) }] : [];
      });
    return [...http01, ...this.dns01.map((s) => s._toSolver())];
  }
}

/** The HTTP-01 solver Ingress settings that put challenges on a gateway. */
/**
 * The HTTP-01 solver for a gateway: an Ingress of its class, or on a Gateway API gateway an HTTPRoute whose parent
 * is the Gateway (its plain HTTP listener), created by cert-manager in the Certificate's namespace, which is the
 * Gateway's: that listener admits the Gateway's namespace only. A gateway serving both APIs keeps the Ingress solver.
 */
function http01Solver(gateway: IGateway): ClusterIssuerSpecAcmeSolvers['http01'] {
  if (gateway.api !== RoutingApi.GATEWAY_API) return { ingress: http01Ingress(gateway) };
  return {
    gatewayHttpRoute: {
      parentRefs: [{
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: gateway.className,
        namespace: gateway.namespace,
        ...(gateway.http01ListenerName !== undefined ? { sectionName: gateway.http01ListenerName } : {}),
      }],
      // Gateway API implementations route to the solver pods' endpoints, so no node port is needed.
      serviceType: 'ClusterIP',
    },
  };
}

function http01Ingress(gateway: IGateway): { ingressClassName?: string; class?: string; serviceType?: string } {
  const classAnnotation = gateway.routeBinding?.classAnnotation;
  return {
    ...(classAnnotation !== undefined ? { class: classAnnotation } : { ingressClassName: gateway.className }),
    // Self-hosted controllers route to pod endpoints, so the solver Service needs no node port (cert-manager's default).
    ...((gateway.controller.selfHosted ?? true) ? { serviceType: 'ClusterIP' } : {}),
  };
}
