import 'server-only';
import { z } from 'zod';

/**
 * What the device actions accept, checked before anything reaches Cognito: the service
 * model's DeviceKeyType (1–55 characters, `[\w-]+_[0-9a-f-]+`, anchored here because the
 * model's patterns are whole-value matches) and DeviceRememberedStatusType.
 */
export const DEVICE_KEY_MAX_LENGTH = 55;
export const DEVICE_KEY_PATTERN = /^[\w-]+_[0-9a-f-]+$/;

export const deviceKeySchema = z.string().min(1).max(DEVICE_KEY_MAX_LENGTH).regex(DEVICE_KEY_PATTERN);

export const DEVICE_REMEMBERED_STATUSES = ['remembered', 'not_remembered'] as const;
export type DeviceRememberedStatus = (typeof DEVICE_REMEMBERED_STATUSES)[number];

export const deviceRememberedStatusSchema = z.enum(DEVICE_REMEMBERED_STATUSES);

export const forgetDeviceInput = z.object({ deviceKey: deviceKeySchema }).strict();
export const setDeviceRememberedInput = z.object({ deviceKey: deviceKeySchema, status: deviceRememberedStatusSchema }).strict();

/** Whether a value is a device key Cognito could have issued. */
export const isDeviceKey = (value: unknown): value is string => deviceKeySchema.safeParse(value).success;
