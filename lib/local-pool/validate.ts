import { invalidParameter } from './errors';
import { operationModel, type MemberConstraint } from './model/model-table';

const patternCache = new Map<string, RegExp>();

/** A model pattern as a RegExp that must match the whole value. */
export function compile(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    // The model's patterns are whole-value matches (Java's Matcher.matches()).
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

const wireName = (member: string) => member.charAt(0).toLowerCase() + member.slice(1);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function typeMatches(value: unknown, c: MemberConstraint): boolean {
  switch (c.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
      return typeof value === 'number';
    case 'list':
      return Array.isArray(value);
    case 'map':
      return isObject(value);
    case 'structure':
      // A document (the WebAuthn credential) is free-form JSON, checked by its handler.
      return c.document === true || isObject(value);
    default:
      return true;
  }
}

/** Appends to `problems` what is wrong with `value` (not null) at `path`, descending into structures, maps and lists. */
function checkValue(path: string, value: unknown, c: MemberConstraint, problems: string[]): void {
  const at = `Value at '${path}' failed to satisfy constraint: Member must`;
  if (!typeMatches(value, c)) {
    problems.push(`${at} be of type ${c.type}`);
    return;
  }
  if (c.type === 'string') {
    const text = value as string;
    // Lengths count Unicode code points, as the service does.
    const length = [...text].length;
    if (c.min !== undefined && length < c.min) problems.push(`${at} have length greater than or equal to ${c.min}`);
    else if (c.max !== undefined && length > c.max) problems.push(`${at} have length less than or equal to ${c.max}`);
    else if (c.pattern !== undefined && !compile(c.pattern).test(text)) problems.push(`${at} satisfy regular expression pattern: ${c.pattern}`);
    else if (c.enum && !c.enum.includes(text)) problems.push(`${at} satisfy enum value set: [${c.enum.join(', ')}]`);
    return;
  }
  if (c.type === 'integer' || c.type === 'long') {
    const n = value as number;
    if (c.min !== undefined && n < c.min) problems.push(`${at} have value greater than or equal to ${c.min}`);
    else if (c.max !== undefined && n > c.max) problems.push(`${at} have value less than or equal to ${c.max}`);
    return;
  }
  if (c.type === 'list') {
    const items = value as unknown[];
    if (c.min !== undefined && items.length < c.min) problems.push(`${at} have length greater than or equal to ${c.min}`);
    else if (c.max !== undefined && items.length > c.max) problems.push(`${at} have length less than or equal to ${c.max}`);
    if (c.member) items.forEach((item, i) => checkPresent(`${path}.${i + 1}.member`, item, c.member!, problems));
    return;
  }
  if (c.type === 'map') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (c.min !== undefined && entries.length < c.min) problems.push(`${at} have length greater than or equal to ${c.min}`);
    else if (c.max !== undefined && entries.length > c.max) problems.push(`${at} have length less than or equal to ${c.max}`);
    for (const [key, item] of entries) {
      if (c.key) checkValue(`${path}.${key}.key`, key, c.key, problems);
      if (c.value) checkPresent(`${path}.${key}.value`, item, c.value, problems);
    }
    return;
  }
  if (c.type === 'structure' && c.members) checkMembers(path, value as Record<string, unknown>, c.members, problems);
}

/** A map value or list item: null is a problem, unlike an optional member. */
function checkPresent(path: string, value: unknown, c: MemberConstraint, problems: string[]): void {
  if (value === undefined || value === null) problems.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
  else checkValue(path, value, c, problems);
}

function checkMembers(prefix: string, input: Record<string, unknown>, members: Record<string, MemberConstraint>, problems: string[]): void {
  for (const [member, constraint] of Object.entries(members)) {
    const path = prefix ? `${prefix}.${wireName(member)}` : wireName(member);
    const value = input[member];
    if (value === undefined || value === null) {
      if (constraint.required) problems.push(`Value null at '${path}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    checkValue(path, value, constraint, problems);
  }
}

/**
 * Checks a request body against the operation's input shape in Cognito's model and
 * throws InvalidParameterException with the service's wording when it does not fit.
 * Nested structures, maps and lists are checked member by member; a document member (the
 * WebAuthn Credential) is left to its handler. Members the model does not know are ignored,
 * as the service ignores them.
 */
export function validateInput(operation: string, body: unknown): Record<string, unknown> {
  const model = operationModel(operation);
  if (!model) throw new Error(`No model for ${operation}`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidParameter('Request body must be a JSON object.');
  }
  const input = body as Record<string, unknown>;
  const problems: string[] = [];
  checkMembers('', input, model.input, problems);
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
    throw invalidParameter(`${count}: ${problems.join('; ')}`);
  }
  return input;
}
