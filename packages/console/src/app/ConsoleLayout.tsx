import { Alert, Button, Layout, Menu, Space, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignedIn } from '../auth/SessionContext';
import { NotificationBell } from '../notifications/NotificationBell';
import { useConnectionLost } from './connection';
import { useMenuAccess } from './menu-access';
import { visibleMenu } from './page-access';

const MENU = [
  { key: '/', label: '工作台' },
  { key: '/board', label: '督办' },
  { key: '/documents', label: '公文与阅知' },
  { key: '/info', label: '信息报送' },
  { key: '/catalogue', label: '查阅' },
  { key: '/assessment', label: '考核' },
  { key: '/queries', label: '查询' },
  { key: '/admin', label: '管理' },
];

export function ConsoleLayout() {
  const { claims } = useSignedIn();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const connectionLost = useConnectionLost();
  // 管理, 考核 and 查询 only for those who may use them (app/page-access.ts).
  const access = useMenuAccess();
  const menu = visibleMenu(MENU, access);
  const selected = menu
    .filter((item) => item.key !== '/' && location.pathname.startsWith(item.key))
    .map((item) => item.key)
    .concat(location.pathname === '/' ? ['/'] : []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          合力
        </Typography.Text>
        {/* Busy until the entries only some may use are known (they show then, or never). */}
        <nav aria-label="主菜单" aria-busy={access === undefined} style={{ flex: 1, minWidth: 0 }}>
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={selected}
            items={menu}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
        <Space size="middle">
          <NotificationBell />
          <Typography.Text style={{ color: '#fff' }} data-testid="signed-in-as">
            {claims.name}
          </Typography.Text>
          <Button size="small" onClick={() => signOut()}>
            退出
          </Button>
        </Space>
      </Layout.Header>
      {connectionLost && (
        <Alert type="warning" banner role="status" title="与服务器的连接已断开，正在重试…" />
      )}
      <Layout.Content style={{ padding: 24 }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
