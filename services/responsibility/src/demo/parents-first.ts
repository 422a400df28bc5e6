import type { DemoOffice } from '@heli/demo-data';

/** The offices ordered so that every office comes after its parent. */
export function parentsFirst(offices: readonly DemoOffice[]): DemoOffice[] {
  const ids = new Set(offices.map((office) => office.id));
  const placed = new Set<string>();
  const ordered: DemoOffice[] = [];
  let pending = [...offices];
  while (pending.length > 0) {
    const ready = pending.filter(
      (office) =>
        office.parentId === null || !ids.has(office.parentId) || placed.has(office.parentId),
    );
    if (ready.length === 0) {
      throw new Error(
        `The demo offices' parents form a loop: ${pending.map((o) => o.id).join(', ')}`,
      );
    }
    for (const office of ready) {
      ordered.push(office);
      placed.add(office.id);
    }
    pending = pending.filter((office) => !placed.has(office.id));
  }
  return ordered;
}
