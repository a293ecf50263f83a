import { Fragment, type ReactNode } from 'react';

/** Stands in for the name while the message is formatted (a character no message contains). */
const SLOT = '\u0000';

/**
 * A message with `{name}` in it ("Signed in as {name}", "For {name}. …"), with the name in <strong>
 * wherever the language puts it (a later `{name}` in the same message stays plain). For server and
 * client components alike: `format` is the namespace's `t` with the key, e.g. `(v) => t('signedInAs', v)`.
 * The name is the person's own, not the portal's words: marked translate="no", so browser
 * translators leave it alone and the pseudo-locale sweep (e2e/support/pseudo-sweep.ts) skips it.
 */
export function strongName(format: (values: { name: string }) => string, name: string): ReactNode {
  const [first, ...rest] = format({ name: SLOT }).split(SLOT);
  return (
    <>
      {first}
      {rest.map((part, i) => (
        <Fragment key={i}>
          {i === 0 ? (
            <strong translate="no">
              <bdi>{name}</bdi>
            </strong>
          ) : (
            <bdi translate="no">{name}</bdi>
          )}
          {part}
        </Fragment>
      ))}
    </>
  );
}
