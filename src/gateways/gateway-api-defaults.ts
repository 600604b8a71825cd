import { EdgeConfiguredController, EdgeSettings, IIngressController } from '../controllers/controller-profile';
import { GatewayApiGatewaySettings } from '../controllers/gateway-api-implementation';
import { RouteOptions } from '../routing/route-options';

/**
 * The defaults a preset gives every route, that its Gateway API implementation can not apply: asked of the
 * implementation's translation, so the gap is the implementation's own answer. A profile without the Gateway API is
 * rejected by the gateway; nothing is applied then.
 */
export function unappliedRouteDefaults(controller: IIngressController, defaults: RouteOptions): string[] {
  const translation = controller.gatewayApi?.translateRouteOptions(defaults, { kind: 'HTTPRoute', name: 'defaults', namespace: 'default' });
  return translation ? [...translation.unsupported] : Object.keys(defaults).sort();
}

/**
 * The gateway-wide settings an implementation can not apply, asked of its translation (an implementation without one
 * applies none). A profile without the Gateway API is rejected by the gateway; nothing is applied then.
 */
export function unappliedGatewaySettings(controller: IIngressController, settings: GatewayApiGatewaySettings): string[] {
  const given = Object.keys(settings).filter((key) => (settings as { [key: string]: unknown })[key] !== undefined).sort();
  const implementation = controller.gatewayApi;
  if (!implementation?.translateGatewaySettings) return given;
  return [...implementation.translateGatewaySettings(settings, { name: 'defaults', namespace: 'default' }).unsupported];
}

/** Edge settings as route options (the client allowlist is a route's source ranges). */
export function edgeSettingsAsRouteOptions(settings: EdgeSettings): RouteOptions {
  const options: RouteOptions = {
    allowedSourceRanges: settings.clientAllowlist,
    rateLimitPerSecond: settings.rateLimitPerSecond,
    maxRequestBodySize: settings.maxRequestBodySize,
    connectTimeout: settings.connectTimeout,
    readTimeout: settings.readTimeout,
    sendTimeout: settings.sendTimeout,
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as RouteOptions;
}

/** The edge settings that hold for the whole Gateway rather than per request (asked with `translateGatewaySettings`). */
export function gatewayWideEdgeSettings(settings: EdgeSettings): GatewayApiGatewaySettings {
  return settings.trustedProxyCidrs?.length ? { trustedProxyCidrs: [...settings.trustedProxyCidrs] } : {};
}

/**
 * An edge preset's profile on the Gateway API, and the edge settings (by `EdgeSettings` name) it can not apply: the
 * per-request ones are every route's option defaults, so the gaps are those of the implementation's route translation;
 * the gateway-wide ones (trusted proxies) are asked of `translateGatewaySettings`. A profile whose own deployment
 * serves the Gateway (Traefik) takes the gateway-wide settings through `configureEdge` first, since its entry point
 * settings also apply to Gateway routes; the implementation's answer then says whether they are applied.
 */
export function configureEdgeOnGatewayApi(controller: IIngressController, settings: EdgeSettings): EdgeConfiguredController {
  const gatewayWide = gatewayWideEdgeSettings(settings);
  const configured = controller.configureEdge && gatewayWide.trustedProxyCidrs
    ? controller.configureEdge({ trustedProxyCidrs: gatewayWide.trustedProxyCidrs }).controller
    : controller;
  const unsupported = [
    ...unappliedRouteDefaults(configured, edgeSettingsAsRouteOptions(settings)).map((option) => (option === 'allowedSourceRanges' ? 'clientAllowlist' : option)),
    ...unappliedGatewaySettings(configured, gatewayWide),
  ];
  return { controller: configured, unsupported: [...new Set(unsupported)].sort() };
}
