import { isOfficeLeader } from '@heli/auth';
import { readableClassifications, type Viewer } from './visibility.rules.js';

/**
 * Who sees a forum topic: anyone of its office whose clearance covers it. The forum is where the
 * office discusses together, so there is no narrower need-to-know than the classification.
 */
export function forumTopicFilter(viewer: Viewer): Record<string, unknown> {
  return {
    officeId: viewer.officeId,
    classification: { $in: readableClassifications(viewer.clearance) },
  };
}

/**
 * Who sees a forum post: whoever may see both the post and its topic (a post in a topic above
 * the viewer's clearance would tell of the topic). ANDed into every read of posts.
 */
export function forumPostFilter(viewer: Viewer): Record<string, unknown> {
  const readable = readableClassifications(viewer.clearance);
  return {
    officeId: viewer.officeId,
    classification: { $in: readable },
    topicClassification: { $in: readable },
  };
}

/**
 * Whether the viewer reads a hidden post's text: the moderators (office leadership) and its
 * author. Everyone else sees that it was hidden and why, so a thread's replies keep their sense.
 */
export function readsHiddenPost(viewer: Viewer, post: { authorStaffId: string }): boolean {
  return isOfficeLeader(viewer) || post.authorStaffId === viewer.sub;
}
