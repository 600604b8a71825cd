import { Duration, Size, SizeRoundingBehavior } from 'cdk8s';
import { checkProp, InputSink } from '../core/input/prop-checks';
import { checkWholeKibibytes, checkWholeSeconds } from '../core/validation';

/**
 * The request limits the presets (`PublicWebGateway`, `InternalApiGateway`, `ApiGatewayEdge`) apply when the user
 * sets none, in one place so the layers of an edge agree.
 */
export const DEFAULT_REQUEST_LIMITS = {
  maxRequestBodySize: Size.mebibytes(8),
  connectTimeout: Duration.seconds(5),
  readTimeout: Duration.seconds(60),
} as const;

/**
 * A timeout as every controller profile writes it (whole seconds); a rejected one is reported and `fallback` used,
 * so a sub-second value is a finding instead of cdk8s's conversion error.
 */
export function checkedSeconds(sink: InputSink, field: string, value: Duration | undefined, fallback: Duration): Duration;
export function checkedSeconds(sink: InputSink, field: string, value: Duration | undefined): Duration | undefined;
export function checkedSeconds(sink: InputSink, field: string, value: Duration | undefined, fallback?: Duration): Duration | undefined {
  return checkProp(sink, field, value?.toMilliseconds({ integral: false }), checkWholeSeconds, field) ? value ?? fallback : fallback;
}

/** A body size as the controller profiles write it (whole KiB or MiB); a rejected one is reported and `fallback` used. */
export function checkedSize(sink: InputSink, field: string, value: Size | undefined, fallback: Size): Size {
  const kibibytes = value?.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  return checkProp(sink, field, kibibytes, checkWholeKibibytes, field) ? value ?? fallback : fallback;
}
