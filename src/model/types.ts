/**
 * The ApiModel: what the generator knows about an API once the spec is read and the contracts merged.
 * Behaviour is decided here, once; templates only arrange it. Every node carries the JSON pointer it came
 * from so that every diagnostic can name it.
 */
import type { HttpMethod } from '../core/http.js';
import type { JsonObject, JsonValue } from '../core/json.js';
import type {
  FingerprintPart,
  IdempotencyKeySource,
  IdempotencyContract as RuntimeIdempotencyContract,
  ScopePart,
} from '../runtime/idempotency/types.js';
import type { LongRunningSpec } from '../runtime/long-running/types.js';
import type { PaginationSpec } from '../runtime/pagination/types.js';
import type { BackoffPolicy, Jitter, RetryCondition, RetryPolicy } from '../runtime/retry/types.js';
import type {
  ParameterLocation,
  ParameterShape,
  ParameterStyle,
} from '../runtime/shared/parameters/types.js';

export { HTTP_METHODS, type HttpMethod } from '../core/http.js';
/** The contract's vocabulary is the runtime's: one definition, which the model narrows and locates. */
export type {
  BackoffPolicy,
  FingerprintPart,
  IdempotencyKeySource,
  Jitter,
  ParameterLocation,
  ParameterShape,
  ParameterStyle,
  RetryCondition,
  ScopePart,
};
/** Methods that root or path-item `x-idempotency` applies to. Others opt in on the operation. */
export const UNSAFE_METHODS: readonly HttpMethod[] = ['post', 'patch'];

/** Where a contract was written: what every diagnostic about it points at. */
export interface Located {
  /** Pointer of the nearest annotation that contributed (operation, path item or root). */
  pointer: string;
  /**
   * Where each field that the spec set explicitly was written, keyed by the field's path in the extension
   * (`ttl`, `key`, `backoff/initial`, ...), so a diagnostic can point at the field that is wrong.
   */
  fieldPointers?: Record<string, string>;
}

/**
 * The merged `x-idempotency`: the runtime's contract, every field set (defaults filled in), the parts
 * narrowed to the ones the extension allows, and located in the spec.
 */
export interface IdempotencyContract extends RuntimeIdempotencyContract, Located {
  retryAfterMs: number;
  fingerprint: readonly FingerprintPart[];
  scope: readonly ScopePart[];
  /** Status patterns whose outcomes are stored and replayed: `2XX`, `4XX`, `201`, ... */
  replay: readonly string[];
}

/** The merged `x-retry`: the runtime's policy, located in the spec. */
export interface RetryContract extends RetryPolicy, Located {}

/** The merged `x-pagination` (or alias) of a paginated operation, defaults filled in, located in the spec. */
export interface PaginationContract extends PaginationSpec, Located {}

/** The merged `x-long-running` (or Azure's alias) of a long-running operation, located in the spec. */
export interface LongRunningContract extends LongRunningSpec, Located {}

/** Root-only client-wide retry throttling (gRPC style). */
export interface RetryBudget {
  maxTokens: number;
  tokenRatio: number;
  pointer: string;
}

export interface ParameterModel {
  name: string;
  in: ParameterLocation;
  required: boolean;
  pointer: string;
  /**
   * The parameter's schema (may be a `$ref` object), as in the document; for a parameter declared with
   * `content`, the schema of that media type.
   */
  schema?: JsonValue;
  /** `style` as the spec writes it (one the specification defines); absent: the location's default. */
  style?: ParameterStyle;
  explode?: boolean;
  allowReserved?: boolean;
  /** Declared with `content`: its (first) media type. */
  contentType?: string;
  /** Primitive, array or object, from the schema (`parameter-shape.ts`). */
  shape: ParameterShape;
  /** Object-shaped: the property names the schema declares, when it takes no others. */
  properties?: string[];
}

export interface RequestBodyModel {
  required: boolean;
  /** Media types in document order, e.g. `application/json`. */
  mediaTypes: string[];
  pointer: string;
  /** The first JSON media type in `mediaTypes` (`isJsonContentType`), if any: the one `jsonSchema` is of. */
  jsonMediaType?: string;
  /** The schema of the JSON media type, if any (may be a `$ref` object). */
  jsonSchema?: JsonValue;
  /** The schema of the first form media type (urlencoded or multipart), if any (may be a `$ref` object). */
  formSchema?: JsonValue;
  /** That form media type's `encoding`: style and explode per property. */
  formEncoding?: Record<string, FormEncodingModel>;
  /** `multipart/form-data`: top-level properties that are files (`format: binary`, 3.1 `contentMediaType`). */
  multipartFiles?: string[];
  /** `multipart/form-data`: top-level properties sent as one JSON part (objects, arrays of objects, or
   * `encoding.<name>.contentType` a JSON media type). */
  multipartJson?: string[];
}

/** One property of an OpenAPI `encoding` object, as far as the form's wire format goes. */
export interface FormEncodingModel {
  style?: 'form' | 'deepObject';
  explode?: boolean;
  contentType?: string;
}

export interface ResponseModel {
  /** `200`, `4XX`, `default`, as written in the spec. */
  status: string;
  pointer: string;
  mediaTypes: string[];
  /** True when one of its media types is `application/problem+json`. */
  isProblem: boolean;
  /** True when the response has a JSON (or problem+json) body. */
  hasJsonBody: boolean;
  /** Response header names the operation declares (replayed on duplicates). */
  headers: string[];
  description?: string;
  /**
   * The first JSON (or problem+json) media type in `mediaTypes` (`isJsonContentType`), if any: the one
   * `jsonSchema` is of, and the one the generated types index.
   */
  jsonMediaType?: string;
  /** The schema of the JSON (or problem+json) media type, as the document writes it (a `$ref` stays one). */
  jsonSchema?: JsonValue;
}

export interface OperationModel {
  /**
   * The operationId, or a derived, stable, readable name; made an identifier and free of the generator's names,
   * and numbered (`pay2`) when an earlier operation has it or its generated names.
   */
  id: string;
  /** True when `id` was derived because the spec had no operationId. */
  derivedId: boolean;
  /** The `operationId` exactly as the spec writes it (it may not be an identifier); absent when derived. */
  operationId?: string;
  method: HttpMethod;
  /** Path template as in the spec, e.g. `/orders/{orderId}`. */
  path: string;
  /** Pointer of the operation object, e.g. `/paths/~1orders/post`. */
  pointer: string;
  tags: string[];
  /**
   * The client and server module the operation is generated into (`client/<module>.ts`): its first tag in
   * kebab-case, unique among the spec's tags, never a file the generator writes itself (module-names.ts).
   */
  module: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Path-item and operation parameters merged (operation wins by name+in), `$ref`s resolved. */
  parameters: ParameterModel[];
  requestBody?: RequestBodyModel;
  responses: ResponseModel[];
  /** The merged contract; absent when no `x-idempotency` applies. */
  idempotency?: IdempotencyContract;
  /** The request-body limit from `x-max-body-size` (nearest of operation, path item, root); absent: none set. */
  maxBodySize?: { bytes: number; pointer: string };
  /** The merged contract; absent when no `x-retry` applies (the client makes one attempt). */
  retry?: RetryContract;
  /**
   * Set when `x-retry` reaches the operation but the client must not retry it (an unsafe method without
   * `x-idempotency`): the client makes one attempt, whatever the spec or the caller says.
   * `compat-default-on-unsafe`: only a compat alias (`x-speakeasy-retries`) on the root or the path item
   * reaches it, a migration default that is not applied (a warning, not the `unsafe-retry` error).
   */
  retrySuppressed?: 'unsafe-without-idempotency' | 'compat-default-on-unsafe';
  /**
   * Set on a webhook (`webhooks`, 3.1) or callback receiver: it has no path of its own, and `path` is where
   * the server mounts it (`x-webhook-path`, see webhooks.ts). Absent on the operations of `paths`.
   */
  event?: EventModel;
  /** `x-webhook-signature`: deliveries must carry a valid Standard Webhooks signature. */
  signature?: SignatureContract;
  /** Set when the operation opts into `x-pagination` (or an alias): its client gets `.pages()` and `.all()`. */
  pagination?: PaginationContract;
  /** Set when the operation opts into `x-long-running` (or Azure's alias): its result carries `operation.wait()`. */
  longRunning?: LongRunningContract;
}

/** What a receiver receives: a webhook of the document, or a callback of one of its operations. */
export interface EventModel {
  kind: 'webhook' | 'callback';
  /** The webhook's name (its key under `webhooks`) or the callback's name (its key under `callbacks`). */
  name: string;
  /** A callback's runtime expression (`{$request.body#/callbackUrl}`): where the API sends it. */
  expression?: string;
  /** A callback's operation (its id). */
  parentId?: string;
}

/** The merged `x-webhook-signature`. */
export interface SignatureContract {
  scheme: 'standard-webhooks';
  /** How far a delivery's `webhook-timestamp` may be from the receiver's clock, either way. */
  toleranceMs: number;
  pointer: string;
}

export interface ApiModel {
  title: string;
  version: string;
  openapi: '3.0' | '3.1';
  /** First server URL, if any. */
  serverUrl?: string;
  operations: OperationModel[];
  retryBudget?: RetryBudget;
  /** The bundled document, for the renderer (openapi-typescript) and schema look-ups. */
  document: JsonObject;
}
