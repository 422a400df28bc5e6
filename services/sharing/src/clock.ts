/**
 * Where the service learns the time. Due dates, overdue detection and schedules all read it, so
 * tests can move time forward instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests and the benchmark. */
export class ManualClock implements Clock {
  #now: Date;

  constructor(start: Date | string = '2026-03-02T01:00:00.000Z') {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  advanceHours(hours: number): Date {
    this.#now = new Date(this.#now.getTime() + hours * 3_600_000);
    return this.now();
  }

  set(time: Date | string): void {
    this.#now = new Date(time);
  }
}
