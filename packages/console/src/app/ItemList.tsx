import { Flex, Skeleton, theme, type GlobalToken } from 'antd';
import { createContext, Fragment, useContext, useMemo, type Key, type ReactNode } from 'react';

/**
 * A list of things, each with its title, description and the actions on it — what Ant Design's
 * `List` did until it was deprecated (its successor, `Listy`, is a virtual scroller for long
 * lists, not this). A plain `<ul>`: screen readers announce it as a list with its label and
 * count, and each row's actions follow its text in tab order.
 */
export interface ItemListProps<T> {
  dataSource: readonly T[];
  renderItem: (item: T, index: number) => ReactNode;
  /** The row's React key; its index when not given. */
  rowKey?: (item: T, index: number) => Key;
  loading?: boolean;
  /** Shown instead of the list when there is nothing in it. */
  empty?: ReactNode;
  size?: 'small' | 'default';
  'aria-label'?: string;
}

/** The list's size and theme, read once for the list rather than in each of its rows. */
interface ListLook {
  size: 'small' | 'default';
  token: GlobalToken;
}

const LookContext = createContext<ListLook | undefined>(undefined);

function useListLook(): ListLook {
  const look = useContext(LookContext);
  if (!look) throw new Error('ItemList.Item or ItemList.Meta outside an ItemList');
  return look;
}

export function ItemList<T>(props: ItemListProps<T>) {
  const size = props.size ?? 'default';
  const { token } = theme.useToken();
  const look = useMemo(() => ({ size, token }), [size, token]);
  if (props.loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (props.dataSource.length === 0 && props.empty !== undefined) return props.empty;
  return (
    <LookContext.Provider value={look}>
      <ul aria-label={props['aria-label']} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {props.dataSource.map((item, index) => (
          <Fragment key={props.rowKey?.(item, index) ?? index}>
            {props.renderItem(item, index)}
          </Fragment>
        ))}
      </ul>
    </LookContext.Provider>
  );
}

function Item(props: { actions?: ReactNode[]; extra?: ReactNode; children: ReactNode }) {
  const { token, size } = useListLook();
  return (
    <li
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token.marginSM,
        padding: size === 'small' ? `${token.paddingXS}px 0` : `${token.paddingSM}px 0`,
        borderBlockEnd: `1px solid ${token.colorSplit}`,
      }}
    >
      {props.children}
      {props.extra !== undefined && (
        <span style={{ color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>{props.extra}</span>
      )}
      {props.actions && props.actions.length > 0 && (
        <Flex gap={token.marginXS} align="center" style={{ flexShrink: 0 }}>
          {props.actions}
        </Flex>
      )}
    </li>
  );
}

function Meta(props: { title: ReactNode; description?: ReactNode }) {
  const { token } = useListLook();
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <div style={{ color: token.colorText, fontWeight: token.fontWeightStrong }}>
        {props.title}
      </div>
      {props.description !== undefined && (
        <div style={{ color: token.colorTextSecondary }}>{props.description}</div>
      )}
    </div>
  );
}

ItemList.Item = Item;
ItemList.Meta = Meta;
