import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Empty, Popover, Space, Typography } from 'antd';
import { ItemList } from '../app/ItemList';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession, useSignedIn } from '../auth/SessionContext';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationsReadDocument,
  NotificationBellDocument,
} from '../generated/graphql';
import { formatChinaTime } from '../lib/china-time';
import { notificationLink } from './notification-links';
import { listenToNotifications } from './notification-stream';

/**
 * 通知: the unread count in the header, kept current by the notification stream; the latest ten
 * in a popover, each opening what it is about (and marked read). Hidden when the deployment has
 * no notifications subgraph (the query then fails validation).
 */
export function NotificationBell() {
  const { token } = useSignedIn();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [open, setOpen] = useState(false);
  const { data, error, refetch } = useQuery(NotificationBellDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MarkNotificationsReadDocument);
  const [markAllRead] = useMutation(MarkAllNotificationsReadDocument, {
    onCompleted: () => void refetch(),
  });
  const [pushedCount, setPushedCount] = useState<number>();
  const tokenRef = useRef(token);
  tokenRef.current = token;

  useEffect(
    () =>
      listenToNotifications({
        token: () => tokenRef.current,
        onUnauthenticated: () => signOut('登录已过期，请重新登录'),
        onMessage: (message) => {
          setPushedCount(message.unreadCount);
          if (message.event !== 'notification') return;
          void refetch();
          // Something needs me: an open 工作台 shows it without a reload.
          void client.refetchQueries({ include: ['Workbench'] });
        },
      }),
    [client, refetch, signOut],
  );

  const work = data?.me?.work;
  if (error && !work) return null;
  const unread = pushedCount ?? work?.unreadNotificationCount ?? 0;
  const items = work?.notifications.edges.map((edge) => edge.node) ?? [];

  const list = (
    <Space orientation="vertical" style={{ width: 360 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>通知</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          onClick={() => void markAllRead().then(() => setPushedCount(0))}
        >
          全部标为已读
        </Button>
      </Space>
      <ItemList
        aria-label="最新通知"
        size="small"
        dataSource={items}
        empty={<Empty description="暂无通知" />}
        renderItem={(item) => (
          <ItemList.Item>
            <ItemList.Meta
              title={
                <a
                  href={notificationLink(item.subjectKind, item.subjectId)}
                  style={{ fontWeight: item.readAt ? 'normal' : 'bold' }}
                  onClick={(event) => {
                    event.preventDefault();
                    setOpen(false);
                    if (!item.readAt) {
                      void markRead({ variables: { ids: [item.id] } }).then((result) =>
                        setPushedCount(result.data?.markNotificationsRead.unreadNotificationCount),
                      );
                    }
                    void navigate(notificationLink(item.subjectKind, item.subjectId));
                  }}
                >
                  {item.message}
                </a>
              }
              description={formatChinaTime(item.occurredAt)}
            />
          </ItemList.Item>
        )}
      />
    </Space>
  );

  return (
    <Popover
      content={list}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          size="small"
          aria-label={`通知，${unread} 条未读`}
          data-testid="notification-bell"
          data-unread={unread}
        >
          通知
        </Button>
      </Badge>
    </Popover>
  );
}
