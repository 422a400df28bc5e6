import type { MockedResponse } from '@apollo/client/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderPage } from '../../../test/render-page';
import {
  AdminCreateOfficeDocument,
  AdminCreateStaffDocument,
  AdminOrganisationDocument,
} from '../../generated/graphql';
import AdminPage from './AdminPage';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const own = {
  __typename: 'Office' as const,
  id: 'office-own',
  name: '中共哈尔滨市委办公厅',
  shortName: '市委办公厅',
  kind: 'OWN' as const,
  parent: null,
};

const organisation = (offices: object[]): MockedResponse => ({
  request: {
    query: AdminOrganisationDocument,
    variables: { divisionId: null, search: null, after: null },
  },
  result: {
    data: {
      offices: {
        __typename: 'OfficeConnection',
        edges: offices.map((node) => ({ __typename: 'OfficeEdge', node })),
      },
      divisions: { __typename: 'DivisionConnection', edges: [] },
      staffMembers: {
        __typename: 'StaffConnection',
        totalCount: 0,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [],
      },
    },
  },
});

/** A mutation's mock that notes whether it was sent at all. */
function watched(query: MockedResponse['request']['query']) {
  const sent = { count: 0 };
  const mock: MockedResponse = {
    request: {
      query,
      variables: () => {
        sent.count += 1;
        return true;
      },
    },
    result: { errors: [new GraphQLError('不应发送')] },
  };
  return { sent, mock };
}

function renderAdmin(mocks: MockedResponse[]) {
  renderPage(<AdminPage />, '/admin', mocks);
}

async function openDialog(button: string) {
  await screen.findByRole('table', { name: '单位' });
  await screen.findByText('中共哈尔滨市委办公厅');
  fireEvent.click(screen.getByRole('button', { name: button }));
  const title = await screen.findByText(button, { selector: '.ant-modal-title' });
  return title.closest<HTMLElement>('.ant-modal')!;
}

const submit = (dialog: HTMLElement, name: RegExp) =>
  fireEvent.click(within(dialog).getByRole('button', { name }));

describe('管理: the organisation forms', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.setItem(
      'heli.session',
      `${encode({ alg: 'HS256' })}.${encode({
        sub: 'staff-admin',
        name: '孙立',
        divisionId: null,
        officeId: 'office-own',
        roles: ['ADMIN'],
        clearance: 'SECRET',
        exp: Math.floor(Date.now() / 1000) + 3600,
      })}.sig`,
    );
  });

  it('given an empty 新建单位 form, when sent, then each field says what it needs and nothing is sent', async () => {
    const create = watched(AdminCreateOfficeDocument);
    renderAdmin([organisation([own]), create.mock]);
    const dialog = await openDialog('新建单位');
    fireEvent.change(within(dialog).getByLabelText('单位简称'), {
      target: { value: '道'.repeat(31) },
    });
    submit(dialog, /新\s?建/);
    expect(await within(dialog).findByText('单位名称不能为空')).toBeTruthy();
    expect(await within(dialog).findByText('单位简称不能超过 30 个字')).toBeTruthy();
    expect(create.sent.count).toBe(0);
  });

  it('given a filled 新建单位 form, when sent, then the office is created as typed and the list is read again', async () => {
    const lower = {
      ...own,
      id: 'office-daoli',
      name: '中共道里区委办公室',
      shortName: '道里区委办',
      kind: 'LOWER' as const,
      parent: { __typename: 'Office' as const, id: 'office-own' },
    };
    renderAdmin([
      organisation([own]),
      {
        request: {
          query: AdminCreateOfficeDocument,
          variables: {
            input: {
              name: '中共道里区委办公室',
              shortName: '道里区委办',
              kind: 'LOWER',
              parentId: null,
            },
          },
        },
        result: { data: { createOffice: lower } },
      },
      organisation([own, lower]),
    ]);
    const dialog = await openDialog('新建单位');
    fireEvent.change(within(dialog).getByLabelText('单位名称'), {
      target: { value: ' 中共道里区委办公室 ' },
    });
    fireEvent.change(within(dialog).getByLabelText('单位简称'), {
      target: { value: '道里区委办' },
    });
    submit(dialog, /新\s?建/);
    const offices = screen.getByRole('table', { name: '单位' });
    expect(await within(offices).findByText('中共道里区委办公室')).toBeTruthy();
  });

  it('given responsibility refuses the new office, then its message shows and the form keeps what was typed', async () => {
    renderAdmin([
      organisation([own]),
      {
        request: {
          query: AdminCreateOfficeDocument,
          variables: {
            input: {
              name: '中共哈尔滨市委办公厅',
              shortName: '市委办',
              kind: 'LOWER',
              parentId: null,
            },
          },
        },
        result: {
          errors: [
            new GraphQLError('已有名为“中共哈尔滨市委办公厅”的单位', {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ],
        },
      },
    ]);
    const dialog = await openDialog('新建单位');
    fireEvent.change(within(dialog).getByLabelText('单位名称'), {
      target: { value: '中共哈尔滨市委办公厅' },
    });
    fireEvent.change(within(dialog).getByLabelText('单位简称'), { target: { value: '市委办' } });
    submit(dialog, /新\s?建/);
    expect(await screen.findByText('已有名为“中共哈尔滨市委办公厅”的单位')).toBeTruthy();
    expect((within(dialog).getByLabelText('单位名称') as HTMLInputElement).value).toBe(
      '中共哈尔滨市委办公厅',
    );
  });

  it('given a new person placed nowhere with a bad phone, when sent, then both are refused and nothing is sent', async () => {
    const create = watched(AdminCreateStaffDocument);
    renderAdmin([organisation([own]), create.mock]);
    const dialog = await openDialog('新建人员');
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '刘洋' } });
    fireEvent.change(within(dialog).getByLabelText('职务'), { target: { value: '四级主任科员' } });
    fireEvent.change(within(dialog).getByLabelText('电话'), { target: { value: '分机八八' } });
    submit(dialog, /新\s?建/);
    expect(await within(dialog).findByText('请指定所属单位或处室')).toBeTruthy();
    expect(await within(dialog).findByText('电话号码“分机八八”格式不正确')).toBeTruthy();
    expect(create.sent.count).toBe(0);
  });
});
