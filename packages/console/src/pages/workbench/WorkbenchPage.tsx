import { useQuery } from '@apollo/client/react';
import { Badge, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { describeFailure } from '../../api/errors';
import { useSignedIn } from '../../auth/SessionContext';
import { WorkbenchDocument, type WorkbenchQuery } from '../../generated/graphql';
import { deadlineWords, formatChinaTime } from '../../lib/china-time';
import { FailurePage } from '../errors/FailurePages';
import {
  CLASSIFICATION_LABELS,
  dueSoonCutoff,
  ESCALATION,
  OPEN_STATUSES,
  reportsDue,
  STATUS_LABELS,
} from './workbench';

type ReadingItem = WorkbenchQuery['unread']['edges'][number]['node'] & { late: boolean };

/** 工作台: what needs the signed-in person now, each item a click from acting on it. */
export default function WorkbenchPage() {
  const { claims } = useSignedIn();
  // Fixed for the page's life, so the variables (and the cache entry) stay the same.
  const now = useMemo(() => Date.now(), []);
  const { data, error, loading } = useQuery(WorkbenchDocument, {
    variables: {
      divisionId: claims.divisionId,
      open: [...OPEN_STATUSES],
      dueBefore: dueSoonCutoff(now),
    },
  });
  if (error && !data) return <FailurePage failure={describeFailure(error)} />;

  const matters = data?.matters.edges.map((edge) => edge.node) ?? [];
  const reports = reportsDue(matters, now);
  const reading = [
    ...(data?.overdueReading.edges ?? []).map((e) => ({ ...e.node, late: true })),
    ...(data?.unread.edges ?? []).map((e) => ({ ...e.node, late: false })),
  ];
  const circulations = data?.circulations ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        工作台
      </Typography.Title>
      <Typography.Text type="secondary">
        {data?.me
          ? `${data.me.name}，${data.me.title}${data.me.division ? ` · ${data.me.division.name}` : ''}`
          : claims.name}
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            title={
              <Space>
                近期到期与逾期事项
                <Badge count={data?.matters.totalCount ?? 0} showZero color="#1677ff" />
              </Space>
            }
            loading={loading && !data}
          >
            <List
              aria-label="近期到期与逾期事项"
              dataSource={matters}
              locale={{ emptyText: <Empty description="一周内没有到期事项" /> }}
              renderItem={(matter) => (
                <List.Item
                  extra={
                    <Typography.Text type={matter.overdue ? 'danger' : 'secondary'}>
                      {deadlineWords(matter.deadline, now)}
                    </Typography.Text>
                  }
                >
                  <List.Item.Meta
                    title={<Link to={`/board/matters/${matter.id}`}>{matter.title}</Link>}
                    description={
                      <Space wrap size={4}>
                        <Tag>{STATUS_LABELS[matter.status] ?? matter.status}</Tag>
                        {matter.escalationLevel && (
                          <Tag color={ESCALATION[matter.escalationLevel]?.color}>
                            {ESCALATION[matter.escalationLevel]?.label}
                          </Tag>
                        )}
                        <span>{matter.leadDivision.name}</span>
                        <span>时限 {formatChinaTime(matter.deadline)}</span>
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="待报进展" loading={loading && !data}>
            <List
              aria-label="待报进展"
              dataSource={reports}
              locale={{ emptyText: <Empty description="三天内没有要报的进展" /> }}
              renderItem={(matter) => (
                <List.Item extra={formatChinaTime(matter.nextReportDueAt)}>
                  <Link to={`/board/matters/${matter.id}`}>{matter.title}</Link>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={
              <Space>
                待阅文件
                <Badge
                  count={(data?.unread.totalCount ?? 0) + (data?.overdueReading.totalCount ?? 0)}
                  showZero
                />
              </Space>
            }
            loading={loading && !data}
          >
            <List
              aria-label="待阅文件"
              dataSource={reading}
              locale={{ emptyText: <Empty description="没有待阅文件" /> }}
              renderItem={(item: ReadingItem) => (
                <List.Item
                  extra={
                    <Typography.Text type={item.late ? 'danger' : 'secondary'}>
                      {item.late ? '逾期未阅' : `请于 ${formatChinaTime(item.dueAt)} 前阅`}
                    </Typography.Text>
                  }
                >
                  <Space>
                    <Tag>{CLASSIFICATION_LABELS[item.classification]}</Tag>
                    <Link to="/reading">{item.documentTitle}</Link>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="待我传阅" loading={loading && !data}>
            <List
              aria-label="待我传阅"
              dataSource={circulations}
              locale={{ emptyText: <Empty description="没有等我阅批的传阅件" /> }}
              renderItem={(circulation) => (
                <List.Item
                  extra={
                    <Typography.Text type={circulation.currentHopOverdue ? 'danger' : 'secondary'}>
                      {formatChinaTime(circulation.currentHopDueAt)}
                    </Typography.Text>
                  }
                >
                  <Space>
                    <span>{circulation.document?.title ?? '（无权查看的文件）'}</span>
                    <Typography.Text type="secondary">
                      {circulation.startedBy.name} 发起
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
