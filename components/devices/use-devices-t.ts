import { useT } from '@/components/i18n/client-messages';
import type { DevicesPanelKey, DevicesT } from '@/lib/format/device-messages';

/**
 * `t` for the `devices` catalog in the browser, limited to the keys its provider sends
 * (lib/format/device-messages.ts): a key that is not sent does not compile.
 */
export function useDevicesT<Key extends string = DevicesPanelKey>(): DevicesT<Key> {
  return useT('devices');
}
