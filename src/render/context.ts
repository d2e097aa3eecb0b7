/**
 * The template context: a documented, versioned type. Templates receive precomputed, escaped strings and
 * flags only; every decision is made here or in the model. Bump CONTEXT_VERSION when a field is removed or
 * changes meaning (adding a field is not a breaking change).
 */
export const CONTEXT_VERSION = 1;

/** The project's choices from the config: each value, or null when the project sets none. */
export interface ChoicesContext {
  store: string | null;
  adapter: string | null;
  problemTypeBase: string | null;
}

export interface FileHeaderContext {
  contextVersion: number;
  /** `idemgen 0.1.0`. */
  generator: string;
  /** The template that renders the file, e.g. `client/operations.hbs`. */
  template: string;
  /** True when the template comes from the user's `--templates` directory. */
  overridden: boolean;
  /** The API's title, as a single-line comment text. */
  apiTitle: string;
  /**
   * Module specifiers of the runtime parts, relative to a file one folder below the output root:
   * `../runtime/client/index.js` (runtime copied) or `idemgen/runtime/client` (runtime from the package).
   */
  runtimeImports: {
    client: string;
    server: string;
    idempotency: string;
    /** Webhook senders and signatures (`runtime/events`). */
    events: string;
    /** The iterators of `x-pagination` (`runtime/pagination`). */
    pagination: string;
    /** The `wait()` handle of `x-long-running` (`runtime/long-running`). */
    longRunning: string;
  };
  choices: ChoicesContext;
}

export interface ClientInputField {
  /** `path`, `query`, `headers` or `body`. */
  name: string;
  optional: boolean;
  /** A TypeScript type expression. */
  type: string;
}

export interface ClientOperationContext {
  /** Function name, a safe identifier: `createOrder`. */
  name: string;
  /** Type-name prefix: `CreateOrder`. */
  typeName: string;
  /** Comment lines (summary, description, `POST /orders`), already escaped for a block comment. */
  docLines: string[];
  deprecated: boolean;
  /** The indexed-access type of the operation: `paths["/orders"]["post"]`. */
  operationType: string;
  inputFields: ClientInputField[];
  /** True when every input field is optional, so the input argument may be omitted. */
  inputOptional: boolean;
  /**
   * The success members: `status` a literal (`201`) or `number`; `name` the suffix of the member's interface
   * (`CreatePaymentOk201`, `...Ok2XX`, `...OkDefault`); `dataType` the body's type.
   */
  successes: Array<{ status: string; name: string; dataType: string }>;
  /** A success declares a non-JSON body: the function has a `responseAs: 'stream'` overload. */
  streamable: boolean;
  /** Declared error responses: `HttpError<404, ...>` members. */
  errors: Array<{ status: string; bodyType: string }>;
  /** The operation's runtime spec (method, path, idempotency, retry) as a literal expression. */
  specLiteral: string;
  /**
   * Set for an operation with `x-pagination`: its `PaginationSpec` as a literal, and the type of one item
   * (an indexed access into the page's success data).
   */
  pagination?: { literal: string; itemType: string };
  /**
   * Set for an operation with `x-long-running`: its `LongRunningSpec` as a literal, and the type of the final
   * result that `operation.wait()` answers.
   */
  longRunning?: { literal: string; finalType: string };
}

export interface ClientFileContext extends FileHeaderContext {
  /** The group (first tag) this file holds. */
  group: string;
  operations: ClientOperationContext[];
  /** Some operation of the file has `pagination` (the file imports the pagination runtime). */
  usesPagination: boolean;
  /** Some operation of the file has `longRunning` (the file imports the long-running runtime). */
  usesLongRunning: boolean;
}

export interface ClientIndexContext extends FileHeaderContext {
  modules: Array<{ file: string }>;
  /** The root `x-retry.budget` as a literal (`{"maxTokens":10,"tokenRatio":0.1}`), or `undefined`. */
  budgetLiteral: string;
}

export interface ServerResponseContext {
  /** A status literal (`201`) or `number` for ranges and `default`. */
  status: string;
  /** The body's type; `undefined` when the response has no content. */
  bodyType: string;
  /** True when the response has no content (the body may be omitted). */
  noBody: boolean;
  /** The type of a `content` map (one optional member per media type); empty unless several are declared. */
  contentType: string;
}

export interface ServerOperationContext {
  /** Handler key and type-name prefix, safe identifiers: `createPayment`, `CreatePayment`. */
  name: string;
  typeName: string;
  docLines: string[];
  operationType: string;
  pathType: string;
  queryType: string;
  /** `NonNullable<Op["parameters"]["cookie"]>`, or `Record<string, never>` without cookie parameters. */
  cookiesType: string;
  bodyType: string;
  responses: ServerResponseContext[];
  /** The union of the success media types (`request.responseMediaType`); empty unless several. */
  responseMediaTypeType: string;
  /** The route (method, path, contract, replay headers, media types) as a literal expression. */
  routeLiteral: string;
  /** Export name of the operation's validator in `validators.js`. */
  validatorName: string;
  /** Export name of its response validator (`responseValidators`); empty when there is none. */
  validateResponseName: string;
}

export interface ServerFileContext extends FileHeaderContext {
  group: string;
  operations: ServerOperationContext[];
}

export interface ServerIndexContext extends FileHeaderContext {
  modules: Array<{ file: string }>;
  operations: Array<{
    name: string;
    typeName: string;
    file: string;
    routeLiteral: string;
    validatorName: string;
    validateResponseName: string;
  }>;
  /** The config's `maxBodySize` in bytes (a number literal), or empty when not set. */
  maxBodyBytes: string;
  /** The declared error bodies (4XX, 5XX, `default`) that type `errorBody`: literal types, deduplicated. */
  errorBodies: Array<{ contentType: string; bodyType: string }>;
}
