import type { ReactNode } from 'react';

/** Ant Design's colours for these tones, as its CSS variables (zero-runtime mode defines them). */
const TONE_COLORS = {
  secondary: 'var(--ant-color-text-description, rgba(0, 0, 0, 0.45))',
  danger: 'var(--ant-color-error-text, #ff4d4f)',
} as const;

/**
 * Text in one of `Typography.Text`'s tones, for text repeated in every row of a long list.
 * `Typography.Text` measures itself for ellipsis and sets up copy and edit on every render; on the
 * 工作台's first render (seventy rows) that was the largest single cost of the page.
 */
export function ToneText(props: { type?: keyof typeof TONE_COLORS; children: ReactNode }) {
  return <span style={props.type && { color: TONE_COLORS[props.type] }}>{props.children}</span>;
}
