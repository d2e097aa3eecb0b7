export {
  parseCookieParameters,
  parseHeaderParameter,
  parsePathParameter,
  parseQueryParameters,
} from './parse.js';
export {
  serializeCookieParameter,
  serializeHeaderParameter,
  serializePathParameter,
  serializeQueryParameter,
} from './serialize.js';
export type {
  ParameterLocation,
  ParameterShape,
  ParameterSpec,
  ParameterStyle,
  ParsedParameters,
  ParseResult,
} from './types.js';
