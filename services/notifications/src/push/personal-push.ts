import type { NatsConnection } from 'nats';

/**
 * Tells the open consoles of one person that a notification arrived, on a core NATS subject of
 * their own — whichever replica holds their stream hears it. Nothing is kept: a console that is
 * not connected learns its unread count when it connects, from the database.
 */
export interface PersonalPush {
  announce(staffId: string, notificationId: string): void;
  /** Calls `heard` with each notification id announced for the person until the returned stop. */
  listen(staffId: string, heard: (notificationId: string) => void): () => void;
}

/** A staff id as one subject token: ids may hold characters NATS gives meaning to (`.`, `*`, `>`). */
const subjectToken = (staffId: string): string => Buffer.from(staffId).toString('base64url');

export function natsPersonalPush(nc: NatsConnection, namespace: string): PersonalPush {
  const subjectOf = (staffId: string) => `${namespace}.push.notifications.${subjectToken(staffId)}`;
  return {
    announce(staffId, notificationId) {
      if (nc.isClosed()) return;
      nc.publish(subjectOf(staffId), notificationId);
    },
    listen(staffId, heard) {
      const subscription = nc.subscribe(subjectOf(staffId), {
        callback: (error, msg) => {
          if (!error) heard(msg.string());
        },
      });
      return () => subscription.unsubscribe();
    },
  };
}
