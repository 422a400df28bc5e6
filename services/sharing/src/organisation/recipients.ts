import { rejectProblems } from '@heli/subgraph-runtime';
import { canRead, type Classification } from '@heli/auth';
import type { SharingWrite } from '../records/sharing-write.js';
import { recipientProblems } from './directory.rules.js';

/**
 * Refuses, with one BAD_USER_INPUT naming each of them, people and divisions the directory does
 * not know, people who have left and, given the document, people not cleared to read it. Called by the mutations before anything is written; the
 * demo loader and scheduled runs do not go through it (the directory may not be synced yet when
 * the demo loads, and a schedule's recipients were checked when it was set up).
 *
 * Until the directory has taken in anyone of the sender's office (a fresh start, before
 * responsibility's events arrive) it cannot tell unknown from not-yet-heard-of, so only people
 * it knows to have left are refused then; refusing everyone would stop all sending for that time.
 */
export async function rejectUnfitRecipients(
  { models, session }: Pick<SharingWrite, 'models' | 'session'>,
  sender: { officeId: string },
  named: { staffIds?: readonly string[] | null; divisionIds?: readonly string[] | null },
  document?: { classification: Classification },
): Promise<void> {
  const staffIds = [...new Set(named.staffIds ?? [])];
  const divisionIds = [...new Set(named.divisionIds ?? [])];
  if (staffIds.length + divisionIds.length === 0) return;
  const synced = await models.directoryStaff.exists({ officeId: sender.officeId }).session(session);
  // One after the other: operations of one transaction's session must not run concurrently.
  const staff =
    staffIds.length === 0
      ? []
      : await models.directoryStaff
          .find({ _id: { $in: staffIds } }, { name: 1, active: 1, clearance: 1 })
          .session(session)
          .lean();
  const divisions =
    divisionIds.length === 0
      ? []
      : await models.directoryDivisions
          .find({ _id: { $in: divisionIds } }, { _id: 1 })
          .session(session)
          .lean();
  const knownDivisionIds = divisions.map((division) => division._id);
  // Nobody is sent or circulated a document above their clearance, as far as the directory knows.
  const uncleared = document
    ? staff
        .filter((known) => !canRead(known.clearance, document.classification))
        .map((known) => `${known.name}的涉密等级不足以阅读该文件`)
    : [];
  rejectProblems([
    ...(synced
      ? recipientProblems({ staffIds, divisionIds }, { staff, divisionIds: knownDivisionIds })
      : recipientProblems(
          { staffIds: staff.map((known) => known._id) },
          { staff, divisionIds: knownDivisionIds },
        )),
    ...uncleared,
  ]);
}
