import { k8s } from 'cdk8s-plus-28';

/**
 * One RBAC grant a controller binary needs, read from its source at the pinned version. Internal: the profiles build
 * their Roles from these records, and the tests check the generated objects against them.
 */
export interface RbacNeed {
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
  /** When set, the grant names only the gateway's leader-election Lease (`resourceNames: [<election id>]`). */
  readonly onlyElectionLease?: boolean;
  /** What the binary does with it, and the upstream file that shows it. */
  readonly why: string;
}

/** A port the binary listens on, with the flag that sets it. */
export interface ListenPort {
  readonly port: number;
  /** The flag that sets the port (or `built in`), and its upstream file. */
  readonly source: string;
}

/** An HTTP path the binary serves for probes. */
export interface ProbeEndpoint {
  readonly path: string;
  /** Name of the port (a key of `ports`) that serves it. */
  readonly portName: string;
}

/**
 * What one self-hosted controller version needs to start, become Ready and serve routes, as data. A version bump
 * changes this record, so the change is a reviewable diff; every fact names the upstream file it comes from.
 */
export interface SelfHostedControllerFacts {
  readonly name: string;
  readonly version: string;
  /** Upstream repository and the revision that was read. */
  readonly source: string;
  /** UID and GID the image runs as. */
  readonly uid: number;
  readonly gid: number;
  /**
   * Capabilities that must stay in the container's bounding set: the file capabilities of the image's binaries.
   * Linux refuses to exec a binary whose permitted file capabilities are missing from the bounding set.
   */
  readonly capabilities: string[];
  /** Ports the binary listens on, by container port name. */
  readonly ports: { [name: string]: ListenPort };
  /** Paths the probes use. */
  readonly probes: { liveness: ProbeEndpoint; readiness: ProbeEndpoint };
  /** Flags the profile passes (names only); each exists in this version. */
  readonly flags: string[];
  /** Grants on the ClusterRole: what the binary lists, watches and writes across namespaces. */
  readonly clusterRbac: RbacNeed[];
  /** Grants on the Role in the controller's own namespace. */
  readonly namespaceRbac: RbacNeed[];
  /** What the binary writes to the API server. */
  readonly writes: string[];
  /** What the binary does when a list or watch it needs is forbidden. */
  readonly whenForbidden: string;
  /**
   * How an Ingress route makes the controller verify an HTTPS backend's certificate against a named CA.
   * @default - not recorded: the profile reports `backendCertificateAuthority` as unsupported
   */
  readonly backendCertificateVerification?: BackendCertificateVerificationFacts;
}

/**
 * Whether Ingress annotations can make the controller verify a backend the way the route options mean: against the
 * `ca.crt` of a named object (the key a BackendTLSPolicy reads) and for a hostname.
 */
export function verifiesBackendCertificates(facts: BackendCertificateVerificationFacts | undefined): boolean {
  return facts !== undefined && facts.annotations.length > 0 && facts.caObject?.key === 'ca.crt' && facts.checksHostname;
}

/** How a controller verifies a TLS backend's certificate, read from its source. */
export interface BackendCertificateVerificationFacts {
  /** Ingress annotations (full names) that name the CA and turn verification on; empty when the Ingress can not. */
  readonly annotations: string[];
  /** Kinds of the object holding the CA (in the Ingress's namespace), and the data key read. */
  readonly caObject: { kinds: string[]; key: string } | undefined;
  /** Whether the certificate's name is checked (against a hostname the route can set), not only its chain. */
  readonly checksHostname: boolean;
  /** What makes the option unusable on this controller, if anything. */
  readonly limitation?: string;
  /** Upstream files read. */
  readonly from: string;
}

/** The PolicyRules of a record's needs; `electionId` names the only Lease a Lease rule may touch. */
export function policyRules(needs: RbacNeed[], electionId?: string): k8s.PolicyRule[] {
  return needs.map((need) => {
    if (need.onlyElectionLease && electionId === undefined) {
      throw new Error(`the grant on ${need.resources.join(',')} names the election Lease, and no election ID was given`);
    }
    return {
      apiGroups: [...need.apiGroups],
      resources: [...need.resources],
      ...(need.onlyElectionLease ? { resourceNames: [electionId!] } : {}),
      verbs: [...need.verbs],
    };
  });
}

/** Facts a cloud-managed profile relies on (the controller runs outside this library's reach). */
export interface CloudControllerFacts {
  readonly name: string;
  readonly version: string;
  /** Upstream repository and the revision that was read. */
  readonly source: string;
  /**
   * Named facts (class names, controller values, defaults), each with the upstream file in a comment. Records are
   * declared with `satisfies CloudControllerFacts`, so their keys are checked where they are read.
   */
  readonly facts: { [key: string]: string };
}
