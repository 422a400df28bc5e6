/** Where the console opens what a notification is about. */
export function notificationLink(subjectKind: string, subjectId: string): string {
  const id = encodeURIComponent(subjectId);
  switch (subjectKind) {
    case 'MATTER':
      return `/board/matters/${id}`;
    case 'DOCUMENT':
      return `/documents/${id}`;
    case 'CIRCULATION':
      return `/documents?circulation=${id}`;
    default:
      return '/board';
  }
}
