import type { OperationHandler, PoolContext } from '../context';
import { notAuthorized, resourceNotFound } from '../errors';
import { operationModel } from '../model/model-table';
import { paginate } from '../pagination';
import { nowSeconds, type Device } from '../store';

/** The model's largest page (Limit 0–60); 0 or no Limit means a full page. */
const MAX_DEVICES_PAGE = operationModel('ListDevices').input.Limit.max!;

/** DeviceType as Cognito returns it: the attributes Cognito keeps for a device, dates in epoch seconds. */
export function describeDevice(device: Device) {
  return {
    DeviceKey: device.deviceKey,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      { Name: 'device_name', Value: device.name },
      { Name: 'dev:device_remembered_status', Value: device.remembered },
      { Name: 'last_ip_used', Value: device.lastIp },
    ],
    DeviceCreateDate: device.createdAt,
    DeviceLastModifiedDate: device.lastModifiedAt,
    DeviceLastAuthenticatedDate: device.lastAuthenticatedAt,
  };
}

async function caller(ctx: PoolContext, accessToken: unknown) {
  // The model leaves AccessToken optional on GetDevice and ForgetDevice (IAM callers); the pool has no IAM.
  if (typeof accessToken !== 'string') throw notAuthorized('Access Token is required');
  return ctx.tokens.verifyAccessToken(accessToken);
}

function ownDevice(ctx: PoolContext, sub: string, deviceKey: string): Device {
  const device = ctx.store.state.devices.find((d) => d.deviceKey === deviceKey && d.sub === sub);
  if (!device) throw resourceNotFound('Device does not exist.');
  return device;
}

export const listDevices: OperationHandler = async (input, ctx) => {
  const { user } = await caller(ctx, input.AccessToken);
  const limit = (input.Limit as number | undefined) || MAX_DEVICES_PAGE;
  const devices = ctx.store.state.devices.filter((d) => d.sub === user.sub).sort((a, b) => (a.deviceKey < b.deviceKey ? -1 : 1));
  const { page, next } = paginate(devices, (d) => d.deviceKey, {
    secret: ctx.store.state.secret,
    operation: 'ListDevices',
    sub: user.sub,
    limit,
    token: input.PaginationToken as string | undefined,
  });
  return { Devices: page.map(describeDevice), ...(next ? { PaginationToken: next } : {}) };
};

export const getDevice: OperationHandler = async (input, ctx) => {
  const { user } = await caller(ctx, input.AccessToken);
  return { Device: describeDevice(ownDevice(ctx, user.sub, input.DeviceKey as string)) };
};

export const forgetDevice: OperationHandler = async (input, ctx) => {
  const { user } = await caller(ctx, input.AccessToken);
  const device = ownDevice(ctx, user.sub, input.DeviceKey as string);
  ctx.store.state.devices = ctx.store.state.devices.filter((d) => d !== device);
  await ctx.store.commit();
  return {};
};

export const updateDeviceStatus: OperationHandler = async (input, ctx) => {
  const { user } = await caller(ctx, input.AccessToken);
  const device = ownDevice(ctx, user.sub, input.DeviceKey as string);
  const status = input.DeviceRememberedStatus as Device['remembered'] | undefined;
  if (status && status !== device.remembered) {
    device.remembered = status;
    device.lastModifiedAt = nowSeconds();
    await ctx.store.commit();
  }
  return {};
};
