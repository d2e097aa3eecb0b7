/**
 * `--dump-context`: the exact context each template was rendered with, per output file, as JSON. A
 * recording renderer wraps the real one; every rendered file names its template, and renders happen in the
 * order the files are listed, so the recorded calls pair with the files one to one.
 */
import { CONTEXT_VERSION } from './context.js';
import type { GeneratedFile } from './emit.js';
import type { Renderer } from './handlebars.js';

export interface ContextDumpEntry {
  /** The output file, relative to the output directory. */
  path: string;
  template: string;
  overridden: boolean;
  context: object;
}

export interface ContextDump {
  contextVersion: number;
  files: ContextDumpEntry[];
}

export interface RecordingRenderer extends Renderer {
  calls: Array<{ template: string; context: object }>;
}

export function createRecordingRenderer(renderer: Renderer): RecordingRenderer {
  const calls: RecordingRenderer['calls'] = [];
  return {
    templates: renderer.templates,
    problems: renderer.problems,
    calls,
    render(name, context) {
      calls.push({ template: name, context });
      return renderer.render(name, context);
    },
  };
}

export function recordingToContextDump(options: {
  calls: RecordingRenderer['calls'];
  files: readonly GeneratedFile[];
}): ContextDump {
  const rendered = options.files.filter((file) => file.template !== undefined);
  const files = rendered.map((file, index): ContextDumpEntry => {
    const call = options.calls[index];
    if (!call || call.template !== file.template) {
      throw new Error(`context dump: render call ${index} does not match ${file.path}`);
    }
    return {
      path: file.path,
      template: call.template,
      overridden: file.overridden ?? false,
      context: call.context,
    };
  });
  return { contextVersion: CONTEXT_VERSION, files };
}
