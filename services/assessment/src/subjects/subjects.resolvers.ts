import type { AssessmentResolvers } from '../context.js';
import { scoreSubject } from './score-subject.js';

export const subjectsResolvers: AssessmentResolvers = {
  ScoreEntry: {
    subject: async (entry, _, ctx) => {
      const stored = await ctx.loaders.scoringEvent.load(entry.source.eventId);
      return stored
        ? scoreSubject(stored.item, stored.envelope.data as Record<string, unknown>)
        : null;
    },
  },
  InspectedItem: {
    subject: async (item, _, ctx) => {
      // A reading names its document and a step its case only in the event it came from.
      const stored = await ctx.loaders.scoringEventOfItem.load(item.id);
      return scoreSubject(
        item,
        (stored?.envelope.data as Record<string, unknown> | undefined) ?? null,
      );
    },
  },
};
