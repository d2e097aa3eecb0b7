/** The checks of `x-pagination` and `x-long-running`, one function per rule, each over one operation. */
import { isObject, type JsonObject } from '../core/json.js';
import { schemaHasPointer } from './key-pointer.js';
import { operationLabel } from './operation-ids.js';
import { resolveRef } from './resolve-ref.js';
import type { RuleCheck, RuleFinding } from './rule-checks.js';
import type { OperationModel, ResponseModel } from './types.js';

function finding(op: OperationModel, d: RuleFinding['diagnostic']): RuleFinding[] {
  const label = operationLabel(op);
  return [{ diagnostic: { ...d, message: `${label}: ${d.message}` }, label }];
}

/** The first 2XX response with a JSON body schema: the page. */
function pageResponse(op: OperationModel): ResponseModel | undefined {
  return op.responses.find((r) => /^2/.test(r.status) && r.jsonSchema !== undefined);
}

/** Cursor, offset or limit parameters that the operation does not declare in its query. */
export const paginationParameterMissing: RuleCheck = ({ op }) => {
  const paging = op.pagination;
  if (!paging) return [];
  const wanted = [
    ['cursorParam', paging.cursorParam],
    ['offsetParam', paging.offsetParam],
    ['limitParam', paging.limitParam],
  ] as const;
  return wanted.flatMap(([field, name]) => {
    if (name === undefined || op.parameters.some((p) => p.in === 'query' && p.name === name)) return [];
    const declaredElsewhere = op.parameters.find((p) => p.name === name);
    return finding(op, {
      code: 'pagination-parameter-missing',
      severity: 'error',
      message: declaredElsewhere
        ? `x-pagination.${field} names "${name}", a ${declaredElsewhere.in} parameter; the iterators send it in the query.`
        : `x-pagination.${field} names the query parameter "${name}", which the operation does not declare.`,
      pointer: paging.fieldPointers?.[field] ?? paging.pointer,
      hint: `Declare the query parameter "${name}" on the operation, or set x-pagination.${field} to the one it has.`,
    });
  });
};

/** `items` or a body `nextCursor` that names nothing in the page's JSON schema. */
export const paginationFieldMissing: RuleCheck = ({ op, document }) => {
  const paging = op.pagination;
  if (!paging) return [];
  const page = pageResponse(op);
  if (!page) {
    return finding(op, {
      code: 'pagination-field-missing',
      severity: 'error',
      message:
        'x-pagination is set, but the operation declares no 2XX response with a JSON body to read pages from.',
      pointer: paging.pointer,
      hint: 'Declare the page as a 200 response with an application/json schema.',
    });
  }
  const schema = page.jsonSchema ?? {};
  const out: RuleFinding[] = [];
  const check = (field: string, pointer: string) => {
    if (pointer === '' || schemaHasPointer({ document, schema, pointer })) return;
    out.push(
      ...finding(op, {
        code: 'pagination-field-missing',
        severity: 'error',
        message: `x-pagination.${field} "${pointer}" names nothing in the ${page.status} response's schema.`,
        pointer: paging.fieldPointers?.[field] ?? paging.pointer,
        hint: `Point x-pagination.${field} at a property of the ${page.status} response body (JSON pointer, e.g. /data).`,
      }),
    );
  };
  check('items', paging.items);
  const next = paging.nextCursor;
  if (next?.in === 'body') check('nextCursor', next.pointer);
  if (next?.in === 'header' && !page.headers.some((h) => h.toLowerCase() === next.name.toLowerCase()))
    out.push(
      ...finding(op, {
        code: 'pagination-field-missing',
        severity: 'error',
        message: `x-pagination.nextCursor names the header "${next.name}", which the ${page.status} response does not declare.`,
        pointer: paging.fieldPointers?.nextCursor ?? paging.pointer,
        hint: `Declare the header "${next.name}" in the ${page.status} response's headers.`,
      }),
    );
  return out;
};

const CHANGING =
  /\b(chang(e|es|ed|ing)|insert(s|ed)?|added|append(s|ed)?|new (items|entries|records|events)|real[- ]?time|live|frequently|constantly|streams?)\b/i;

/** Offset paging over data that the description says changes: items shift between pages. */
export const paginationOffsetUnstable: RuleCheck = ({ op, document }) => {
  const paging = op.pagination;
  if (paging?.type !== 'offset') return [];
  const page = pageResponse(op);
  const texts = [op.summary, op.description, page?.description, schemaDescription(document, page)];
  const said = texts.map(changeSaid).find((word) => word !== undefined);
  if (said === undefined) return [];
  return finding(op, {
    code: 'pagination-offset-unstable',
    severity: 'warning',
    message: `offset paging over data that changes ("${said}"): an insert or delete between pages shifts the offsets, so a listing repeats or skips items.`,
    pointer: paging.fieldPointers?.type ?? paging.pointer,
    hint: 'Use type: cursor with a keyset cursor (the sort key of the last item), see docs/pagination.md.',
  });
};

/** The word that says the data changes, unless negated just before ("never change", "not updated"). */
function changeSaid(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const pattern = new RegExp(CHANGING.source, 'gi');
  for (const match of text.matchAll(pattern)) {
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    if (!/\b(never|not|no|n't|without)\b[^.;]*$/i.test(before)) return match[0];
  }
  return undefined;
}

function schemaDescription(document: JsonObject, page: ResponseModel | undefined): string | undefined {
  const schema = page?.jsonSchema;
  if (!isObject(schema)) return undefined;
  const target = resolveRef({ document, value: schema, pointer: '' })?.value;
  return isObject(target) && typeof target.description === 'string' ? target.description : undefined;
}

/** `x-long-running` on an operation that declares no `202`: nothing will ever be polled. */
export const longRunningWithout202: RuleCheck = ({ op }) => {
  const lro = op.longRunning;
  if (!lro || op.responses.some((r) => r.status === '202' || r.status.toUpperCase() === '2XX')) return [];
  return finding(op, {
    code: 'long-running-without-202',
    severity: 'warning',
    message: 'x-long-running is set, but the operation declares no 202 response, so its client never polls.',
    pointer: lro.pointer,
    hint: 'Declare the 202 Accepted response (with its Location header), or remove x-long-running.',
  });
};

export const PAGINATION_RULE_CHECKS: readonly RuleCheck[] = [
  paginationParameterMissing,
  paginationFieldMissing,
  paginationOffsetUnstable,
  longRunningWithout202,
];
