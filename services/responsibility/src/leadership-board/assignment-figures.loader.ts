import DataLoader from 'dataloader';
import type { Model } from 'mongoose';
import { visibleTo, type AssignmentViewer } from '../assignments/assignment-visibility.rules.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { chinaWeekContaining } from '../clock/china-time.js';
import { figuresPipeline, NO_MATTERS, type FigureCounts } from './board-figures.rules.js';

/**
 * Per request: the figures of every division asked for in one tick, from one aggregation over
 * the matters the viewer may see — so a board, or a list of divisions with their figures, costs
 * one query and never counts a matter the viewer could not open.
 */
export function assignmentFiguresLoader(
  assignments: Model<AssignmentRecord>,
  viewer: AssignmentViewer,
  now: () => Date,
): DataLoader<string, FigureCounts> {
  return new DataLoader<string, FigureCounts>(async (divisionIds) => {
    const at = now();
    const match = visibleTo(viewer, { leadDivisionId: { $in: [...divisionIds] } });
    const groups = await assignments.aggregate<FigureCounts & { _id: string }>(
      figuresPipeline(match, at, chinaWeekContaining(at).end),
    );
    const byDivision = new Map(groups.map(({ _id, ...counts }) => [_id, counts]));
    return divisionIds.map((id) => byDivision.get(id) ?? NO_MATTERS);
  });
}
