/** Where the console opens what a notification is about. */
export function notificationLink(subjectKind: string, subjectId: string): string {
  const id = encodeURIComponent(subjectId);
  switch (subjectKind) {
    case 'MATTER':
      return `/board/matters/${id}`;
    case 'DOCUMENT':
      return `/documents/${id}`;
    case 'CIRCULATION':
      // The 工作台 lists what I hold (待我传阅) with its one-click 已阅传下.
      return '/';
    default:
      return '/board';
  }
}
