import { CoreError } from '../../errors';

export function missingSchema(database: string, schema: string): CoreError {
  return new CoreError('NOT_FOUND', `Schema "${schema}" does not exist in database "${database}". Refresh the tree.`);
}

export function missingRelation(database: string, schema: string, relation: string, kind: string): CoreError {
  const what = kind.replace('-', ' ');
  return new CoreError('NOT_FOUND', `The ${what} "${schema}"."${relation}" does not exist in database "${database}". Refresh the tree.`);
}

export function missingObject(what: string, name: string, where: string): CoreError {
  return new CoreError('NOT_FOUND', `The ${what} "${name}" does not exist in ${where}. Refresh the tree.`);
}
