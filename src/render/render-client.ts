/** Renders the client: one module per group, an index, over the shared runtime and schema types. */
import type { ApiModel } from '../model/types.js';
import { modelToClientGroups } from './client-context.js';
import type { FileHeaderContext } from './context.js';
import type { GeneratedFile } from './emit.js';
import { toLiteral } from './escape.js';
import type { Renderer } from './handlebars.js';
import { TEMPLATES, templateOutput } from './templates.js';

export function renderFile(options: {
  renderer: Renderer;
  template: string;
  path: string;
  header: Omit<FileHeaderContext, 'template' | 'overridden'>;
  context: object;
}): GeneratedFile {
  const source = options.renderer.templates.get(options.template);
  const overridden = source?.overridden ?? false;
  const contents = options.renderer.render(options.template, {
    ...options.header,
    template: options.template,
    overridden,
    ...options.context,
  });
  return { path: options.path, contents, template: options.template, overridden };
}

export function renderClient(options: {
  model: ApiModel;
  renderer: Renderer;
  header: Omit<FileHeaderContext, 'template' | 'overridden'>;
}): GeneratedFile[] {
  const groups = modelToClientGroups(options.model);
  const budget = options.model.retryBudget;
  const files = groups.map((group) =>
    renderFile({
      ...options,
      template: TEMPLATES.clientOperations.id,
      path: templateOutput(TEMPLATES.clientOperations, group.file),
      context: {
        group: group.group,
        operations: group.operations,
        usesPagination: group.operations.some((op) => op.pagination !== undefined),
        usesLongRunning: group.operations.some((op) => op.longRunning !== undefined),
      },
    }),
  );
  files.push(
    renderFile({
      ...options,
      template: TEMPLATES.clientIndex.id,
      path: templateOutput(TEMPLATES.clientIndex),
      context: {
        modules: groups.map((g) => ({ file: g.file })),
        budgetLiteral: budget
          ? toLiteral({ maxTokens: budget.maxTokens, tokenRatio: budget.tokenRatio })
          : 'undefined',
      },
    }),
  );
  return files;
}
