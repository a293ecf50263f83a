/**
 * The one name in `after` that `before` did not have (counting repeats, so a second "Passkey"
 * beside an older one is found too). Throws unless exactly one was added: the story must know
 * which passkey is its own before it deletes anything.
 */
export function addedName(before: readonly string[], after: readonly string[]): string {
  const left = [...before];
  const added: string[] = [];
  for (const name of after) {
    const at = left.indexOf(name);
    if (at >= 0) left.splice(at, 1);
    else added.push(name);
  }
  if (added.length !== 1 || left.length !== 0) {
    throw new Error(`Expected one passkey more, named differently or not; the list went from [${before.join(', ')}] to [${after.join(', ')}].`);
  }
  return added[0]!;
}

/** `names` without one occurrence of `name`. */
export function withoutOne(names: readonly string[], name: string): string[] {
  const at = names.indexOf(name);
  return at < 0 ? [...names] : [...names.slice(0, at), ...names.slice(at + 1)];
}
