export { askParameterValues } from './ask-parameters';
export { parameterNeed, type ParameterNeed, type ParameterValue } from './run-parameters';
