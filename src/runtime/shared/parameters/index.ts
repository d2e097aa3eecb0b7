export type {
  ParameterLocation,
  ParameterShape,
  ParameterSpec,
  ParameterStyle,
  ParsedParameters,
  ParseResult,
} from './types.js';
