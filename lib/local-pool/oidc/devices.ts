import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PoolContext } from '../context';
import { parseCookies, requestInfo } from '../http';
import { operationModel } from '../model/model-table';
import { nowSeconds, type Device, type User } from '../store';
import { compile } from '../validate';
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, poolCookie } from './cookies';
import { deviceNameFromUserAgent } from './user-agent';

/** Cognito's DeviceKeyType, from the model: its pattern (`[\w-]+_[0-9a-f-]+`) and length (1–55). */
const DEVICE_KEY_TYPE = operationModel('GetDevice').input.DeviceKey;
const DEVICE_KEY = compile(DEVICE_KEY_TYPE.pattern!);
const MAX_DEVICE_KEY_LENGTH = DEVICE_KEY_TYPE.max!;
const isDeviceKey = (value: string) => value.length <= MAX_DEVICE_KEY_LENGTH && DEVICE_KEY.test(value);

export const newDeviceKey = (region: string) => `${region}_${randomUUID()}`;

/**
 * The device this browser's device cookie names, if it is this user's: the browser may be shared,
 * and a planted cookie must not touch someone else's device.
 */
export function browserDeviceOf(ctx: PoolContext, req: IncomingMessage, user: User): Device | undefined {
  const cookieKey = parseCookies(req)[deviceCookieName(ctx)];
  return cookieKey && isDeviceKey(cookieKey) ? ctx.store.state.devices.find((d) => d.deviceKey === cookieKey && d.sub === user.sub) : undefined;
}

/**
 * Records the browser a person just signed in with as one of their devices, as
 * Cognito's device tracking does, so the portal can list and forget it. The browser
 * keeps the device key in a long-lived cookie; signing in again from it refreshes the
 * same device instead of adding another. The caller commits the store.
 */
export function rememberBrowserDevice(ctx: PoolContext, req: IncomingMessage, user: User): { device: Device; setCookie: string } {
  const { ip, userAgent } = requestInfo(req);
  const now = nowSeconds();
  const name = deviceNameFromUserAgent(userAgent);
  const known = browserDeviceOf(ctx, req, user);

  let device: Device;
  if (known) {
    Object.assign(known, { name, userAgent, lastIp: ip, lastAuthenticatedAt: now, lastModifiedAt: now });
    device = known;
  } else {
    const deviceKey = newDeviceKey(ctx.store.state.pool.region);
    if (!isDeviceKey(deviceKey)) throw new Error(`Region ${ctx.store.state.pool.region} does not make a valid device key (${DEVICE_KEY_TYPE.pattern}, at most ${MAX_DEVICE_KEY_LENGTH} characters).`);
    device = { deviceKey, sub: user.sub, name, userAgent, lastIp: ip, remembered: ctx.config.deviceTracking.deviceOnlyRememberedOnUserPrompt ? 'not_remembered' : 'remembered', createdAt: now, lastModifiedAt: now, lastAuthenticatedAt: now };
    ctx.store.state.devices.push(device);
  }
  return { device, setCookie: poolCookie(ctx, deviceCookieName(ctx), device.deviceKey, DEVICE_COOKIE_MAX_AGE_SECONDS) };
}
