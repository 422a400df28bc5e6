/**
 * Where the service learns the time. Deadlines, overdue detection and escalation all depend on
 * it, so it is injected (`createResponsibilitySubgraph({ clock })`) and tests drive time by hand
 * instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
