// Builds the small table of Cognito's service model that the local pool enforces:
// for each operation it implements, the input members with their constraints and
// the errors it may raise, plus each error's HTTP status. Source: the official
// model in ../shared/reference (service-2 JSON for members and error lists, which
// is newer; Smithy JSON for the httpError status codes, which service-2 omits).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const IMPLEMENTED_OPERATIONS = [
  'InitiateAuth',
  'RespondToAuthChallenge',
  'GetUser',
  'UpdateUserAttributes',
  'GetUserAuthFactors',
  'GetTokensFromRefreshToken',
  'ListWebAuthnCredentials',
  'StartWebAuthnRegistration',
  'CompleteWebAuthnRegistration',
  'DeleteWebAuthnCredential',
  'ListDevices',
  'GetDevice',
  'ForgetDevice',
  'UpdateDeviceStatus',
  'GlobalSignOut',
  'RevokeToken',
] as const;

export type MemberConstraint = {
  shape: string;
  type: string;
  required: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  /** A structure's members (absent for a document, which is free-form JSON). */
  members?: Record<string, MemberConstraint>;
  /** A Smithy document: any JSON value (the WebAuthn Credential). */
  document?: true;
  /** A map's keys and values. */
  key?: MemberConstraint;
  value?: MemberConstraint;
  /** A list's items. */
  member?: MemberConstraint;
};

export type ModelTable = {
  source: string;
  apiVersion: string;
  targetPrefix: string;
  operations: Record<string, { input: Record<string, MemberConstraint>; errors: string[] }>;
  errors: Record<string, { httpStatus: number; fault: 'client' | 'server' }>;
};

type ServiceShape = {
  type: string;
  members?: Record<string, { shape: string }>;
  key?: { shape: string };
  value?: { shape: string };
  member?: { shape: string };
  document?: boolean;
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  fault?: boolean;
};

type ServiceModel = {
  metadata: { apiVersion: string; targetPrefix: string };
  operations: Record<string, { input?: { shape: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, ServiceShape>;
};

type SmithyModel = { shapes: Record<string, { traits?: Record<string, unknown> }> };

/** The constraints of one shape, with those of the shapes nested in it (structure members, map keys and values, list items). */
function constraintOf(service: ServiceModel, shapeName: string, required: boolean, path: string[]): MemberConstraint {
  if (path.includes(shapeName)) throw new Error(`Recursive shape ${[...path, shapeName].join(' → ')}: the table cannot hold it`);
  const shape = service.shapes[shapeName];
  if (!shape) throw new Error(`Shape ${shapeName} is not in the service model`);
  const constraint: MemberConstraint = { shape: shapeName, type: shape.type, required };
  if (shape.min !== undefined) constraint.min = shape.min;
  if (shape.max !== undefined) constraint.max = shape.max;
  if (shape.pattern !== undefined) constraint.pattern = shape.pattern;
  if (shape.enum !== undefined) constraint.enum = [...shape.enum];
  const inner = [...path, shapeName];
  if (shape.type === 'structure') {
    if (shape.document) constraint.document = true;
    else constraint.members = membersOf(service, shapeName, inner);
  }
  if (shape.key) constraint.key = constraintOf(service, shape.key.shape, true, inner);
  if (shape.value) constraint.value = constraintOf(service, shape.value.shape, true, inner);
  if (shape.member) constraint.member = constraintOf(service, shape.member.shape, true, inner);
  return constraint;
}

function membersOf(service: ServiceModel, structureName: string, path: string[]): Record<string, MemberConstraint> {
  const structure = service.shapes[structureName];
  const required = new Set(structure.required ?? []);
  const members: Record<string, MemberConstraint> = {};
  for (const [member, ref] of Object.entries(structure.members ?? {})) members[member] = constraintOf(service, ref.shape, required.has(member), path);
  return members;
}

export function buildModelTable(referenceDir: string): ModelTable {
  const service = JSON.parse(readFileSync(join(referenceDir, 'cognito-idp.service-2.json'), 'utf8')) as ServiceModel;
  const smithy = JSON.parse(readFileSync(join(referenceDir, 'cognito-idp.smithy.json'), 'utf8')) as SmithyModel;

  const operations: ModelTable['operations'] = {};
  const errorNames = new Set<string>();
  for (const name of IMPLEMENTED_OPERATIONS) {
    const op = service.operations[name];
    if (!op?.input) throw new Error(`Operation ${name} is not in the service model`);
    const input = membersOf(service, op.input.shape, []);
    const errors = (op.errors ?? []).map((e) => e.shape).sort();
    errors.forEach((e) => errorNames.add(e));
    operations[name] = { input, errors };
  }

  const errors: ModelTable['errors'] = {};
  for (const name of [...errorNames].sort()) {
    const traits = smithy.shapes[`com.amazonaws.cognitoidentityprovider#${name}`]?.traits ?? {};
    const fault = traits['smithy.api#error'] === 'server' || service.shapes[name]?.fault ? 'server' : 'client';
    const httpStatus = typeof traits['smithy.api#httpError'] === 'number' ? (traits['smithy.api#httpError'] as number) : fault === 'server' ? 500 : 400;
    errors[name] = { httpStatus, fault };
  }

  return {
    source: 'Amazon Cognito user pools service model (cognito-idp 2016-04-18): shared/reference/cognito-idp.service-2.json for members and error lists, cognito-idp.smithy.json for HTTP status codes. Regenerate with `npm run pool:model`.',
    apiVersion: service.metadata.apiVersion,
    targetPrefix: service.metadata.targetPrefix,
    operations,
    errors,
  };
}

// `npm run pool:model` rewrites the committed table from the reference beside the repository.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const { writeFileSync } = await import('node:fs');
  const referenceDir = process.argv[2] ?? join(process.cwd(), '..', 'shared', 'reference');
  const table = buildModelTable(referenceDir);
  const target = new URL('./cognito-model.json', import.meta.url);
  writeFileSync(target, `${JSON.stringify(table, null, 2)}\n`);
  console.log(`Wrote ${target.pathname}`);
}
