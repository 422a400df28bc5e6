/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Workbench($divisionId: ID, $open: [AssignmentStatus!], $dueBefore: DateTime) {\n  me {\n    id\n    name\n    title\n    division {\n      id\n      name\n    }\n  }\n  matters: assignments(\n    filter: {divisionId: $divisionId, status: $open, deadlineTo: $dueBefore}\n    sort: {field: DEADLINE, direction: ASC}\n    first: 10\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        deadline\n        overdue\n        status\n        escalationLevel\n        priority\n        nextReportDueAt\n        leadDivision {\n          id\n          name\n        }\n      }\n    }\n  }\n  unread: readingInbox(status: UNREAD, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  overdueReading: readingInbox(status: OVERDUE, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  circulations: myCirculations(holding: true) {\n    id\n    document {\n      id\n      title\n    }\n    startedBy {\n      id\n      name\n    }\n    currentHopDueAt\n    currentHopOverdue\n  }\n}": typeof types.WorkbenchDocument,
};
const documents: Documents = {
    "query Workbench($divisionId: ID, $open: [AssignmentStatus!], $dueBefore: DateTime) {\n  me {\n    id\n    name\n    title\n    division {\n      id\n      name\n    }\n  }\n  matters: assignments(\n    filter: {divisionId: $divisionId, status: $open, deadlineTo: $dueBefore}\n    sort: {field: DEADLINE, direction: ASC}\n    first: 10\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        deadline\n        overdue\n        status\n        escalationLevel\n        priority\n        nextReportDueAt\n        leadDivision {\n          id\n          name\n        }\n      }\n    }\n  }\n  unread: readingInbox(status: UNREAD, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  overdueReading: readingInbox(status: OVERDUE, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  circulations: myCirculations(holding: true) {\n    id\n    document {\n      id\n      title\n    }\n    startedBy {\n      id\n      name\n    }\n    currentHopDueAt\n    currentHopOverdue\n  }\n}": types.WorkbenchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Workbench($divisionId: ID, $open: [AssignmentStatus!], $dueBefore: DateTime) {\n  me {\n    id\n    name\n    title\n    division {\n      id\n      name\n    }\n  }\n  matters: assignments(\n    filter: {divisionId: $divisionId, status: $open, deadlineTo: $dueBefore}\n    sort: {field: DEADLINE, direction: ASC}\n    first: 10\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        deadline\n        overdue\n        status\n        escalationLevel\n        priority\n        nextReportDueAt\n        leadDivision {\n          id\n          name\n        }\n      }\n    }\n  }\n  unread: readingInbox(status: UNREAD, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  overdueReading: readingInbox(status: OVERDUE, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  circulations: myCirculations(holding: true) {\n    id\n    document {\n      id\n      title\n    }\n    startedBy {\n      id\n      name\n    }\n    currentHopDueAt\n    currentHopOverdue\n  }\n}"): (typeof documents)["query Workbench($divisionId: ID, $open: [AssignmentStatus!], $dueBefore: DateTime) {\n  me {\n    id\n    name\n    title\n    division {\n      id\n      name\n    }\n  }\n  matters: assignments(\n    filter: {divisionId: $divisionId, status: $open, deadlineTo: $dueBefore}\n    sort: {field: DEADLINE, direction: ASC}\n    first: 10\n  ) {\n    totalCount\n    edges {\n      node {\n        id\n        title\n        deadline\n        overdue\n        status\n        escalationLevel\n        priority\n        nextReportDueAt\n        leadDivision {\n          id\n          name\n        }\n      }\n    }\n  }\n  unread: readingInbox(status: UNREAD, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  overdueReading: readingInbox(status: OVERDUE, first: 10) {\n    totalCount\n    edges {\n      node {\n        id\n        documentTitle\n        classification\n        dueAt\n        sentAt\n        document {\n          id\n        }\n      }\n    }\n  }\n  circulations: myCirculations(holding: true) {\n    id\n    document {\n      id\n      title\n    }\n    startedBy {\n      id\n      name\n    }\n    currentHopDueAt\n    currentHopOverdue\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;