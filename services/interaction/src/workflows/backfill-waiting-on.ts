import type { InteractionModels } from '../models.js';

/**
 * Puts the open steps stored before `waitingOn` existed on their to-do list (the same answer as
 * `waitingOn` in workflow.rules.ts), once: only steps without the field are touched, so later
 * starts find nothing to do.
 */
export async function backfillWaitingOn(models: InteractionModels): Promise<number> {
  const result = await models.steps.updateMany({ waitingOn: { $exists: false } }, [
    {
      $set: {
        waitingOn: {
          $cond: [
            { $in: ['$status', ['OPEN', 'CLAIMED']] },
            {
              $cond: [
                { $eq: [{ $ifNull: ['$assigneeStaffId', null] }, null] },
                { $concat: ['division:', '$responsibleDivisionId'] },
                { $concat: ['staff:', '$assigneeStaffId'] },
              ],
            },
            null,
          ],
        },
      },
    },
  ]);
  return result.modifiedCount;
}
