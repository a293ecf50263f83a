import { invalidParameter } from './errors';
import { operationModel, type MemberConstraint } from './model/model-table';

const patternCache = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    // The model's patterns are whole-value matches (Java's Matcher.matches()).
    re = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

const wireName = (member: string) => member.charAt(0).toLowerCase() + member.slice(1);

function typeMatches(value: unknown, type: string): boolean {
  switch (type) {
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
      return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
    case 'structure':
      // Document members (a WebAuthn credential) are free-form JSON; structures are objects.
      return value !== undefined;
    default:
      return true;
  }
}

function checkMember(member: string, value: unknown, c: MemberConstraint): string | undefined {
  const at = `Value at '${wireName(member)}' failed to satisfy constraint: Member must`;
  if (!typeMatches(value, c.type)) return `${at} be of type ${c.type}`;
  if (c.type === 'string') {
    const text = value as string;
    // Lengths count Unicode code points, as the service does.
    const length = [...text].length;
    if (c.min !== undefined && length < c.min) return `${at} have length greater than or equal to ${c.min}`;
    if (c.max !== undefined && length > c.max) return `${at} have length less than or equal to ${c.max}`;
    if (c.pattern !== undefined && !compile(c.pattern).test(text)) return `${at} satisfy regular expression pattern: ${c.pattern}`;
    if (c.enum && !c.enum.includes(text)) return `${at} satisfy enum value set: [${c.enum.join(', ')}]`;
  }
  if (c.type === 'integer' || c.type === 'long') {
    const n = value as number;
    if (c.min !== undefined && n < c.min) return `${at} have value greater than or equal to ${c.min}`;
    if (c.max !== undefined && n > c.max) return `${at} have value less than or equal to ${c.max}`;
  }
  return undefined;
}

/**
 * Checks a request body against the operation's input shape in Cognito's model and
 * throws InvalidParameterException with the service's wording when it does not fit.
 * Members the model does not know are ignored, as the service ignores them.
 */
export function validateInput(operation: string, body: unknown): Record<string, unknown> {
  const model = operationModel(operation);
  if (!model) throw new Error(`No model for ${operation}`);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidParameter('Request body must be a JSON object.');
  }
  const input = body as Record<string, unknown>;
  const problems: string[] = [];
  for (const [member, constraint] of Object.entries(model.input)) {
    const value = input[member];
    if (value === undefined || value === null) {
      if (constraint.required) problems.push(`Value null at '${wireName(member)}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    const problem = checkMember(member, value, constraint);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) {
    const count = problems.length === 1 ? '1 validation error detected' : `${problems.length} validation errors detected`;
    throw invalidParameter(`${count}: ${problems.join('; ')}`);
  }
  return input;
}
