import DataLoader from 'dataloader';
import type { Model } from 'mongoose';
import type { AssignmentViewer } from '../assignments/assignment-visibility.rules.js';
import { aggregateVisibilityFilter } from '../statistics/matter-statistics.rules.js';
import type { AssignmentRecord } from '../assignments/assignment.model.js';
import { chinaWeekContaining } from '../clock/china-time.js';
import { figuresPipeline, NO_MATTERS, type FigureCounts } from './board-figures.rules.js';

/**
 * Per request: the figures of every division asked for in one tick, from one aggregation over
 * the matters the viewer may see — so a board, or a list of divisions with their figures, costs
 * one query. It counts what `aggregateVisibilityFilter` lets the viewer count: analysts and office
 * leadership the whole office within their clearance, everybody else the matters they may open.
 */
export function assignmentFiguresLoader(
  assignments: Model<AssignmentRecord>,
  viewer: AssignmentViewer,
  now: () => Date,
): DataLoader<string, FigureCounts> {
  return new DataLoader<string, FigureCounts>(async (divisionIds) => {
    const at = now();
    const match = {
      $and: [aggregateVisibilityFilter(viewer), { leadDivisionId: { $in: [...divisionIds] } }],
    };
    const groups = await assignments.aggregate<FigureCounts & { _id: string }>(
      figuresPipeline(match, at, chinaWeekContaining(at).end),
    );
    const byDivision = new Map(groups.map(({ _id, ...counts }) => [_id, counts]));
    return divisionIds.map((id) => byDivision.get(id) ?? NO_MATTERS);
  });
}
