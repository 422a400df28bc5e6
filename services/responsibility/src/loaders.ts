import {
  byIdLoader,
  groupedLoader,
  groupedPageLoaders,
  type LoaderScope,
} from '@heli/subgraph-runtime';
import type { Clock } from './clock/clock.js';
import { assignmentFiguresLoader } from './leadership-board/assignment-figures.loader.js';
import type { AssignmentRecord } from './assignments/assignment.model.js';
import { assignmentVisibilityFilter } from './assignments/assignment-visibility.rules.js';
import { difficultyVisibilityFilter } from './difficulties/difficulties.rules.js';
import type { ResponsibilityModels } from './models.js';

/** Per-request DataLoaders: every lookup by id, `__resolveReference` included, batches here. */
export function createResponsibilityLoaders(
  { models, viewer }: LoaderScope<ResponsibilityModels>,
  clock: Clock,
) {
  const visibleMatters = assignmentVisibilityFilter(viewer);
  return {
    /**
     * The request's time: lists filtered by it (overdue matters) use one instant, so the pages of
     * every parent in a request share a grouped loader.
     */
    now: clock.now(),
    office: byIdLoader(models.offices),
    division: byIdLoader(models.divisions),
    staff: byIdLoader(models.staff),
    /** Matters by id, null for those the viewer may not see: the only way to load one by id. */
    assignment: byIdLoader(models.assignments, { filter: visibleMatters }),
    subAssignments: groupedLoader(models.assignments, 'parentId', {
      filter: visibleMatters,
      sort: { createdAt: 1, _id: 1 },
    }),
    // Roll-up reads every sub-matter's status and percent — they share the parent's
    // classification, so no figure above the viewer's clearance can leak through it.
    subMatterProgress: groupedLoader<AssignmentRecord>(models.assignments, 'parentId'),
    /** The top-level matter made of each instruction (by its id), if the viewer may see it. */
    mattersFromInstruction: groupedLoader(models.assignments, 'sourceRef', {
      filter: { $and: [visibleMatters, { source: 'INSTRUCTION', parentId: null }] },
    }),
    difficulty: byIdLoader(models.difficulties, { filter: difficultyVisibilityFilter(viewer) }),
    progressReport: byIdLoader(models.progressReports),
    reminders: groupedLoader(models.reminders, 'assignmentId', { sort: { sentAt: 1, _id: 1 } }),
    difficultiesOfAssignment: groupedLoader(models.difficulties, 'assignmentId', {
      filter: difficultyVisibilityFilter(viewer),
      sort: { raisedAt: 1, _id: 1 },
    }),
    assignmentFigures: assignmentFiguresLoader(models.assignments, viewer, () => clock.now()),
    /** Pages of nested lists, one command for every parent of a list (see groupedPageLoaders). */
    divisionStaffPages: groupedPageLoaders(models.staff, 'divisionId'),
    officeDivisionPages: groupedPageLoaders(models.divisions, 'officeId'),
    progressReportPages: groupedPageLoaders(models.progressReports, 'assignmentId'),
    divisionAssignmentPages: groupedPageLoaders(models.assignments, [
      'leadDivisionId',
      'coDivisionIds',
    ]),
    leadAssignmentPages: groupedPageLoaders(models.assignments, 'leadDivisionId'),
    staffAssignmentPages: groupedPageLoaders(models.assignments, 'responsibleStaffIds'),
    duties: groupedLoader(models.duties, 'divisionId', { sort: { createdAt: 1, _id: 1 } }),
  };
}

export type ResponsibilityLoaders = ReturnType<typeof createResponsibilityLoaders>;
