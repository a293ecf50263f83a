/** How a shared name is told apart in a language: "Chrome on Linux (2 of 3)". */
export type PlaceLabel = (name: string, place: number, total: number) => string;
const inEnglish: PlaceLabel = (name, place, total) => `${name} (${place} of ${total})`;

/**
 * Names to tell the items of a list apart by, for their buttons (a screen reader lists "Forget
 * device Chrome on Linux" or "Delete passkey YubiKey 5 Series" twice otherwise): a name shared by
 * several items gets its place among them, "Chrome on Linux (2 of 3)", in the order listed. A
 * name used once stays as it is. `placed` says it in another language (a catalog's message).
 */
export function distinctLabels(names: readonly string[], placed: PlaceLabel = inEnglish): string[] {
  const totals = new Map<string, number>();
  for (const name of names) totals.set(name, (totals.get(name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return names.map((name) => {
    const total = totals.get(name)!;
    if (total === 1) return name;
    const place = (seen.get(name) ?? 0) + 1;
    seen.set(name, place);
    return placed(name, place, total);
  });
}

/** distinctLabels for a list of things, keyed by each one's ID: plain data for a client component. */
export function distinctLabelsByKey<T>(items: readonly T[], keyOf: (item: T) => string, nameOf: (item: T) => string, place?: PlaceLabel): Record<string, string> {
  const labels = distinctLabels(items.map(nameOf), place);
  return Object.fromEntries(items.map((item, index) => [keyOf(item), labels[index]]));
}
