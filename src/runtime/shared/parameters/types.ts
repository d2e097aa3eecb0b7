/**
 * How one parameter travels, per the OpenAPI specification's Parameter Object (3.0 and 3.1): its location,
 * `style`, `explode`, `allowReserved`, and for a parameter declared with `content` the media type. The
 * generator emits one of these for each parameter whose serialization is not the location's default for the
 * value's shape; the client and the server's parser read the same object.
 */
export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export type ParameterStyle =
  | 'matrix'
  | 'label'
  | 'simple'
  | 'form'
  | 'spaceDelimited'
  | 'pipeDelimited'
  | 'deepObject';

/** What the schema says the value is: the three columns of the specification's style table. */
export type ParameterShape = 'primitive' | 'array' | 'object';

export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  /** Absent: the location's default (`simple` for path and header, `form` for query and cookie). */
  style?: ParameterStyle;
  /** Absent: `true` for `form`, else `false`. */
  explode?: boolean;
  /** Query only: reserved characters (RFC 3986 section 2.2) and percent-encoded triples pass unencoded. */
  allowReserved?: boolean;
  /** Absent: the client reads the value's own shape; the server reads the parameter as a primitive. */
  shape?: ParameterShape;
  /**
   * For `shape: 'object'` with `form` and `explode: true` (whose properties are top-level query names): the
   * declared property names. Absent: every query name no other parameter claims.
   */
  properties?: readonly string[];
  /** Declared with `content`: the value is written as this media type (JSON, else text), then as a string. */
  contentType?: string;
}

/** A parsed value, or why the raw text does not parse as the parameter's style (a 400 with a pointer). */
export type ParseResult = { ok: true; value: unknown } | { ok: false; message: string };

/** The parsed values of one location by parameter name, and the names whose text did not parse. */
export interface ParsedParameters {
  values: Record<string, unknown>;
  issues: Array<{ name: string; message: string }>;
}
