import table from './cognito-model.json' with { type: 'json' };
import type { MemberConstraint, ModelTable } from './build-model-table';

export const modelTable = table as ModelTable;
export type { MemberConstraint, ModelTable };

export function operationModel(operation: string) {
  return modelTable.operations[operation];
}
