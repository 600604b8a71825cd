/**
 * Writes the README table of which route option each controller profile applies, between the route-options-table
 * markers. Every cell comes from the profile itself: an option is supported when the
 * profile's `translateRouteOptions` does not list it as unsupported, and the cell names the Ingress annotations
 * the translation writes for it.
 * With --check it changes nothing and fails when the committed table is stale.
 */
import { Duration, Size } from 'cdk8s';
import { BackendProtocol, IIngressController, IngressController, RouteOptions } from '../src';
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
];

function cell(controller: IIngressController, options: RouteOptions): string {
  const translation = controller.translateRouteOptions(options);
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
