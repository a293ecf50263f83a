// The user pool's attribute schema and an app client's read and write permissions, as Cognito
// applies them to GetUser, UpdateUserAttributes and the ID token.
import { invalidParameter, notAuthorized } from './errors';
import type { AppClient, User } from './store';

/** A custom attribute of the pool's schema: always a string here, as the portal needs. */
export type CustomAttribute = { name: string; minLength: number; maxLength: number };

/** Cognito's limits for custom attributes: `custom:` prefix, at most 50 per pool, strings up to 2,048 characters. */
export const CUSTOM_PREFIX = 'custom:';
export const MAX_CUSTOM_ATTRIBUTES = 50;
export const MAX_STRING_ATTRIBUTE_LENGTH = 2048;
/** AttributeNameType is 1–32 characters, the `custom:` prefix included. */
const MAX_ATTRIBUTE_NAME_LENGTH = 32;

/** The standard (OIDC) attributes every pool has. `sub` is always readable and never writable. */
export const STANDARD_ATTRIBUTES = [
  'address', 'birthdate', 'email', 'email_verified', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'phone_number_verified', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];
/** A new app client's default: the verified flags are readable but not writable by the user. */
const STANDARD_WRITABLE = STANDARD_ATTRIBUTES.filter((name) => !name.endsWith('_verified'));

/** Every standard attribute and every custom one is readable; every one but the verified flags is writable. */
export function defaultClientPermissions(customAttributes: CustomAttribute[]): { readAttributes: string[]; writeAttributes: string[] } {
  const custom = customAttributes.map((a) => a.name);
  return { readAttributes: [...STANDARD_ATTRIBUTES, ...custom], writeAttributes: [...STANDARD_WRITABLE, ...custom] };
}

/** A client's permissions; a client created without lists may read and write every attribute, as at Cognito. */
function permissionsOf(client: AppClient | undefined, customAttributes: CustomAttribute[]) {
  const defaults = defaultClientPermissions(customAttributes);
  return { read: new Set(client?.readAttributes ?? defaults.readAttributes), write: new Set(client?.writeAttributes ?? defaults.writeAttributes) };
}

/** Checks a declared schema (configuration or the control API); throws an Error naming the problem. */
export function validateCustomAttributes(value: unknown): CustomAttribute[] {
  if (!Array.isArray(value)) throw new Error('custom attributes must be a list of {name, minLength?, maxLength?}');
  if (value.length > MAX_CUSTOM_ATTRIBUTES) throw new Error(`a pool has at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes`);
  const seen = new Set<string>();
  return value.map((entry: unknown) => {
    const { name, minLength = 0, maxLength = MAX_STRING_ATTRIBUTE_LENGTH, ...rest } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !name.startsWith(CUSTOM_PREFIX) || name.length <= CUSTOM_PREFIX.length || name.length > MAX_ATTRIBUTE_NAME_LENGTH || !/^custom:[\w.-]+$/.test(name)) {
      throw new Error(`a custom attribute's name is "custom:" and 1–${MAX_ATTRIBUTE_NAME_LENGTH - CUSTOM_PREFIX.length} letters, digits, _ . or - (got ${JSON.stringify(name)})`);
    }
    if (seen.has(name)) throw new Error(`${name} is declared twice`);
    seen.add(name);
    if (Object.keys(rest).length > 0) throw new Error(`${name}: unknown setting ${Object.keys(rest).join(', ')}`);
    const length = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_STRING_ATTRIBUTE_LENGTH;
    if (!length(minLength) || !length(maxLength) || (minLength as number) > (maxLength as number)) {
      throw new Error(`${name}: minLength and maxLength are whole numbers with 0 ≤ minLength ≤ maxLength ≤ ${MAX_STRING_ATTRIBUTE_LENGTH}`);
    }
    return { name, minLength: minLength as number, maxLength: maxLength as number };
  });
}

/** Checks a client's ReadAttributes or WriteAttributes list against the schema. */
export function validatePermissionList(value: unknown, customAttributes: CustomAttribute[], what: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`${what} must be a list of attribute names`);
  const known = new Set([...STANDARD_ATTRIBUTES, ...customAttributes.map((a) => a.name)]);
  const unknown = value.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`${what} names attributes the pool does not have: ${unknown.join(', ')}`);
  return [...new Set(value)];
}

/** The user's attributes this client may read: `sub` always, others when its ReadAttributes lists them and the schema has them. */
export function readableAttributes(user: User, client: AppClient | undefined, customAttributes: CustomAttribute[]): [string, string][] {
  const declared = new Set(customAttributes.map((a) => a.name));
  const readable = permissionsOf(client, customAttributes).read;
  return Object.entries(user.attributes).filter(
    ([name]) => name === 'sub' || (readable.has(name) && (!name.startsWith(CUSTOM_PREFIX) || declared.has(name))),
  );
}

/**
 * Checks an UpdateUserAttributes request and returns the values to store. As Cognito answers:
 * an attribute the schema does not have, a missing value, or a value outside the attribute's
 * length limits is InvalidParameterException, every problem on its own line ("user.<name>: …",
 * the form captured in aws-amplify/amplify-flutter#1531); an attribute the app client's
 * WriteAttributes does not list is NotAuthorizedException "A client attempted to write
 * unauthorized attribute" (aws/aws-sdk-js#1319, aws-amplify/amplify-js#5345).
 */
export function checkAttributeUpdate(updates: { Name: string; Value?: string }[], client: AppClient, customAttributes: CustomAttribute[]): Map<string, string> {
  const schema = new Map(customAttributes.map((a) => [a.name, a]));
  const problems: string[] = [];
  const values = new Map<string, string>();
  for (const { Name, Value } of updates) {
    const custom = schema.get(Name);
    if (Name === 'sub' || (!custom && !STANDARD_ATTRIBUTES.includes(Name))) {
      problems.push(`user.${Name}: Attribute does not exist in the schema.`);
      continue;
    }
    if (Value === undefined) {
      problems.push(`user.${Name}: Attribute value for ${Name} must not be null`);
      continue;
    }
    const [min, max] = custom ? [custom.minLength, custom.maxLength] : [0, MAX_STRING_ATTRIBUTE_LENGTH];
    if (Value.length > max) problems.push(`user.${Name}: String must be no longer than ${max} characters`);
    else if (Value.length < min) problems.push(`user.${Name}: String must be no shorter than ${min} characters`);
    else values.set(Name, Value);
  }
  if (problems.length > 0) throw invalidParameter(`${problems.join('\n')}\n`);
  const writable = permissionsOf(client, customAttributes).write;
  if ([...values.keys()].some((name) => !writable.has(name))) throw notAuthorized('A client attempted to write unauthorized attribute');
  return values;
}
