import { AppError } from '../errors';
import type { ImportDefinition } from './define-import';

const definitions = new Map<string, ImportDefinition<any, any>>();

/** Modules register their import types at start-up (src/modules/index.ts). */
export function registerImport(definition: ImportDefinition<any, any>): void {
  if (definitions.has(definition.type)) throw new Error(`Import type ${definition.type} registered twice`);
  definitions.set(definition.type, definition);
}

export function importDefinition(type: string): ImportDefinition<any, any> {
  const definition = definitions.get(type);
  if (!definition) {
    const known = [...definitions.keys()].join(', ');
    throw new AppError('NOT_FOUND', {
      message: `Unknown import type ${type}`,
      userMessage: `未知的导入类型“${type}”，可用类型：${known}`,
    });
  }
  return definition;
}

export function importDefinitions(): ImportDefinition<any, any>[] {
  return [...definitions.values()];
}
