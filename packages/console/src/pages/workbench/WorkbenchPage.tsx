import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { ItemList } from '../../app/ItemList';
import { ToneText } from '../../app/ToneText';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeFailure } from '../../api/errors';
import { useCapabilities } from '../../app/capabilities';
import { useSignedIn } from '../../auth/SessionContext';
import {
  WorkbenchAcceptMatterDocument,
  WorkbenchAcknowledgeCirculationDocument,
  WorkbenchAcknowledgeReadingDocument,
  WorkbenchClaimStepDocument,
  WorkbenchDocument,
  WorkbenchInteractionDocument,
  WorkbenchMarkReadDocument,
  WorkbenchSignInToMeetingDocument,
  type WorkbenchMatterFragment,
} from '../../generated/graphql';
import { deadlineWords, formatChinaTime } from '../../lib/china-time';
import { notificationLink } from '../../notifications/notification-links';
import { FailurePage } from '../errors/FailurePages';
import {
  CLASSIFICATION_LABELS,
  DIFFICULTY_INVOLVEMENT_LABELS,
  ESCALATION,
  INVOLVEMENT_LABELS,
  isChinaToday,
  matterClick,
  meetingsThisWeek,
  REMINDER_KIND_LABELS,
  STATUS_LABELS,
  URGENCY,
} from './workbench';

const MEETING_KIND_LABELS: Record<string, string> = {
  DELIBERATION: '议政会',
  RESEARCH_JOINT: '调研联席会议',
  COORDINATION: '协调会',
};

function UrgencyTag({ urgency }: { urgency: string }) {
  const shown = URGENCY[urgency];
  return shown ? <Tag color={shown.color}>{shown.label}</Tag> : null;
}

function WorkCard(props: { title: string; count: number; loading: boolean; children: ReactNode }) {
  return (
    <Col xs={24} lg={12} xxl={8}>
      <Card
        title={
          <Space>
            {props.title}
            <Badge count={props.count} showZero color={props.count ? '#1677ff' : '#bfbfbf'} />
          </Space>
        }
        loading={props.loading}
        size="small"
      >
        {props.children}
      </Card>
    </Col>
  );
}

/**
 * 工作台: what needs the signed-in person now, from `me.work` (the graph's one place for a
 * person's work) — each item one click from acting on it: 签收, 已阅 and 认领 happen here;
 * a step that needs a form opens its page at that step.
 */
export default function WorkbenchPage() {
  const { claims } = useSignedIn();
  const navigate = useNavigate();
  const capabilities = useCapabilities();
  // Fixed for the page's life, so deadlines read the same on every render.
  const now = useMemo(() => Date.now(), []);
  const { data, error, loading, refetch } = useQuery(WorkbenchDocument);
  const interaction = useQuery(WorkbenchInteractionDocument, {
    variables: { divisionId: claims.divisionId },
    skip: !capabilities?.interaction,
  });
  const [pending, setPending] = useState<string>();
  const [actionError, setActionError] = useState<string>();

  const [accept] = useMutation(WorkbenchAcceptMatterDocument);
  const [acknowledgeReading] = useMutation(WorkbenchAcknowledgeReadingDocument);
  const [acknowledgeCirculation] = useMutation(WorkbenchAcknowledgeCirculationDocument);
  const [claimStep] = useMutation(WorkbenchClaimStepDocument);
  const [signIn] = useMutation(WorkbenchSignInToMeetingDocument);
  const [markRead] = useMutation(WorkbenchMarkReadDocument);

  /** Runs one action, then reloads the lists it changes; a refusal is shown as the graph words it. */
  const act = async (
    key: string,
    run: () => Promise<unknown>,
    reload: () => Promise<unknown> = refetch,
  ) => {
    setPending(key);
    setActionError(undefined);
    try {
      await run();
      await reload();
    } catch (failure) {
      setActionError(describeFailure(failure).message);
    } finally {
      setPending(undefined);
    }
  };

  if (error && !data) return <FailurePage failure={describeFailure(error)} />;
  const work = data?.me?.work;
  const first = loading && !data;

  const matterRow = (item: WorkbenchMatterFragment, due: ReactNode) => {
    const matter = item.assignment;
    const click = matterClick(item.actions);
    const open = `/board/matters/${encodeURIComponent(matter.id)}`;
    return (
      <ItemList.Item
        actions={[
          click.kind === 'accept' ? (
            <Button
              key="accept"
              size="small"
              type="primary"
              loading={pending === `accept:${matter.id}`}
              aria-label={`签收“${matter.title}”`}
              onClick={() =>
                void act(`accept:${matter.id}`, () =>
                  accept({
                    variables: { input: { id: matter.id, expectedVersion: matter.version } },
                  }),
                )
              }
            >
              签收
            </Button>
          ) : (
            <Link key="open" to={open} aria-label={`${click.label}：${matter.title}`}>
              {click.label}
            </Link>
          ),
        ]}
      >
        <ItemList.Meta
          title={<Link to={open}>{matter.title}</Link>}
          description={
            <Space wrap size={4}>
              <UrgencyTag urgency={item.urgency} />
              <Tag>{STATUS_LABELS[matter.status] ?? matter.status}</Tag>
              {matter.escalationLevel && (
                <Tag color={ESCALATION[matter.escalationLevel]?.color}>
                  {ESCALATION[matter.escalationLevel]?.label}
                </Tag>
              )}
              {item.involvement.map((i) => (
                <ToneText key={i} type="secondary">
                  {INVOLVEMENT_LABELS[i] ?? i}
                </ToneText>
              ))}
              <span>{matter.leadDivision.name}</span>
              {due}
            </Space>
          }
        />
      </ItemList.Item>
    );
  };

  const matters = work?.matters.items ?? [];
  const reports = work?.progressReportsDue.items ?? [];
  const readings = work?.readings.items ?? [];
  const circulations = work?.circulations.items ?? [];
  const reminders = work?.reminders.items ?? [];
  const difficulties = work?.difficulties.items ?? [];
  const notifications = work?.notifications.edges.map((e) => e.node) ?? [];
  const steps = interaction.data?.myWorkflowSteps.edges.map((e) => e.node) ?? [];
  const meetings = meetingsThisWeek(interaction.data?.meetings.edges.map((e) => e.node) ?? [], now);

  const list = <T,>(label: string, items: T[], empty: string, row: (item: T) => ReactNode) =>
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
    ) : (
      <ItemList aria-label={label} size="small" dataSource={items} renderItem={row} />
    );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Typography.Text type="secondary">
          {data?.me
            ? `${data.me.name}，${data.me.title}${data.me.division ? ` · ${data.me.division.name}` : ''}`
            : claims.name}
        </Typography.Text>
      </div>
      {actionError && (
        <Alert
          type="error"
          showIcon
          closable
          title={actionError}
          onClose={() => setActionError(undefined)}
        />
      )}
      <Row gutter={[16, 16]}>
        <WorkCard title="我的事项" count={work?.matters.totalCount ?? 0} loading={first}>
          {list('我的事项', matters, '没有在办的事项', (item) =>
            matterRow(
              item,
              <ToneText type={item.urgency === 'OVERDUE' ? 'danger' : 'secondary'}>
                时限 {formatChinaTime(item.dueAt)}（{deadlineWords(item.dueAt, now)}）
              </ToneText>,
            ),
          )}
        </WorkCard>
        <WorkCard title="待报进展" count={work?.progressReportsDue.totalCount ?? 0} loading={first}>
          {list('待报进展', reports, '近期没有要报的进展', (item) =>
            matterRow(
              item,
              <ToneText type={item.urgency === 'OVERDUE' ? 'danger' : 'secondary'}>
                请于 {formatChinaTime(item.dueAt)} 前汇报
              </ToneText>,
            ),
          )}
        </WorkCard>
        <WorkCard title="待阅文件" count={work?.readings.totalCount ?? 0} loading={first}>
          {list('待阅文件', readings, '没有待阅文件', (item) => (
            <ItemList.Item
              actions={
                item.actions.includes('ACKNOWLEDGE')
                  ? [
                      <Button
                        key="read"
                        size="small"
                        type="primary"
                        loading={pending === `reading:${item.reading.id}`}
                        aria-label={`已阅“${item.reading.documentTitle}”`}
                        onClick={() =>
                          void act(`reading:${item.reading.id}`, () =>
                            acknowledgeReading({
                              variables: { input: { readingRequestId: item.reading.id } },
                            }),
                          )
                        }
                      >
                        已阅
                      </Button>,
                    ]
                  : []
              }
            >
              <ItemList.Meta
                title={
                  item.reading.document ? (
                    <Link to={`/documents/${encodeURIComponent(item.reading.document.id)}`}>
                      {item.reading.documentTitle}
                    </Link>
                  ) : (
                    item.reading.documentTitle
                  )
                }
                description={
                  <Space wrap size={4}>
                    <UrgencyTag urgency={item.urgency} />
                    <Tag>{CLASSIFICATION_LABELS[item.reading.classification]}</Tag>
                    <span>请于 {formatChinaTime(item.dueAt)} 前阅</span>
                  </Space>
                }
              />
            </ItemList.Item>
          ))}
        </WorkCard>
        <WorkCard title="待我传阅" count={work?.circulations.totalCount ?? 0} loading={first}>
          {list('待我传阅', circulations, '没有等我阅批的传阅件', (item) => {
            const title = item.circulation.document?.title ?? '（无权查看的文件）';
            return (
              <ItemList.Item
                actions={
                  item.actions.includes('ACKNOWLEDGE')
                    ? [
                        <Button
                          key="pass"
                          size="small"
                          type="primary"
                          loading={pending === `circulation:${item.circulation.id}`}
                          aria-label={`已阅并传下一位：${title}`}
                          onClick={() =>
                            void act(`circulation:${item.circulation.id}`, () =>
                              acknowledgeCirculation({
                                variables: { circulationId: item.circulation.id },
                              }),
                            )
                          }
                        >
                          已阅传下
                        </Button>,
                      ]
                    : []
                }
              >
                <ItemList.Meta
                  title={
                    item.circulation.document ? (
                      <Link to={`/documents/${encodeURIComponent(item.circulation.document.id)}`}>
                        {title}
                      </Link>
                    ) : (
                      title
                    )
                  }
                  description={
                    <Space wrap size={4}>
                      <UrgencyTag urgency={item.urgency} />
                      <span>{item.circulation.startedBy.name} 发起</span>
                      <span>请于 {formatChinaTime(item.dueAt)} 前阅</span>
                    </Space>
                  }
                />
              </ItemList.Item>
            );
          })}
        </WorkCard>
        <WorkCard title="催办与督办" count={work?.reminders.totalCount ?? 0} loading={first}>
          {list('催办与督办', reminders, '没有催办', ({ reminder }) => (
            <ItemList.Item
              actions={
                reminder.assignment
                  ? [
                      <Link
                        key="open"
                        to={`/board/matters/${encodeURIComponent(reminder.assignment.id)}`}
                      >
                        办理
                      </Link>,
                    ]
                  : []
              }
            >
              <ItemList.Meta
                title={reminder.assignment?.title ?? '（无权查看的事项）'}
                description={
                  <Space wrap size={4}>
                    <Tag color={reminder.kind === 'ESCALATION' ? 'red' : 'gold'}>
                      {REMINDER_KIND_LABELS[reminder.kind] ?? reminder.kind}
                    </Tag>
                    <span>{reminder.message}</span>
                    <ToneText type="secondary">
                      {reminder.sentBy?.name ?? '系统'} · {formatChinaTime(reminder.sentAt)}
                    </ToneText>
                  </Space>
                }
              />
            </ItemList.Item>
          ))}
        </WorkCard>
        <WorkCard title="待解决的困难" count={work?.difficulties.totalCount ?? 0} loading={first}>
          {list('待解决的困难', difficulties, '没有待解决的困难', ({ difficulty, involvement }) => (
            <ItemList.Item
              actions={
                difficulty.assignment
                  ? [
                      <Link
                        key="open"
                        to={`/board/matters/${encodeURIComponent(difficulty.assignment.id)}`}
                      >
                        查看事项
                      </Link>,
                    ]
                  : []
              }
            >
              <ItemList.Meta
                title={difficulty.title}
                description={
                  <Space wrap size={4}>
                    <Tag>{DIFFICULTY_INVOLVEMENT_LABELS[involvement] ?? involvement}</Tag>
                    <span>{difficulty.division.name}</span>
                    <ToneText type="secondary">
                      {formatChinaTime(difficulty.raisedAt)} 提出
                    </ToneText>
                  </Space>
                }
              />
            </ItemList.Item>
          ))}
        </WorkCard>
        {capabilities?.interaction && (
          <WorkCard
            title="待办环节"
            count={interaction.data?.myWorkflowSteps.totalCount ?? 0}
            loading={interaction.loading && !interaction.data}
          >
            {list('待办环节', steps, '没有待办环节', (step) => (
              <ItemList.Item
                actions={
                  step.assignee
                    ? []
                    : [
                        <Button
                          key="claim"
                          size="small"
                          type="primary"
                          loading={pending === `step:${step.id}`}
                          aria-label={`认领：${step.case.title} · ${step.name}`}
                          onClick={() =>
                            void act(
                              `step:${step.id}`,
                              () => claimStep({ variables: { stepId: step.id } }),
                              interaction.refetch,
                            )
                          }
                        >
                          认领
                        </Button>,
                      ]
                }
              >
                <ItemList.Meta
                  title={`${step.case.title} · ${step.name}`}
                  description={
                    <ToneText type={step.overdue ? 'danger' : 'secondary'}>
                      {step.overdue ? '已超时 · ' : ''}时限 {formatChinaTime(step.dueAt)}
                      {step.assignee ? ' · 已认领' : ''}
                    </ToneText>
                  }
                />
              </ItemList.Item>
            ))}
          </WorkCard>
        )}
        {capabilities?.interaction && (
          <WorkCard
            title="本周会议"
            count={meetings.length}
            loading={interaction.loading && !interaction.data}
          >
            {list('本周会议', meetings, '本周没有会议', (meeting) => {
              const signedIn = meeting.signIns.some((s) => s.staff.id === claims.sub);
              const today = isChinaToday(meeting.startsAt, now);
              return (
                <ItemList.Item
                  actions={
                    today && !signedIn
                      ? [
                          <Button
                            key="sign-in"
                            size="small"
                            type="primary"
                            loading={pending === `meeting:${meeting.id}`}
                            aria-label={`签到：${meeting.title}`}
                            onClick={() =>
                              void act(
                                `meeting:${meeting.id}`,
                                () => signIn({ variables: { meetingId: meeting.id } }),
                                interaction.refetch,
                              )
                            }
                          >
                            签到
                          </Button>,
                        ]
                      : signedIn
                        ? [<ToneText key="done">已签到</ToneText>]
                        : []
                  }
                >
                  <ItemList.Meta
                    title={meeting.title}
                    description={
                      <Space wrap size={4}>
                        <Tag>{MEETING_KIND_LABELS[meeting.kind] ?? meeting.kind}</Tag>
                        <span>{formatChinaTime(meeting.startsAt)}</span>
                        {meeting.place && <span>{meeting.place}</span>}
                      </Space>
                    }
                  />
                </ItemList.Item>
              );
            })}
          </WorkCard>
        )}
        <WorkCard title="未读通知" count={work?.unreadNotificationCount ?? 0} loading={first}>
          {list('未读通知', notifications, '没有未读通知', (item) => (
            <ItemList.Item extra={formatChinaTime(item.occurredAt)}>
              <a
                href={notificationLink(item.subjectKind, item.subjectId)}
                onClick={(event) => {
                  event.preventDefault();
                  void markRead({ variables: { ids: [item.id] } });
                  void navigate(notificationLink(item.subjectKind, item.subjectId));
                }}
              >
                {item.message}
              </a>
            </ItemList.Item>
          ))}
        </WorkCard>
      </Row>
    </Space>
  );
}
