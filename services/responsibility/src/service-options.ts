import type { Clock } from './clock/clock.js';
import type { SupervisionSettings } from './supervision/supervision-settings.js';

/** What the features of the service are built with besides the runtime. */
export interface ServiceOptions {
  clock: Clock;
  supervision: SupervisionSettings;
  /** Days given to a matter made from an instruction or decision without a deadline. */
  intakeDefaultDeadlineDays: number;
}
