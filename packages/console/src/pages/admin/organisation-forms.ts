/**
 * 管理's forms for offices and staff: what they check before sending (the limits responsibility
 * applies, so a person is told at the field, in the same words) and the inputs they send.
 * Responsibility checks everything again; what only it can tell (a second 本级办公厅, a loop of
 * 上级单位, a division of another office) comes back as its message. An office is not offered as
 * its own 上级单位.
 */
import type { FormRule as Rule } from 'antd';

const LIMITS = { officeName: 60, officeShortName: 30, staffName: 30, staffTitle: 50 } as const;

// As responsibility's staff rules: office extensions (0451-84670101), mobiles, +86 forms.
const PHONE_PATTERN = /^\+?[0-9][0-9 -]{2,18}[0-9]$/;

/** A required text of at most `max` characters (counted as the server counts: code points). */
export function textRules(label: string, max: number, required = true): Rule[] {
  return [
    ...(required ? [{ required: true, whitespace: true, message: `${label}不能为空` }] : []),
    {
      validator: async (_rule, value: string | undefined) => {
        if ([...(value ?? '').trim()].length > max) throw new Error(`${label}不能超过 ${max} 个字`);
      },
    },
  ];
}

export const OFFICE_FIELD_RULES = {
  name: textRules('单位名称', LIMITS.officeName),
  shortName: textRules('单位简称', LIMITS.officeShortName),
};

export const STAFF_FIELD_RULES = {
  name: textRules('姓名', LIMITS.staffName),
  title: textRules('职务', LIMITS.staffTitle),
  phone: [
    ...textRules('电话', 20, false),
    {
      validator: async (_rule: unknown, value: string | undefined) => {
        const phone = (value ?? '').trim();
        if (phone && !PHONE_PATTERN.test(phone)) throw new Error(`电话号码“${phone}”格式不正确`);
      },
    },
  ] satisfies Rule[],
};

export interface OfficeFormValues {
  name: string;
  shortName: string;
  kind: string;
  parentId?: string | null;
}

/** The office's fields as createOffice / updateOffice take them: trimmed; no 上级单位 is null. */
export function officeInput(values: OfficeFormValues) {
  return {
    name: values.name.trim(),
    shortName: values.shortName.trim(),
    kind: values.kind,
    parentId: values.parentId ?? null,
  };
}

export interface NewStaffValues {
  name: string;
  title: string;
  officeId?: string | null;
  divisionId?: string | null;
  roles: string[];
  clearance: string;
  phone?: string | null;
}

/** A person belongs to a division (and so its office) or, outside any, to an office. */
export function placementProblem(values: Pick<NewStaffValues, 'officeId' | 'divisionId'>) {
  return values.officeId || values.divisionId ? null : '请指定所属单位或处室';
}

/** createStaff's input: trimmed; a blank phone is none; the office may follow from the division. */
export function newStaffInput(values: NewStaffValues) {
  const phone = values.phone?.trim();
  return {
    name: values.name.trim(),
    title: values.title.trim(),
    officeId: values.officeId ?? null,
    divisionId: values.divisionId ?? null,
    roles: values.roles,
    clearance: values.clearance,
    phone: phone ? phone : null,
  };
}
