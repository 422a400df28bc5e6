/** Office time is China time whatever the browser's zone: a deadline reads the same for everyone. */
const CHINA = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CHINA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', {
  timeZone: CHINA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** `2026/05/08 17:30`, in China time; '—' for nothing. */
export function formatChinaTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}

export function formatChinaDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateOnly.format(date);
}

const DAY_MS = 86_400_000;

/** How a deadline stands, in words a division head reads at a glance. */
export function deadlineWords(iso: string, now = Date.now()): string {
  const left = new Date(iso).getTime() - now;
  if (left < 0) return `已逾期 ${Math.max(1, Math.floor(-left / DAY_MS))} 天`;
  if (left < DAY_MS) return '今天到期';
  return `剩 ${Math.ceil(left / DAY_MS)} 天`;
}
