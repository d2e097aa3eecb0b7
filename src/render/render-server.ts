/**
 * Renders the server: handler types per group, standalone validators, the route table (`routes.js`, typed by
 * `routes.d.ts`) and `index.ts` with the Handlers map and createServer.
 */
import type { ApiModel } from '../model/types.js';
import type { FileHeaderContext } from './context.js';
import type { GeneratedFile } from './emit.js';
import { fileHeader } from './file-header.js';
import type { Renderer } from './handlebars.js';
import { renderFile } from './render-client.js';
import { modelToSenders } from './sender-context.js';
import { modelToServerGroups } from './server-context.js';
import { modelToErrorBodies } from './server-error-bodies.js';
import { TEMPLATES, templateOutput } from './templates.js';
import { generateValidators } from './validators/index.js';

export function renderServer(options: {
  model: ApiModel;
  renderer: Renderer;
  header: Omit<FileHeaderContext, 'template' | 'overridden'>;
  /** Also generate and wire response validators (`validateResponses` then checks bodies). */
  responseValidators?: boolean;
  /** The config's `maxBodySize` in bytes: `createServer`'s default `maxBodyBytes`. */
  maxBodyBytes?: number;
}): GeneratedFile[] {
  const { model } = options;
  const validators = generateValidators({
    document: model.document,
    openapi: model.openapi,
    operations: model.operations,
    responses: options.responseValidators === true,
  });
  const groups = modelToServerGroups(model, validators.names);
  const { generator } = options.header;
  const jsHeader = fileHeader({
    generator,
    what: 'request validators compiled by ajv, needing nothing at run time',
  });
  const dtsHeader = fileHeader({ generator, what: 'the types of validators.js' });
  const files: GeneratedFile[] = [
    // ajv's standalone code is typed by validators.d.ts; without the pragma a user's `checkJs` would check it.
    { path: 'server/validators.js', contents: `${jsHeader}\n// @ts-nocheck\n\n${validators.js}` },
    { path: 'server/validators.d.ts', contents: `${dtsHeader}\n${validators.dts}` },
  ];
  for (const group of groups) {
    files.push(
      renderFile({
        ...options,
        template: TEMPLATES.serverHandlers.id,
        path: templateOutput(TEMPLATES.serverHandlers, group.file),
        context: { group: group.group, operations: group.operations },
      }),
    );
  }
  const operations = groups.flatMap((g) => g.operations.map((op) => ({ ...op, file: g.file })));
  const senders = modelToSenders(model);
  if (senders.length > 0) {
    files.push(
      renderFile({
        ...options,
        template: TEMPLATES.serverSenders.id,
        path: templateOutput(TEMPLATES.serverSenders),
        context: { senders },
      }),
    );
  }
  files.push(
    renderFile({
      ...options,
      template: TEMPLATES.serverRoutes.id,
      path: templateOutput(TEMPLATES.serverRoutes),
      context: { operations },
    }),
    { path: 'server/routes.d.ts', contents: routesDeclaration(options.header) },
    renderFile({
      ...options,
      template: TEMPLATES.serverIndex.id,
      path: templateOutput(TEMPLATES.serverIndex),
      context: {
        modules: groups.map((g) => ({ file: g.file })),
        operations,
        errorBodies: modelToErrorBodies(model),
        maxBodyBytes: options.maxBodyBytes === undefined ? '' : String(options.maxBodyBytes),
        hasSenders: senders.length > 0,
      },
    }),
  );
  return files;
}

/** The types of `routes.js`: not templated, since an override of `server/routes.hbs` keeps its one export. */
function routesDeclaration(header: Pick<FileHeaderContext, 'generator' | 'runtimeImports'>): string {
  return [
    fileHeader({ generator: header.generator, what: 'the type of the route table in routes.js' }),
    `import type { ServerRoute } from '${header.runtimeImports.server}';`,
    '',
    '/** The route table: methods, path templates, idempotency contracts and request validators. */',
    'export declare const routes: readonly ServerRoute[];',
    '',
  ].join('\n');
}
