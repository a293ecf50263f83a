/**
 * Names to tell devices apart by, for the buttons of each (a screen reader lists "Forget device
 * Chrome on Linux" twice otherwise): a name shared by several devices gets its place among them,
 * "Chrome on Linux (2 of 3)", in the order listed. A name used once stays as it is.
 */
export function distinctDeviceLabels(names: readonly string[]): string[] {
  const totals = new Map<string, number>();
  for (const name of names) totals.set(name, (totals.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const total = totals.get(name)!;
    if (total === 1) return name;
    const place = (seen.get(name) ?? 0) + 1;
    seen.set(name, place);
    return `${name} (${place} of ${total})`;
  });
}
