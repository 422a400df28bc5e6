import { rejectProblems } from '@heli/subgraph-runtime';
import type { HeliClaims } from '@heli/auth';
import type { Outbox } from '@heli/subgraph-runtime';
import type { SharingModels } from '../models.js';
import { newEntityId } from '../records/entity-id.js';
import { writeSharing, type SharingWrite } from '../records/sharing-write.js';
import { compileInfoDigest } from './info-collection.commands.js';
import type { DigestScheduleRecord } from './info-collection.model.js';
import { nextScheduledRun } from './info-collection.rules.js';

export interface ScheduleInput {
  title: string;
  everyDays: number;
  firstRunAt: Date;
  staffIds: string[];
  divisionIds: string[];
  readingHours: number;
}

/** 定期分送: the secretariat (checked by the caller) sets up a digest that goes out every `everyDays`. */
export async function scheduleInfoDigest(
  write: SharingWrite,
  owner: HeliClaims,
  input: ScheduleInput,
  now: Date,
): Promise<DigestScheduleRecord> {
  rejectProblems([
    input.title.trim() ? null : '汇编名称不能为空',
    Number.isInteger(input.everyDays) && input.everyDays >= 1 && input.everyDays <= 366
      ? null
      : '周期须为 1 到 366 天',
    input.firstRunAt.getTime() > now.getTime() ? null : '首次分送时间必须晚于现在',
    input.staffIds.length + input.divisionIds.length > 0 ? null : '请至少选择一个分送对象',
    Number.isInteger(input.readingHours) && input.readingHours >= 1
      ? null
      : '阅知时限须为正整数小时',
  ]);
  const schedule: DigestScheduleRecord = {
    _id: newEntityId('schedule'),
    title: input.title.trim(),
    everyDays: input.everyDays,
    nextRunAt: input.firstRunAt,
    recipientStaffIds: input.staffIds,
    recipientDivisionIds: input.divisionIds,
    readingHours: input.readingHours,
    ownerStaffId: owner.sub,
    ownerDivisionId: owner.divisionId!,
    ownerOfficeId: owner.officeId,
    active: true,
  };
  await write.models.digestSchedules.create([schedule], { session: write.session });
  return schedule;
}

/**
 * Sends every schedule that is due: a digest of the adopted items not yet sent, in the name of
 * the secretary who set the schedule up. A period with nothing adopted sends nothing. Each
 * schedule advances in the same transaction as its digest, so a run is never sent twice.
 */
export async function runDueDigestSchedules(
  scope: { models: SharingModels; outbox: Outbox },
  now: Date,
): Promise<number> {
  const due = await scope.models.digestSchedules
    .find({ active: true, nextRunAt: { $lte: now } })
    .lean<DigestScheduleRecord[]>();
  let sent = 0;
  for (const schedule of due) {
    sent += await writeSharing(scope, async (write) => {
      const advanced = await write.models.digestSchedules.updateOne(
        { _id: schedule._id, nextRunAt: schedule.nextRunAt },
        { $set: { nextRunAt: nextScheduledRun(schedule.nextRunAt, schedule.everyDays, now) } },
        { session: write.session },
      );
      if (advanced.modifiedCount === 0) return 0;
      const pending = await write.models.infoSubmissions
        .countDocuments({ status: 'ADOPTED', digestIds: { $size: 0 } })
        .session(write.session);
      if (pending === 0) return 0;
      await compileInfoDigest(
        write,
        scheduleOwner(schedule),
        {
          title: `${schedule.title}（${now.toISOString().slice(0, 10)}）`,
          delivery: {
            kind: 'distribution',
            staffIds: schedule.recipientStaffIds,
            divisionIds: schedule.recipientDivisionIds,
            readingHours: schedule.readingHours,
          },
          scheduleId: schedule._id,
        },
        now,
      );
      return 1;
    });
  }
  return sent;
}

/**
 * The secretary a scheduled digest is sent in the name of. A digest is INTERNAL, so that
 * clearance is all the run needs, whatever the secretary's own.
 */
function scheduleOwner(schedule: DigestScheduleRecord): HeliClaims {
  return {
    sub: schedule.ownerStaffId,
    name: schedule.ownerStaffId,
    divisionId: schedule.ownerDivisionId,
    officeId: schedule.ownerOfficeId,
    roles: ['STAFF'],
    clearance: 'INTERNAL',
  };
}
