/**
 * Writes the README tables of which route option each controller profile applies: on the Ingress API between the
 * route-options-table markers, and on the Gateway API between the gateway-api-options-table markers. Every cell
 * comes from the profile itself: an option is supported when the profile's translation does not list it as
 * unsupported, and the cell names what the translation writes for it (Ingress annotations; Gateway API filters,
 * objects and route timeouts).
 * With --check it changes nothing and fails when a committed table is stale.
 */
import { Duration, Size } from 'cdk8s';
import { BackendCertificateAuthority, BackendProtocol, GatewayApiRouteTarget, IGatewayApiImplementation, IIngressController, IngressController, RouteOptions } from '../src';
import { writeReadmeSection } from './readme-section';


/** The controller profiles, with their default props, as users create them. */
const CONTROLLERS: ReadonlyArray<[string, IIngressController]> = [
  ['`nginx()`', IngressController.nginx()],
  ['`traefik()`', IngressController.traefik()],
  ['`traefik({ redirectToHttps: true })`', IngressController.traefik({ redirectToHttps: true })],
  ['`haproxy()`', IngressController.haproxy()],
  ['`awsAlb()`', IngressController.awsAlb()],
  ['`azureApplicationGateway()`', IngressController.azureApplicationGateway()],
  ['`gke()`', IngressController.gke()],
];

/** One row per option value that profiles treat differently. */
const OPTIONS: ReadonlyArray<[string, RouteOptions]> = [
  ['`sslRedirect: true`', { sslRedirect: true }],
  ['`sslRedirect: false`', { sslRedirect: false }],
  ['`maxRequestBodySize`', { maxRequestBodySize: Size.mebibytes(10) }],
  ['`connectTimeout`', { connectTimeout: Duration.seconds(5) }],
  ['`readTimeout`', { readTimeout: Duration.seconds(30) }],
  ['`sendTimeout`', { sendTimeout: Duration.seconds(30) }],
  ['`readTimeout` and a different `sendTimeout`', { readTimeout: Duration.seconds(30), sendTimeout: Duration.seconds(60) }],
  ['`allowedSourceRanges`', { allowedSourceRanges: ['10.0.0.0/8'] }],
  ['`rateLimitPerSecond`', { rateLimitPerSecond: 10 }],
  ['`backendProtocol: HTTPS`', { backendProtocol: BackendProtocol.HTTPS }],
  ['`backendProtocol: GRPC`', { backendProtocol: BackendProtocol.GRPC }],
  ['`backendProtocol: GRPCS`', { backendProtocol: BackendProtocol.GRPCS }],
  ['`clientCertificate`', { clientCertificate: { caSecretName: 'client-ca', caSecretNamespace: 'shop' } }],
  // Backend certificate options exist only next to a TLS backend protocol, so each row sets one.
  ['`backendCertificateAuthority: fromSecret()` (HTTPS)', { backendProtocol: BackendProtocol.HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca') }],
  ['`backendCertificateAuthority: fromConfigMap()` (HTTPS)', { backendProtocol: BackendProtocol.HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') }],
  ['`backendCertificateAuthority: systemCertificates()` (HTTPS)', { backendProtocol: BackendProtocol.HTTPS, backendCertificateAuthority: BackendCertificateAuthority.systemCertificates() }],
  ['`backendCertificateAuthority: fromConfigMap()` (GRPCS)', { backendProtocol: BackendProtocol.GRPCS, backendCertificateAuthority: BackendCertificateAuthority.fromConfigMap('internal-ca') }],
  ['`backendTlsHostname` (HTTPS, with a Secret CA)', {
    backendProtocol: BackendProtocol.HTTPS, backendCertificateAuthority: BackendCertificateAuthority.fromSecret('internal-ca'), backendTlsHostname: 'api.internal',
  }],
];

/** The route an Ingress cell is translated for (profiles that name the Service or namespace in annotations). */
const INGRESS_TARGET = { namespace: 'shop', serviceName: 'api' };

function cell(controller: IIngressController, options: RouteOptions): string {
  const translation = controller.translateRouteOptions(options, INGRESS_TARGET);
  if (translation.unsupported.length > 0) return 'no';
  const annotations = Object.keys(translation.annotations).map((key) => `\`${key.replace(/^.*\//, '')}\``);
  return annotations.length > 0 ? `yes: ${annotations.join(', ')}` : 'yes';
}

const rows = OPTIONS.map(([label, options]) => `| ${label} | ${CONTROLLERS.map(([, c]) => cell(c, options)).join(' | ')} |`);
const table = [
  `| route option | ${CONTROLLERS.map(([name]) => name).join(' | ')} |`,
  `| --- | ${CONTROLLERS.map(() => '---').join(' | ')} |`,
  ...rows,
].join('\n');

writeReadmeSection('route-options-table', table, `${rows.length} options x ${CONTROLLERS.length} controllers`);

/** The Gateway API implementations, as users pick them; a column appears for each whose profile has `gatewayApi`. */
const GATEWAY_API_CANDIDATES: ReadonlyArray<[string, () => IIngressController | undefined]> = [
  ['`envoyGateway()`', () => IngressController.envoyGateway()],
  ['`traefik()`', () => IngressController.traefik()],
  ['`traefik({ redirectToHttps: true })`', () => IngressController.traefik({ redirectToHttps: true })],
  ['`gatewayClass(\'istio\')` (an existing class)', () => IngressController.gatewayClass('istio')],
];
const GATEWAY_API_PROFILES = GATEWAY_API_CANDIDATES
  .map(([label, make]) => [label, make()?.gatewayApi] as const)
  .filter((entry): entry is readonly [string, IGatewayApiImplementation] => entry[1] !== undefined);

/** The cell of one option on one implementation: the standard filters, route timeouts and objects it writes. */
function gatewayApiCell(implementation: IGatewayApiImplementation, options: RouteOptions): string {
  const grpc = options.backendProtocol === BackendProtocol.GRPC || options.backendProtocol === BackendProtocol.GRPCS;
  const target: GatewayApiRouteTarget = { kind: grpc ? 'GRPCRoute' : 'HTTPRoute', name: 'route', namespace: 'app' };
  const translation = implementation.translateRouteOptions(options, target);
  if (translation.unsupported.length > 0) return 'no';
  const parts = [
    ...translation.filters.filter((f) => f.type !== 'ExtensionRef').map((f) => `\`${f.type}\` filter`),
    ...Object.keys(translation.timeouts ?? {}).map((key) => `\`timeouts.${key}\``),
    // An object by its kind and the spec field that carries the option (not its target references).
    ...translation.objects.map((o) => {
      const field = Object.keys(o.spec).find((key) => !key.startsWith('targetRef'));
      return field ? `${o.kind} \`${field}\`` : o.kind;
    }),
  ];
  return parts.length > 0 ? `yes: ${[...new Set(parts)].join(', ')}` : 'yes';
}

const gatewayApiRows = OPTIONS.map(([label, options]) => `| ${label} | ${GATEWAY_API_PROFILES.map(([, g]) => gatewayApiCell(g, options)).join(' | ')} |`);
const gatewayApiTable = [
  `| route option | ${GATEWAY_API_PROFILES.map(([name]) => name).join(' | ')} |`,
  `| --- | ${GATEWAY_API_PROFILES.map(() => '---').join(' | ')} |`,
  ...gatewayApiRows,
].join('\n');

writeReadmeSection('gateway-api-options-table', gatewayApiTable, `${gatewayApiRows.length} options x ${GATEWAY_API_PROFILES.length} Gateway API implementations`);
