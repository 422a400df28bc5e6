import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { Failure } from '../../api/errors';

export function NotFoundPage({ message }: { message?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="未找到"
      subTitle={message ?? '您访问的内容不存在，或您无权查看。'}
      extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
    />
  );
}

export function ForbiddenPage({ message }: { message?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle={message ?? '您没有查看此内容的权限。'}
      extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
    />
  );
}

/** The page for a failed load: FORBIDDEN and NOT_FOUND have their own; anything else says what happened. */
export function FailurePage({ failure }: { failure: Failure }) {
  if (failure.kind === 'FORBIDDEN') return <ForbiddenPage message={failure.message} />;
  if (failure.kind === 'NOT_FOUND') return <NotFoundPage message={failure.message} />;
  return <Result status="error" title="加载失败" subTitle={failure.message} />;
}
