/**
 * The `ParameterSpec`s the generated code carries (see `runtime/shared/parameters/types.ts`). Only what the
 * runtime cannot assume: a parameter written in its location's default way (`simple` for path and header,
 * `form` exploded for query and cookie) is left out, so that a large spec's client stays small.
 */
import type { OperationModel, ParameterModel } from '../model/types.js';
import type { ParameterSpec } from '../runtime/shared/parameters/types.js';

const defaultStyle = (where: ParameterModel['in']) =>
  where === 'path' || where === 'header' ? 'simple' : 'form';

/** Whether the parameter's serialization differs from its location's default. */
export function isDefaultSerialization(p: ParameterModel): boolean {
  const style = p.style ?? defaultStyle(p.in);
  const explode = p.explode ?? style === 'form';
  return (
    style === defaultStyle(p.in) &&
    explode === (style === 'form') &&
    p.allowReserved !== true &&
    p.contentType === undefined
  );
}

/** Only the members that differ from the defaults: `style`, `explode`, `allowReserved`, `contentType`. */
function wireSpec(p: ParameterModel): ParameterSpec {
  const spec: ParameterSpec = { name: p.name, in: p.in };
  const style = p.style ?? defaultStyle(p.in);
  if (style !== defaultStyle(p.in)) spec.style = style;
  if (p.explode !== undefined && p.explode !== (style === 'form')) spec.explode = p.explode;
  if (p.allowReserved === true && p.in === 'query') spec.allowReserved = true;
  if (p.contentType !== undefined) spec.contentType = p.contentType;
  return spec;
}

/** What the client needs: the non-default parameters (the value itself says whether it is an array). */
export function clientParameterSpecs(op: OperationModel): ParameterSpec[] {
  return op.parameters.filter((p) => !isDefaultSerialization(p)).map(wireSpec);
}

/**
 * What the server's parser needs: the non-default parameters, every array- or object-shaped one (text
 * alone does not say which), and every cookie parameter (cookies are only read through these), each with
 * its shape and, for a `form`-exploded object, its declared property names.
 */
export function serverParameterSpecs(op: OperationModel): ParameterSpec[] {
  return op.parameters
    .filter((p) => p.in === 'cookie' || p.shape !== 'primitive' || !isDefaultSerialization(p))
    .map((p) => {
      const spec = wireSpec(p);
      if (p.shape !== 'primitive' && p.contentType === undefined) spec.shape = p.shape;
      // Only a `form`-exploded object spreads its properties over top-level names.
      const spread = (spec.style ?? defaultStyle(p.in)) === 'form' && (spec.explode ?? true);
      if (spread && p.properties !== undefined && spec.shape === 'object') spec.properties = p.properties;
      return spec;
    });
}
