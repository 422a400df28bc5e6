import type { Clock } from '../src/clock/clock.js';

const HOUR_MS = 3_600_000;

/** A clock tests move by hand, so deadlines pass without waiting for them. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = new Date(instant);
  }

  advanceHours(hours: number): Date {
    this.current = new Date(this.current.getTime() + hours * HOUR_MS);
    return this.now();
  }
}
