/**
 * The Gateway API (v1.6, standard channel) as the rules need it, read from manifests alone: GatewayClasses, Gateways
 * and their listeners, ListenerSets attached to their parent Gateway, ReferenceGrants, and the parentRefs of routes.
 *
 * Semantics follow the field descriptions of the v1.6.1 CRDs in ../shared/crds (gateways, listenersets,
 * referencegrants, httproutes): defaults for omitted fields are the CRDs' `default`s, so a manifest written without
 * them reads the way the API server stores it.
 */
import { NAMESPACE_NAME_LABEL } from '../../core/manifest-contract';
import { ClusterModel, isObject, labelSelectorMatches, listOf, ManifestObject } from '../model';

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** Route kinds of the standard channel, each with a `spec.parentRefs` list. */
export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;
/** Route kinds whose `spec.hostnames` take part in listener matching. */
const ROUTE_KINDS_WITH_HOSTNAMES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute']);

/** Every kind the Gateway API facts read, for rules' `kinds`. */
export const GATEWAY_API_KINDS: readonly string[] = ['GatewayClass', 'Gateway', 'ListenerSet', 'ReferenceGrant', 'Namespace', ...ROUTE_KINDS];

/** A `{group, kind}` pair (RouteGroupKind); the core group is the empty string. */
export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/**
 * The route kinds a listener accepts when its `allowedRoutes.kinds` is empty: the kinds compatible with its protocol.
 * The spec leaves this to implementations; these are Envoy Gateway v1.9.0's (internal/gatewayapi/listener.go,
 * `allowedRouteKindsForProtocol`), which every conformant implementation agrees with for HTTP and HTTPS.
 */
export function defaultRouteKinds(protocol: string, tlsMode: string): string[] {
  switch (protocol) {
    case 'HTTP':
    case 'HTTPS': return ['HTTPRoute', 'GRPCRoute'];
    case 'TLS': return tlsMode === 'Passthrough' ? ['TLSRoute'] : ['TCPRoute', 'TLSRoute'];
    case 'TCP': return ['TCPRoute'];
    case 'UDP': return ['UDPRoute'];
    default: return [];
  }
}

/** `allowedRoutes.namespaces` / `allowedListeners.namespaces`: where attaching objects may live. */
export interface NamespaceAllowance {
  /** `Same`, `All`, `Selector` (and `None` for allowedListeners), as written or defaulted. */
  readonly from: string;
  /** The label selector when `from` is `Selector`. */
  readonly selector?: any;
}

/** A TLS certificate reference of a listener, with its defaults applied. */
export interface CertificateRefFact {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** The namespace the reference points into (the listener owner's when unset). */
  readonly namespace: string;
  /** True when the reference names a namespace other than its owner's. */
  readonly crossNamespace: boolean;
  /** JSON path in the owner, for example `spec.listeners[1].tls.certificateRefs[0]`. */
  readonly field: string;
}

/** One listener of a Gateway or a ListenerSet. */
export interface ListenerFact {
  /** The Gateway or ListenerSet that declares the listener. */
  readonly owner: ManifestObject;
  /** JSON path of the listener in `owner`: `spec.listeners[<i>]`. */
  readonly field: string;
  readonly name: string;
  readonly port?: number;
  readonly protocol: string;
  /** The hostname; undefined when unset (matches every hostname). */
  readonly hostname?: string;
  /** `Terminate` (the default) or `Passthrough`; empty when the listener has no `tls`. */
  readonly tlsMode: string;
  readonly certificateRefs: readonly CertificateRefFact[];
  readonly allowedNamespaces: NamespaceAllowance;
  /** The route kinds the listener accepts: `allowedRoutes.kinds` as written, else the protocol's defaults. */
  readonly allowedKinds: readonly GroupKind[];
}

/** A GatewayClass: which controller implements the Gateways of the class. */
export interface GatewayClassFact {
  readonly object: ManifestObject;
  readonly name: string;
  /** `spec.controllerName`, for example `gateway.envoyproxy.io/gatewayclass-controller`. */
  readonly controllerName?: string;
}

export interface GatewayFact {
  readonly object: ManifestObject;
  readonly namespace: string;
  readonly className?: string;
  /** The Gateway's own listeners (`spec.listeners`). */
  readonly listeners: readonly ListenerFact[];
  /**
   * The CA references of client certificate validation (`spec.tls.frontend.default` and `perPort[]`
   * `validation.caCertificateRefs`), which, like certificateRefs, need a ReferenceGrant into another namespace.
   */
  readonly frontendCaCertificateRefs: readonly CertificateRefFact[];
  /** `spec.allowedListeners.namespaces` (defaults to `None`: no ListenerSet may attach). */
  readonly allowedListeners: NamespaceAllowance;
  /** The ListenerSets whose parentRef names this Gateway, admitted or not. */
  readonly listenerSets: ListenerSetFact[];
}

export interface ListenerSetFact {
  readonly object: ManifestObject;
  readonly namespace: string;
  /** `spec.parentRef` with its defaults (group gateway.networking.k8s.io, kind Gateway, the ListenerSet's namespace). */
  readonly parentRef: { readonly group: string; readonly kind: string; readonly name: string; readonly namespace: string };
  /** The parent Gateway when it is in the manifests. */
  readonly parent?: GatewayFact;
  /**
   * Whether the parent's `allowedListeners` admits this ListenerSet: `true`, `false`, or `undefined` when it can not be
   * judged from the manifests (no parent, or a selector over a namespace the manifests do not declare).
   */
  readonly admitted?: boolean;
  readonly listeners: readonly ListenerFact[];
}

/** One `spec.from` entry of a ReferenceGrant: who may refer. */
export interface ReferenceGrantFrom {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
}

/** One `spec.to` entry: what may be referred to, in the grant's namespace; `name` unset means any name. */
export interface ReferenceGrantTo {
  readonly group: string;
  readonly kind: string;
  readonly name?: string;
}

export interface ReferenceGrantFact {
  readonly object: ManifestObject;
  readonly namespace: string;
  readonly from: readonly ReferenceGrantFrom[];
  readonly to: readonly ReferenceGrantTo[];
}

/** One `spec.parentRefs` entry of a route, with its defaults applied. */
export interface ParentRefFact {
  readonly route: ManifestObject;
  /** JSON path: `spec.parentRefs[<i>]`. */
  readonly field: string;
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** The parent's namespace (the route's when unset). */
  readonly namespace: string;
  readonly sectionName?: string;
  readonly port?: number;
}

/** A cross-namespace reference, as ReferenceGrant matching needs it. */
export interface CrossNamespaceReference {
  readonly fromGroup: string;
  readonly fromKind: string;
  readonly fromNamespace: string;
  readonly toGroup: string;
  readonly toKind: string;
  readonly toNamespace: string;
  readonly toName: string;
}

/** Everything the Gateway API rules read, computed once per model. */
export class GatewayApiFacts {
  /**
   * The GatewayClasses in the manifests. A class named by a Gateway but absent here is usually installed with its
   * implementation, so no rule treats its absence as a mistake.
   */
  public readonly gatewayClasses: readonly GatewayClassFact[];
  public readonly gateways: readonly GatewayFact[];
  public readonly listenerSets: readonly ListenerSetFact[];
  public readonly referenceGrants: readonly ReferenceGrantFact[];
  /** Routes of every kind in ROUTE_KINDS. */
  public readonly routes: readonly ManifestObject[];
  private readonly gatewayByKey = new Map<string, GatewayFact>();
  private readonly listenerSetByKey = new Map<string, ListenerSetFact>();
  private readonly namespaces = new Map<string, ManifestObject>();
  /** Namespaces that hold any Gateway API object or a Namespace object: the parts of the cluster these manifests manage. */
  private readonly managedNamespaces = new Set<string>();

  constructor(model: ClusterModel) {
    for (const ns of model.ofKind('Namespace')) {
      this.namespaces.set(ns.name, ns);
      this.managedNamespaces.add(ns.name);
    }
    this.gatewayClasses = gatewayApiObjects(model, 'GatewayClass').map((object) => ({
      object,
      name: object.name,
      controllerName: typeof object.json.spec?.controllerName === 'string' ? object.json.spec.controllerName : undefined,
    }));
    this.gateways = gatewayApiObjects(model, 'Gateway').map((object) => this.readGateway(object));
    this.listenerSets = gatewayApiObjects(model, 'ListenerSet').map((object) => this.readListenerSet(object));
    this.referenceGrants = gatewayApiObjects(model, 'ReferenceGrant').map(readReferenceGrant);
    this.routes = ROUTE_KINDS.flatMap((kind) => gatewayApiObjects(model, kind));
    for (const object of [...this.referenceGrants.map((g) => g.object), ...this.routes]) this.managedNamespaces.add(object.namespace!);
  }

  public gateway(namespace: string, name: string): GatewayFact | undefined {
    return this.gatewayByKey.get(`${namespace}/${name}`);
  }

  public listenerSet(namespace: string, name: string): ListenerSetFact | undefined {
    return this.listenerSetByKey.get(`${namespace}/${name}`);
  }

  /**
   * True when the manifests manage the namespace (they declare it, or hold Gateway API objects in it), so a parent
   * missing there is a mistake rather than an object outside a partial repository.
   */
  public managesNamespace(namespace: string): boolean {
    return this.managedNamespaces.has(namespace);
  }

  /**
   * The labels of a namespace as the API server has them (its own labels plus `kubernetes.io/metadata.name`), and
   * whether they are complete: false when the manifests do not declare the Namespace, so only the name label is known.
   */
  public namespaceLabels(namespace: string): { readonly labels: Record<string, string>; readonly complete: boolean } {
    const object = this.namespaces.get(namespace);
    const own = object && isObject(object.json.metadata?.labels) ? object.json.metadata.labels : {};
    return { labels: { ...own, [NAMESPACE_NAME_LABEL]: namespace }, complete: object !== undefined };
  }

  /**
   * Whether an allowance admits an object in `namespace` whose anchor (Gateway) is in `anchorNamespace`: true, false,
   * or undefined when a selector can not be judged because the manifests do not declare the namespace's labels.
   */
  public admits(allowance: NamespaceAllowance, namespace: string, anchorNamespace: string): boolean | undefined {
    switch (allowance.from) {
      case 'All': return true;
      case 'Same': return namespace === anchorNamespace;
      case 'None': return false;
      case 'Selector': {
        // A missing selector on `Selector` is rejected by the CRD's validation; treat it as selecting nothing.
        if (!isObject(allowance.selector)) return false;
        const { labels, complete } = this.namespaceLabels(namespace);
        if (labelSelectorMatches(allowance.selector, labels)) return true;
        return complete || selectsOnlyByName(allowance.selector) ? false : undefined;
      }
      default: return undefined;
    }
  }

  /** The listeners a parentRef selects (sectionName and port applied), and whether the parent is in the manifests. */
  public listenersOf(ref: ParentRefFact): { readonly parentFound: boolean; readonly listeners: readonly ListenerFact[] } {
    let all: readonly ListenerFact[] | undefined;
    // A Gateway parent selects only the Gateway's own listeners; a ListenerSet parent only its own (Envoy Gateway
    // v1.9.0 internal/gatewayapi/helpers.go GetReferencedListeners, per the ListenerSet CRD description).
    if (ref.group === GATEWAY_API_GROUP && ref.kind === 'Gateway') all = this.gateway(ref.namespace, ref.name)?.listeners;
    else if (ref.group === GATEWAY_API_GROUP && ref.kind === 'ListenerSet') all = this.listenerSet(ref.namespace, ref.name)?.listeners;
    if (!all) return { parentFound: false, listeners: [] };
    return {
      parentFound: true,
      listeners: all.filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port)),
    };
  }

  /** True when a ReferenceGrant in the target namespace permits the reference (spec: entries combine with OR). */
  public grantPermits(ref: CrossNamespaceReference): boolean {
    return this.referenceGrants.some((grant) => grant.namespace === ref.toNamespace
      && grant.from.some((f) => f.group === ref.fromGroup && f.kind === ref.fromKind && f.namespace === ref.fromNamespace)
      && grant.to.some((t) => t.group === ref.toGroup && t.kind === ref.toKind && (t.name === undefined || t.name === ref.toName)));
  }

  private readGateway(object: ManifestObject): GatewayFact {
    const spec = isObject(object.json.spec) ? object.json.spec : {};
    const fact: GatewayFact = {
      object,
      namespace: object.namespace!,
      className: typeof spec.gatewayClassName === 'string' ? spec.gatewayClassName : undefined,
      listeners: readListeners(object, spec.listeners),
      frontendCaCertificateRefs: readFrontendCaRefs(object, spec.tls),
      allowedListeners: readAllowance(spec.allowedListeners?.namespaces, 'None'),
      listenerSets: [],
    };
    this.gatewayByKey.set(`${fact.namespace}/${object.name}`, fact);
    this.managedNamespaces.add(fact.namespace);
    return fact;
  }

  private readListenerSet(object: ManifestObject): ListenerSetFact {
    const spec = isObject(object.json.spec) ? object.json.spec : {};
    const raw = isObject(spec.parentRef) ? spec.parentRef : {};
    const parentRef = {
      group: typeof raw.group === 'string' ? raw.group : GATEWAY_API_GROUP,
      kind: typeof raw.kind === 'string' ? raw.kind : 'Gateway',
      name: String(raw.name ?? ''),
      namespace: typeof raw.namespace === 'string' ? raw.namespace : object.namespace!,
    };
    const parent = parentRef.group === GATEWAY_API_GROUP && parentRef.kind === 'Gateway' ? this.gateway(parentRef.namespace, parentRef.name) : undefined;
    const fact: ListenerSetFact = {
      object,
      namespace: object.namespace!,
      parentRef,
      parent,
      admitted: parent ? this.admits(parent.allowedListeners, object.namespace!, parent.namespace) : undefined,
      listeners: readListeners(object, spec.listeners),
    };
    parent?.listenerSets.push(fact);
    this.listenerSetByKey.set(`${fact.namespace}/${object.name}`, fact);
    this.managedNamespaces.add(fact.namespace);
    return fact;
  }
}

const factsByModel = new WeakMap<ClusterModel, GatewayApiFacts>();

/** The Gateway API facts of a model, computed on first use and shared by every rule of the same evaluation. */
export function gatewayApiFacts(model: ClusterModel): GatewayApiFacts {
  let facts = factsByModel.get(model);
  if (!facts) {
    facts = new GatewayApiFacts(model);
    factsByModel.set(model, facts);
  }
  return facts;
}

/** Objects of a kind in the Gateway API group (a same-named kind of another group is not ours). */
export function gatewayApiObjects(model: ClusterModel, kind: string): ManifestObject[] {
  return model.ofKind(kind).filter((o) => o.apiVersion.startsWith(`${GATEWAY_API_GROUP}/`));
}

/** The parentRefs of a route, defaults applied; malformed entries (not objects, no name) are skipped. */
export function parentRefsOf(route: ManifestObject): ParentRefFact[] {
  const refs: ParentRefFact[] = [];
  listOf(route.json.spec?.parentRefs).forEach((raw, i) => {
    if (!isObject(raw) || typeof raw.name !== 'string' || raw.name === '') return;
    refs.push({
      route,
      field: `spec.parentRefs[${i}]`,
      group: typeof raw.group === 'string' ? raw.group : GATEWAY_API_GROUP,
      kind: typeof raw.kind === 'string' ? raw.kind : 'Gateway',
      name: raw.name,
      namespace: typeof raw.namespace === 'string' && raw.namespace !== '' ? raw.namespace : route.namespace!,
      sectionName: typeof raw.sectionName === 'string' && raw.sectionName !== '' ? raw.sectionName : undefined,
      port: typeof raw.port === 'number' ? raw.port : undefined,
    });
  });
  return refs;
}

/** The hostnames of a route (strings only); empty for kinds without hostnames and for routes that give none. */
export function routeHostnames(route: ManifestObject): string[] {
  if (!ROUTE_KINDS_WITH_HOSTNAMES.has(route.kind)) return [];
  return listOf(route.json.spec?.hostnames).filter((h): h is string => typeof h === 'string' && h !== '');
}

/**
 * True when a hostname pattern matches a hostname. Per the Gateway API spec a leading `*.` label is a suffix match over
 * one or more labels: `*.example.com` matches `a.example.com` and `a.b.example.com`, not `example.com`. Case-insensitive
 * (DNS names are).
 */
export function hostnameMatches(pattern: string, hostname: string): boolean {
  const p = pattern.toLowerCase();
  const h = hostname.toLowerCase();
  if (!p.startsWith('*.')) return p === h;
  const suffix = p.slice(1);
  return h.length > suffix.length && h.endsWith(suffix) && !h.slice(0, h.length - suffix.length).startsWith('.');
}

/**
 * True when a listener hostname and a route hostname intersect (spec: HTTPRoute `hostnames`): either matches the other,
 * so `*.example.com` and `*.a.example.com` intersect, and `test.example.com` intersects `*.example.com` both ways.
 * An unset listener hostname matches every route hostname.
 */
export function hostnamesIntersect(listenerHostname: string | undefined, routeHostname: string): boolean {
  if (listenerHostname === undefined) return true;
  return hostnameMatches(listenerHostname, routeHostname) || hostnameMatches(routeHostname, listenerHostname);
}

/** True when a listener accepts a route kind (group gateway.networking.k8s.io). */
export function listenerAcceptsKind(listener: ListenerFact, kind: string): boolean {
  return listener.allowedKinds.some((k) => k.group === GATEWAY_API_GROUP && k.kind === kind);
}

/** How a listener is named in messages: `listener "https" (port 443, HTTPS, host "a.example.com") of Gateway infra/web`. */
export function describeListener(listener: ListenerFact): string {
  const host = listener.hostname === undefined ? 'any host' : `host "${listener.hostname}"`;
  return `listener "${listener.name}" (port ${listener.port ?? '(unset)'}, ${listener.protocol || '(no protocol)'}, ${host}) of ${listener.owner.ref}`;
}

function readListeners(owner: ManifestObject, raw: unknown): ListenerFact[] {
  const listeners: ListenerFact[] = [];
  listOf(raw).forEach((l, i) => {
    if (!isObject(l)) return;
    const field = `spec.listeners[${i}]`;
    const protocol = typeof l.protocol === 'string' ? l.protocol : '';
    const tls = isObject(l.tls) ? l.tls : undefined;
    const tlsMode = tls ? (typeof tls.mode === 'string' && tls.mode !== '' ? tls.mode : 'Terminate') : '';
    const certificateRefs: CertificateRefFact[] = [];
    listOf(tls?.certificateRefs).forEach((ref, j) => {
      const fact = readObjectRef(owner, ref, 'Secret', `${field}.tls.certificateRefs[${j}]`);
      if (fact) certificateRefs.push(fact);
    });
    const allowedRoutes = isObject(l.allowedRoutes) ? l.allowedRoutes : {};
    const explicitKinds = listOf(allowedRoutes.kinds).filter((k) => isObject(k) && typeof k.kind === 'string')
      .map((k): GroupKind => ({ group: typeof k.group === 'string' ? k.group : GATEWAY_API_GROUP, kind: k.kind }));
    listeners.push({
      owner,
      field,
      name: typeof l.name === 'string' ? l.name : '',
      port: typeof l.port === 'number' ? l.port : undefined,
      protocol,
      hostname: typeof l.hostname === 'string' && l.hostname !== '' ? l.hostname : undefined,
      tlsMode,
      certificateRefs,
      allowedNamespaces: readAllowance(allowedRoutes.namespaces, 'Same'),
      allowedKinds: explicitKinds.length > 0
        ? explicitKinds
        : defaultRouteKinds(protocol, tlsMode).map((kind) => ({ group: GATEWAY_API_GROUP, kind })),
    });
  });
  return listeners;
}

/** `spec.tls.frontend`'s CA references (default, then per port); an ObjectReference's kind has no default. */
function readFrontendCaRefs(owner: ManifestObject, tls: unknown): CertificateRefFact[] {
  const frontend = isObject(tls) && isObject(tls.frontend) ? tls.frontend : undefined;
  if (!frontend) return [];
  const validations: [string, unknown][] = [['spec.tls.frontend.default.validation', isObject(frontend.default) ? frontend.default.validation : undefined]];
  listOf(frontend.perPort).forEach((p, i) => {
    if (isObject(p) && isObject(p.tls)) validations.push([`spec.tls.frontend.perPort[${i}].tls.validation`, p.tls.validation]);
  });
  const refs: CertificateRefFact[] = [];
  for (const [field, validation] of validations) {
    if (!isObject(validation)) continue;
    listOf(validation.caCertificateRefs).forEach((ref, j) => {
      const fact = readObjectRef(owner, ref, '', `${field}.caCertificateRefs[${j}]`);
      if (fact) refs.push(fact);
    });
  }
  return refs;
}

/** A reference from `owner` to an object by group, kind, name and optional namespace; undefined without a name. */
function readObjectRef(owner: ManifestObject, ref: unknown, defaultKind: string, field: string): CertificateRefFact | undefined {
  if (!isObject(ref) || typeof ref.name !== 'string') return undefined;
  const namespace = typeof ref.namespace === 'string' && ref.namespace !== '' ? ref.namespace : owner.namespace!;
  return {
    group: typeof ref.group === 'string' ? ref.group : '',
    kind: typeof ref.kind === 'string' ? ref.kind : defaultKind,
    name: ref.name,
    namespace,
    crossNamespace: namespace !== owner.namespace,
    field,
  };
}

function readAllowance(raw: unknown, defaultFrom: string): NamespaceAllowance {
  if (!isObject(raw)) return { from: defaultFrom };
  return { from: typeof raw.from === 'string' ? raw.from : defaultFrom, selector: raw.selector };
}

function readReferenceGrant(object: ManifestObject): ReferenceGrantFact {
  const spec = isObject(object.json.spec) ? object.json.spec : {};
  return {
    object,
    namespace: object.namespace!,
    from: listOf(spec.from).filter(isObject).map((f) => ({ group: String(f.group ?? ''), kind: String(f.kind ?? ''), namespace: String(f.namespace ?? '') })),
    to: listOf(spec.to).filter(isObject).map((t) => ({
      group: String(t.group ?? ''),
      kind: String(t.kind ?? ''),
      name: typeof t.name === 'string' && t.name !== '' ? t.name : undefined,
    })),
  };
}

/** True when a selector constrains only `kubernetes.io/metadata.name`, which the API server sets on every namespace. */
function selectsOnlyByName(selector: any): boolean {
  const keys = [
    ...Object.keys(isObject(selector.matchLabels) ? selector.matchLabels : {}),
    ...listOf(selector.matchExpressions).map((e) => (isObject(e) ? e.key : undefined)),
  ];
  return keys.length > 0 && keys.every((k) => k === NAMESPACE_NAME_LABEL);
}
