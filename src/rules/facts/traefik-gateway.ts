/**
 * Traefik deployments with the Gateway API provider on, read from their args, and how they bind Gateway listeners
 * to entry points. Facts from Traefik v3.7 (src/controllers/facts/gateway-api-traefik-3.7.11.ts): a listener binds
 * the entry point whose address, without its `/tcp` or `/udp` suffix, ends in `:<port>`, skipping entry points with
 * `http.tls` for an HTTP listener (listenerToEntryPoint); the provider serves only GatewayClasses its label selector
 * selects (gatewayClassSelection).
 */
import { controllerWorkloads } from './known-controllers';
import { TRAEFIK_3_7_11_GATEWAY_API } from '../../controllers/facts/gateway-api-traefik-3.7.11';
import { ClusterModel, containersOf, PodTemplateRef } from '../model';

/** Values Go's strconv.ParseBool (used by Traefik's flag parser) reads as true. */
const GO_TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const GATEWAY_PROVIDER = '--providers.kubernetesgateway';
const LABEL_SELECTOR = '--providers.kubernetesgateway.labelselector';
/** `--entryPoints.<name>.<setting>=<value>`; Traefik matches flag names case-insensitively. */
const ENTRY_POINT_FLAG = /^--entrypoints\.([^.=]+)\.([^=]+?)(?:=(.*))?$/i;

/** The Gateway controller name every Traefik claims. */
export const TRAEFIK_GATEWAY_CONTROLLER = TRAEFIK_3_7_11_GATEWAY_API.controllerName.value;

export interface TraefikEntryPoint {
  readonly name: string;
  /** The address without its protocol suffix, for example `:8443`. */
  readonly address: string;
  /** Whether the entry point has `http.tls` (an HTTP listener does not bind it). */
  readonly httpTls: boolean;
}

export interface TraefikGatewayServer {
  readonly pod: PodTemplateRef;
  readonly entryPoints: readonly TraefikEntryPoint[];
  /**
   * The GatewayClass label selector as equality requirements; undefined when it selects every class, and null when
   * it uses a form these rules do not read (set-based), so which classes it serves is not judged.
   */
  readonly classSelector: { [key: string]: string } | undefined | null;
}

/** Traefik workloads in the manifests whose Gateway provider is on. */
export function traefikGatewayServers(model: ClusterModel): TraefikGatewayServer[] {
  const servers: TraefikGatewayServer[] = [];
  for (const { pod, controller } of controllerWorkloads(model)) {
    if (controller?.name !== 'traefik') continue;
    const args = containersOf(pod).flatMap((c) => [...asStrings(c.container.command), ...asStrings(c.container.args)]);
    const provider = flagValue(args, GATEWAY_PROVIDER);
    if (provider === undefined || !GO_TRUE.includes(provider)) continue;
    servers.push({ pod, entryPoints: entryPointsOf(args), classSelector: parseEqualitySelector(flagValue(args, LABEL_SELECTOR)) });
  }
  return servers;
}

/** Whether a Traefik serves a GatewayClass with these labels: true, false, or undefined when its selector is not read. */
export function servesClass(server: TraefikGatewayServer, classLabels: { [key: string]: string }): boolean | undefined {
  if (server.classSelector === null) return undefined;
  if (server.classSelector === undefined) return true;
  return Object.entries(server.classSelector).every(([key, value]) => classLabels[key] === value);
}

/** The entry point a listener binds, as Traefik picks it (kubernetes.go entryPointName); undefined when none matches. */
export function entryPointFor(server: TraefikGatewayServer, port: number, protocol: string): TraefikEntryPoint | undefined {
  return server.entryPoints.find((ep) => ep.address.endsWith(`:${port}`) && !(protocol === 'HTTP' && ep.httpTls));
}

function entryPointsOf(args: string[]): TraefikEntryPoint[] {
  const addresses = new Map<string, string>();
  const tls = new Set<string>();
  for (const arg of args) {
    const m = ENTRY_POINT_FLAG.exec(arg);
    if (!m) continue;
    const [, name, setting, value] = m;
    if (setting.toLowerCase() === 'address' && value !== undefined) addresses.set(name, value.split('/')[0]);
    // Any http.tls setting (http.tls, http.tls.certResolver, ...) gives the entry point a TLS configuration, except http.tls=false.
    if (/^http\.tls(\.|$)/i.test(setting) && !(setting.toLowerCase() === 'http.tls' && value !== undefined && !GO_TRUE.includes(value))) tls.add(name);
  }
  return [...addresses].map(([name, address]) => ({ name, address, httpTls: tls.has(name) }));
}

/** `k=v,k2==v2` as a map; undefined for an empty selector, null for any other form. */
function parseEqualitySelector(selector: string | undefined): { [key: string]: string } | undefined | null {
  if (selector === undefined || selector.trim() === '') return undefined;
  const out: { [key: string]: string } = {};
  for (const part of selector.split(',')) {
    const m = /^\s*([^=!\s]+)\s*==?\s*([^=!\s]*)\s*$/.exec(part);
    if (!m) return null;
    out[m[1]] = m[2];
  }
  return out;
}

function flagValue(args: string[], flag: string): string | undefined {
  for (const arg of args) {
    if (arg.toLowerCase() === flag) return 'true';
    if (arg.toLowerCase().startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
