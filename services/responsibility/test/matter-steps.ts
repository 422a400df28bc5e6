import { MATTER_FIELDS, OFFICE_LEADER, type Matters, type Data } from './matters-harness.js';

export const HEAD = 'staff-general-1-head';
export const RESPONSIBLE = 'staff-general-1-1';

export type Step =
  'ACCEPT' | 'REPORT_PROGRESS' | 'SUBMIT_RESULT' | 'COMPLETE' | 'RETURN' | 'CANCEL';

const MUTATIONS: Record<Step, { field: string; inputType: string }> = {
  ACCEPT: { field: 'acceptAssignment', inputType: 'AssignmentStepInput' },
  REPORT_PROGRESS: { field: 'reportProgress', inputType: 'ReportProgressInput' },
  SUBMIT_RESULT: { field: 'submitAssignmentResult', inputType: 'SubmitAssignmentResultInput' },
  COMPLETE: { field: 'completeAssignment', inputType: 'AssignmentStepInput' },
  RETURN: { field: 'returnAssignment', inputType: 'AssignmentReasonInput' },
  CANCEL: { field: 'cancelAssignment', inputType: 'AssignmentReasonInput' },
};

/** The input each step needs besides the matter's id. */
function inputFor(step: Step, id: string, extra: Record<string, unknown>) {
  switch (step) {
    case 'REPORT_PROGRESS':
      return { assignmentId: id, text: '已完成调研提纲', percent: 40, ...extra };
    case 'SUBMIT_RESULT':
      return { id, result: '方案初稿已报送', ...extra };
    case 'RETURN':
      return { id, reason: '请补充测算依据', ...extra };
    case 'CANCEL':
      return { id, reason: '工作安排调整', ...extra };
    default:
      return { id, ...extra };
  }
}

/** Who normally takes each step: the lead division's head, or the assigner side. */
export function actorOf(step: Step): string {
  return ['ACCEPT', 'REPORT_PROGRESS', 'SUBMIT_RESULT'].includes(step) ? HEAD : OFFICE_LEADER;
}

/** Takes `step` on matter `id` as `staffId` (by default whoever normally takes it). */
export function takeStep(
  matters: Matters,
  step: Step,
  id: string,
  { as = actorOf(step), ...extra }: { as?: string } & Record<string, unknown> = {},
) {
  const { field, inputType } = MUTATIONS[step];
  return matters.as<Record<string, Record<string, Data>>>(
    as,
    `mutation Step($input: ${inputType}!) { ${field}(input: $input) { ${MATTER_FIELDS} } }`,
    { input: inputFor(step, id, extra) },
  );
}

/** Like takeStep, failing the test on an error; returns the matter after the step. */
export async function step(
  matters: Matters,
  s: Step,
  id: string,
  extra: { as?: string } & Record<string, unknown> = {},
) {
  const { body } = await takeStep(matters, s, id, extra);
  if (body.errors) throw new Error(`${s} failed: ${JSON.stringify(body.errors)}`);
  return body.data![MUTATIONS[s].field]!;
}
