/**
 * A schema in the spec that ajv cannot compile (a keyword with a value of the wrong type, a `pattern` that
 * is not a regular expression, ...) is the user's input, not a crash: it becomes a located diagnostic
 * (`schema-invalid`) naming the operation part whose validator needed it and ajv's reason.
 */
import { appendPointer } from '../../core/json-pointer.js';
import { isFormContentType, isJsonContentType } from '../../runtime/shared/media-type.js';

export class InvalidSchemaError extends Error {
  override readonly name = 'InvalidSchemaError';
  constructor(
    /** JSON pointer into the spec: the parameter, request body or response whose schema failed. */
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SchemaOwner {
  /** Where to point: the part's pointer in the spec (falls back to the operation's). */
  pointer: string;
  /** What it is, for the message: `the request body of createThing`. */
  label: string;
}

/** Runs `compile`; ajv's error becomes an `InvalidSchemaError` about `owner`. */
export function compileOrReport<T>(owner: SchemaOwner, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (error instanceof InvalidSchemaError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    // ajv's meta-schema failures read `schema is invalid: data/properties/a/minLength must be integer`.
    const cleaned = reason.replace(/^schema is invalid: /, '').replace(/\bdata(?=\/|\s)/g, 'schema');
    throw new InvalidSchemaError(
      owner.pointer,
      `The schema of ${owner.label} cannot be compiled: ${cleaned}.`,
    );
  }
}

/** The pointer of a request body's JSON schema, or the body's own. */
export function bodySchemaPointer(body: {
  pointer?: string;
  mediaTypes?: readonly string[];
}): string | undefined {
  const json = body.mediaTypes?.find((type) => isJsonContentType(type));
  if (body.pointer === undefined) return undefined;
  return json === undefined ? body.pointer : appendPointer(body.pointer, 'content', json, 'schema');
}

/** Where the request body's form media type schema is (`formSchemaPointer` of a body without one: its pointer). */
export function formSchemaPointer(body: {
  pointer?: string;
  mediaTypes?: readonly string[];
}): string | undefined {
  const form = body.mediaTypes?.find((type) => isFormContentType(type));
  if (body.pointer === undefined) return undefined;
  return form === undefined ? body.pointer : appendPointer(body.pointer, 'content', form, 'schema');
}
