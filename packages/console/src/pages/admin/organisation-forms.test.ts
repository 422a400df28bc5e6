import { describe, expect, it } from 'vitest';
import {
  OFFICE_FIELD_RULES,
  STAFF_FIELD_RULES,
  newStaffInput,
  officeInput,
  placementProblem,
  textRules,
} from './organisation-forms';

type Check = { validator?: (rule: unknown, value: unknown) => Promise<void> };
/** The messages a field's custom checks give for `value` (antd runs them the same way). */
async function refusals(rules: readonly unknown[], value: string): Promise<string[]> {
  const messages: string[] = [];
  for (const rule of rules as Check[]) {
    if (!rule.validator) continue;
    await rule.validator({}, value).catch((error: Error) => messages.push(error.message));
  }
  return messages;
}

describe('the organisation forms', () => {
  it('given a name longer than responsibility allows, then the field says so in its words; at the limit, nothing', async () => {
    expect(await refusals(OFFICE_FIELD_RULES.shortName, '哈'.repeat(31))).toEqual([
      '单位简称不能超过 30 个字',
    ]);
    expect(await refusals(OFFICE_FIELD_RULES.shortName, '哈'.repeat(30))).toEqual([]);
    expect(await refusals(STAFF_FIELD_RULES.name, `  ${'张'.repeat(30)}  `)).toEqual([]);
  });

  it('given a required text, then blank is refused; an optional one is not', () => {
    expect(textRules('姓名', 30)[0]).toMatchObject({ required: true, message: '姓名不能为空' });
    expect(textRules('电话', 20, false).some((rule) => 'required' in rule)).toBe(false);
  });

  it('given phone numbers, then extensions and mobiles pass and letters do not', async () => {
    expect(await refusals(STAFF_FIELD_RULES.phone, '0451-84670101')).toEqual([]);
    expect(await refusals(STAFF_FIELD_RULES.phone, '13945678901')).toEqual([]);
    expect(await refusals(STAFF_FIELD_RULES.phone, '')).toEqual([]);
    expect(await refusals(STAFF_FIELD_RULES.phone, '分机八八')).toEqual([
      '电话号码“分机八八”格式不正确',
    ]);
  });

  it('given a new person with neither office nor division, then they must be placed somewhere', () => {
    expect(placementProblem({})).toBe('请指定所属单位或处室');
    expect(placementProblem({ divisionId: 'div-research' })).toBeNull();
    expect(placementProblem({ officeId: 'office-own' })).toBeNull();
  });

  it('given filled forms, then the inputs are trimmed, a blank phone is none and no parent is null', () => {
    expect(
      officeInput({ name: ' 中共道里区委办公室 ', shortName: '道里区委办', kind: 'LOWER' }),
    ).toEqual({
      name: '中共道里区委办公室',
      shortName: '道里区委办',
      kind: 'LOWER',
      parentId: null,
    });
    expect(
      newStaffInput({
        name: ' 刘洋 ',
        title: '四级主任科员',
        divisionId: 'div-research',
        roles: ['STAFF'],
        clearance: 'INTERNAL',
        phone: '  ',
      }),
    ).toEqual({
      name: '刘洋',
      title: '四级主任科员',
      officeId: null,
      divisionId: 'div-research',
      roles: ['STAFF'],
      clearance: 'INTERNAL',
      phone: null,
    });
  });
});
