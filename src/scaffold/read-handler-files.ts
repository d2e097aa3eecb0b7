/**
 * What the handlers' directory holds, read with ts-morph: the handlers each module file exports, the
 * `handlers` object of the wiring file, and where each is (for insertions and for reports).
 */
import type { ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { HANDLERS_EXPORT, SERVER_NAMESPACE } from './stub-text.js';

type TsMorph = typeof import('ts-morph');

export interface FoundExport {
  name: string;
  /** The module file's name without `.ts`. */
  module: string;
  /** The declared type's text, e.g. `server.CreatePaymentHandler`; absent when not annotated. */
  type?: string;
  /** 0-based offset of the name, for reports. */
  position: number;
}

export interface ModuleFile {
  module: string;
  source: SourceFile;
  exports: FoundExport[];
  /** True when the file imports the generated server as `server` (the stubs' type namespace). */
  importsServer: boolean;
}

export interface WiringFile {
  source: SourceFile;
  /** The `handlers` object literal; absent when the file has none the scaffolder can read. */
  object?: ObjectLiteralExpression;
  /** Its property names, with their offsets. */
  properties: { name: string; position: number }[];
  /** The namespace each module is imported under (`./payments.js` -> `paymentsHandlers`). */
  namespaces: Map<string, string>;
}

export function readModuleFile(input: { tsMorph: TsMorph; source: SourceFile; module: string }): ModuleFile {
  const { Node } = input.tsMorph;
  const { source, module } = input;
  const exports: FoundExport[] = [];
  for (const statement of source.getStatements()) {
    if (Node.isVariableStatement(statement) && statement.isExported()) {
      for (const declaration of statement.getDeclarations()) {
        const nameNode = declaration.getNameNode();
        if (!Node.isIdentifier(nameNode)) continue;
        const type = declaration.getTypeNode()?.getText();
        exports.push({
          name: nameNode.getText(),
          module,
          ...(type === undefined ? {} : { type }),
          position: nameNode.getStart(),
        });
      }
    } else if (Node.isFunctionDeclaration(statement) && statement.isExported()) {
      const nameNode = statement.getNameNode();
      if (nameNode) exports.push({ name: nameNode.getText(), module, position: nameNode.getStart() });
    }
  }
  const importsServer = source
    .getImportDeclarations()
    .some((d) => d.getNamespaceImport()?.getText() === SERVER_NAMESPACE);
  return { module, source, exports, importsServer };
}

export function readWiringFile(input: { tsMorph: TsMorph; source: SourceFile }): WiringFile {
  const { Node } = input.tsMorph;
  const { source } = input;
  const namespaces = new Map<string, string>();
  for (const declaration of source.getImportDeclarations()) {
    const match = /^\.\/(.+)\.js$/.exec(declaration.getModuleSpecifierValue());
    const namespace = declaration.getNamespaceImport()?.getText();
    if (match?.[1] && namespace) namespaces.set(match[1], namespace);
  }
  let initializer = source.getVariableDeclaration(HANDLERS_EXPORT)?.getInitializer();
  // `{ ... } satisfies Handlers`, `{ ... } as Handlers`, `({ ... })`: the object inside.
  while (
    initializer &&
    (Node.isSatisfiesExpression(initializer) ||
      Node.isAsExpression(initializer) ||
      Node.isParenthesizedExpression(initializer))
  ) {
    initializer = initializer.getExpression();
  }
  if (!initializer || !Node.isObjectLiteralExpression(initializer)) {
    return { source, properties: [], namespaces };
  }
  const properties = initializer.getProperties().flatMap((property) => {
    if (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) {
      const nameNode = property.getNameNode();
      const name = Node.isStringLiteral(nameNode) ? nameNode.getLiteralValue() : nameNode.getText();
      return [{ name, position: nameNode.getStart() }];
    }
    if (Node.isMethodDeclaration(property)) {
      return [{ name: property.getName(), position: property.getNameNode().getStart() }];
    }
    return [];
  });
  return { source, object: initializer, properties, namespaces };
}
