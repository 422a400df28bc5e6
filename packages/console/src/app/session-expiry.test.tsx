import { fireEvent, render, screen } from '@testing-library/react';
import { Form, Input } from 'antd';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider, useSession } from '../auth/SessionContext';
import { SignInPage } from '../auth/SignInPage';
import { RequireSession } from './ConsoleRoutes';
import { useFormDraft } from './useFormDraft';

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = (secondsLeft: number) =>
  `${encode({ alg: 'HS256' })}.${encode({
    sub: 'staff-general-1-head',
    name: '高振宇',
    roles: ['DIVISION_HEAD'],
    exp: Math.floor(Date.now() / 1000) + secondsLeft,
  })}.sig`;

function ProgressForm() {
  const [form] = Form.useForm<{ text: string }>();
  const draft = useFormDraft(form, 'progress');
  const { signOut } = useSession();
  return (
    <>
      <div data-testid="where">{useLocation().pathname}</div>
      {/* What the console does at the token's expiry and on the gateway's 401/UNAUTHENTICATED. */}
      <button onClick={() => signOut('登录已过期，请重新登录')}>session ends</button>
      <Form form={form} initialValues={draft.initialValues} onValuesChange={draft.onValuesChange}>
        <Form.Item name="text" label="进展情况">
          <Input.TextArea />
        </Form.Item>
      </Form>
    </>
  );
}

describe('a session that ends mid-form', { timeout: 30_000 }, () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    // The console's configuration and the development sign-in's two requests, answered as the gateway does.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url === '/console-config.json'
          ? Response.json({ signIn: { mode: 'dev' } })
          : url === '/auth/dev/users'
            ? Response.json({ users: [{ key: 'division-head', name: '高振宇', title: '处长' }] })
            : Response.json({ token: token(3600) }),
      ),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('given a half-written progress report, when the session ends, then sign-in comes, and after signing in again the same page has the text', async () => {
    localStorage.setItem('heli.session', token(3600));
    render(
      <MemoryRouter initialEntries={['/board/matters/m-1']}>
        <SessionProvider>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route
              path="/board/matters/:id"
              element={
                <RequireSession>
                  <ProgressForm />
                </RequireSession>
              }
            />
          </Routes>
        </SessionProvider>
      </MemoryRouter>,
    );
    fireEvent.change(await screen.findByLabelText('进展情况'), {
      target: { value: '已完成初稿，正在征求各处室意见' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'session ends' }));

    expect(await screen.findByText('登录已过期，请重新登录')).toBeTruthy();
    expect(screen.queryByLabelText('进展情况')).toBeNull();

    fireEvent.click(await screen.findByRole('button', { name: '以高振宇身份登录' }));
    const field = await screen.findByLabelText('进展情况');
    expect(screen.getByTestId('where').textContent).toBe('/board/matters/m-1');
    expect((field as HTMLTextAreaElement).value).toBe('已完成初稿，正在征求各处室意见');
  });

  it('given a draft, when someone else signs in on this tab, then their form starts empty', async () => {
    sessionStorage.setItem('heli.draft-owner', 'staff-someone-else');
    sessionStorage.setItem('heli.draft:/board/matters/m-1#progress', '{"text":"别人的草稿"}');
    render(
      <MemoryRouter initialEntries={['/sign-in?next=%2Fboard%2Fmatters%2Fm-1']}>
        <SessionProvider>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/board/matters/:id" element={<ProgressForm />} />
          </Routes>
        </SessionProvider>
      </MemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '以高振宇身份登录' }));
    const field = await screen.findByLabelText('进展情况');
    expect((field as HTMLTextAreaElement).value).toBe('');
  });
});
