import { checkSecretReference } from '../cli/manifests';
import { InvalidInputError } from '../core/input/input-error';

/** The scopes a validation run can take (`GatewayValidationPluginProps.scope`). */
export const PLUGIN_SCOPES = ['output', 'folder'] as const;
export type PluginScope = typeof PLUGIN_SCOPES[number];

/** The plugin's properties, checked and normalized: the CLI passes cdk8s.yaml content as it is. */
export interface PluginSettings {
  readonly externalIngressClasses: ReadonlySet<string>;
  readonly externalTlsSecrets: ReadonlySet<string>;
  readonly scope: PluginScope;
  /** The cluster's default IngressClass when it is defined outside the manifests. */
  readonly defaultIngressClass?: string;
}

/** Checks what TypeScript would have checked; a mistake names the property and the value received. */
export function pluginSettings(props: { readonly [key: string]: unknown }): PluginSettings {
  const classes = stringList(props.externalIngressClasses, 'externalIngressClasses');
  const secrets = stringList(props.externalTlsSecrets, 'externalTlsSecrets');
  for (const secret of secrets) {
    const reason = checkSecretReference(secret);
    if (reason) throw new InvalidInputError(`GatewayValidationPlugin: externalTlsSecrets: ${reason}`);
  }
  const scope = props.scope ?? 'output';
  if (!PLUGIN_SCOPES.includes(scope as PluginScope)) {
    throw new InvalidInputError(`GatewayValidationPlugin: scope must be one of ${PLUGIN_SCOPES.map((s) => `"${s}"`).join(', ')} (got ${JSON.stringify(scope)})`);
  }
  const defaultIngressClass = props.defaultIngressClass;
  if (defaultIngressClass !== undefined && (typeof defaultIngressClass !== 'string' || defaultIngressClass.trim() === '')) {
    throw new InvalidInputError(`GatewayValidationPlugin: defaultIngressClass must be a non-empty IngressClass name (got ${JSON.stringify(defaultIngressClass)})`);
  }
  return {
    externalIngressClasses: new Set(classes),
    externalTlsSecrets: new Set(secrets),
    scope: scope as PluginScope,
    defaultIngressClass,
  };
}

function stringList(value: unknown, property: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new InvalidInputError(`GatewayValidationPlugin: ${property} must be a list of non-empty strings (got ${JSON.stringify(value)})`);
  }
  return value;
}
