/** The locale the words below are in: relative times ("2 hours ago") are said in it too. */
export const DEVICE_MESSAGES_LOCALE = 'en';

/**
 * Every word the Devices section says, in one place (translations will turn this module into a
 * catalog). `name` is always the device's label: the name that tells it apart from the others.
 */
export const deviceMessages = {
  listLabel: 'Your devices',
  thisDevice: 'This device',
  notRemembered: 'Not remembered',
  lastActive: (ago: string) => `Last active ${ago}`,
  firstSeen: (ago: string) => `First seen ${ago}`,
  lastActiveUnknown: 'Last active: not known',
  actionsFor: (name: string) => `Actions for ${name}`,
  details: 'Details',
  detailsFor: (name: string) => ` of ${name}`,
  detailLastSignedIn: 'Last signed in',
  detailFirstSeen: 'First seen',
  detailLastIp: 'Last IP address',
  detailRemembered: 'Remembered',
  yes: 'Yes',
  no: 'No',
  notKnown: 'Not known',
  showAll: (total: number) => `Show all ${total} devices`,
  showRecent: 'Show only the most recent devices',
  hiddenCount: (hidden: number) => (hidden === 1 ? '1 older device is not shown.' : `${hidden} older devices are not shown.`),
  incomplete: 'Not every device is shown: there are too many to list at once. Forget the ones you no longer use, then reload this page to see the rest.',
  loadFailed: 'Your devices could not be loaded.',

  // Actions (menu items) and their results.
  remember: 'Remember',
  stopRemembering: 'Stop remembering',
  forget: 'Forget',
  saving: 'Saving…',
  remembered: (name: string) => `${name} is now remembered.`,
  noLongerRemembered: (name: string) => `${name} is no longer remembered.`,
  rememberGone: (name: string) => `${name} is no longer one of your devices; it may have been forgotten elsewhere. The list has been updated.`,
  rememberNeedsStepUp: (name: string) => `Nothing was changed yet: confirm it’s you to change whether ${name} is remembered.`,
  rememberResumed: (name: string, remembered: boolean) =>
    `Thanks, that’s confirmed. Select “${remembered ? 'Stop remembering' : 'Remember'}” for ${name} to carry on.`,
  forgotten: (name: string) => `${name} was forgotten.`,
  alreadyForgotten: (name: string) => `${name} had already been forgotten, perhaps from another device. The list has been updated.`,
  forgetNeedsStepUp: (name: string) => `Nothing was changed yet: confirm it’s you to forget ${name}.`,

  // The one confirmation for forgetting.
  forgetTitle: (name: string) => `Forget ${name}?`,
  forgetConfirm: 'Forget device',
  forgetPending: 'Forgetting…',
  forgetThisDevice: [
    'This is the browser you are using now. It will be forgotten and removed from this list.',
    'You stay signed in here until this session ends; the next time you sign in from this browser, it counts as a new device.',
  ],
  forgetOtherDevice: (name: string) => [
    `${name} will be removed from your devices and will no longer be remembered.`,
    'The next time it signs in, it will need to go through every sign-in check again.',
  ],
} as const;
