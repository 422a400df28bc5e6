import { Button, Space } from 'antd';
import type { CSSProperties } from 'react';

/**
 * 第一页 / 下一页 over a cursor-paged connection: the pages keep their cursor (`after`) in the
 * URL, so paging is a change of the view, and going back means starting again from the first.
 */
export function CursorPager({
  after,
  pageInfo,
  onPage,
  style,
}: {
  after: string | undefined;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  onPage: (after: string | undefined) => void;
  style?: CSSProperties;
}) {
  return (
    <Space style={style}>
      <Button disabled={!after} onClick={() => onPage(undefined)}>
        第一页
      </Button>
      <Button
        disabled={!pageInfo?.hasNextPage}
        onClick={() => onPage(pageInfo?.endCursor ?? undefined)}
      >
        下一页
      </Button>
    </Space>
  );
}
