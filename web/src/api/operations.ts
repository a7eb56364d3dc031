/**
 * Every GraphQL operation the app sends, each a named constant with the types of its variables
 * and result. A schema change touches this file (and types.ts) only.
 */
import { operation } from './http';
import type {
  Alert, AlertStatus, AuditChainReport, AuditEvent, IdentityKind, ProposalStatus, CaseDetail, CaseNote, CaseLink, CaseStatus, ChildDetail, IdentityDecision,
  IdentityProposal, Link, Neighbourhood, NetworkSummary, NodeSummary, Path, PersonInCase, Role,
  SearchHit, SearchType, Timeline, Watch, KeyPlayer,
} from './types';

export const NODE_SUMMARY = `
fragment NodeSummary on Node {
  __typename id
  ... on Case { caseNumber status caseState: state type }
  ... on Child { redacted redactionReason firstName lastName childId }
  ... on Person { firstName lastName }
  ... on Phone { e164 national }
  ... on Email { address }
  ... on Handle { platform handle }
  ... on Ad { adId title site postedAt }
  ... on Image { hash }
  ... on Location { city state }
  ... on Agency { code }
  ... on Network { size }
}`;

const EVIDENCE = `fragment Ev on Evidence { source recordId observedAt ingestedAt }`;

const PATH = `
fragment PathParts on Path {
  length
  nodes { ...NodeSummary }
  steps { from to type forward evidence { ...Ev } }
}`;

// ---------------------------------------------------------------- search

export interface SearchVariables {
  text: string;
  first: number;
  types: SearchType[] | null;
  isPhone: boolean;
  phone: string;
  isEmail: boolean;
  email: string;
  isHandle: boolean;
  platform: string;
  handle: string;
  isCaseNumber: boolean;
  caseNumber: string;
  isAdId: boolean;
  adId: string;
}
export interface SearchResult {
  search: SearchHit[];
  phone?: NodeSummary | null;
  email?: NodeSummary | null;
  handle?: NodeSummary | null;
  exactCase?: NodeSummary | null;
  exactAd?: NodeSummary | null;
}
/**
 * Full-text search (people, children, cases, ads) and, when the text has the shape of one, the
 * exact lookups of a phone, email, handle, case number or ad id: `search` covers no contacts.
 */
export const SEARCH = operation<SearchVariables, SearchResult>('Search', `
query Search($text: String!, $first: Int, $types: [SearchType!],
  $isPhone: Boolean!, $phone: String!, $isEmail: Boolean!, $email: String!,
  $isHandle: Boolean!, $platform: String!, $handle: String!,
  $isCaseNumber: Boolean!, $caseNumber: String!, $isAdId: Boolean!, $adId: String!) {
  search(text: $text, types: $types, first: $first) { score node { ...NodeSummary } }
  phone(number: $phone) @include(if: $isPhone) { ...NodeSummary }
  email(address: $email) @include(if: $isEmail) { ...NodeSummary }
  handle(platform: $platform, handle: $handle) @include(if: $isHandle) { ...NodeSummary }
  exactCase: case(caseNumber: $caseNumber) @include(if: $isCaseNumber) { ...NodeSummary }
  exactAd: ad(adId: $adId) @include(if: $isAdId) { ...NodeSummary }
}
${NODE_SUMMARY}`);

// ---------------------------------------------------------------- case page

export interface CaseVariables { caseNumber: string }
export interface CaseResult { case: CaseDetail | null }
const CONTACT_FIELDS = `phones { id e164 national } emails { id address } handles { id platform handle }`;
export const CASE_PAGE = operation<CaseVariables, CaseResult>('CasePage', `
query CasePage($caseNumber: String!) {
  case(caseNumber: $caseNumber) {
    id caseNumber type status reportedAt state summary
    agency { code name }
    children { id childId firstName lastName aliases dob sex redacted redactionReason ${CONTACT_FIELDS} }
    people {
      role
      evidence { ...Ev }
      person { id firstName lastName aliases dob ${CONTACT_FIELDS} cases { role case { caseNumber state } } }
    }
    ${CONTACT_FIELDS}
    locations { id city state }
  }
}
${EVIDENCE}`);

export interface LinkedCasesVariables { caseNumber: string; first: number; maxHops: number; minScore: number }
export interface LinkedCasesResult { linkedCases: { links: CaseLink[]; truncated: boolean } }
export const LINKED_CASES = operation<LinkedCasesVariables, LinkedCasesResult>('LinkedCases', `
query LinkedCases($caseNumber: String!, $first: Int, $maxHops: Int, $minScore: Float) {
  linkedCases(caseNumber: $caseNumber, first: $first, maxHops: $maxHops, minScore: $minScore) {
    truncated
    links {
      score distance
      case { id caseNumber status state agency { code } }
      paths { ...PathParts }
    }
  }
}
${PATH}${NODE_SUMMARY}${EVIDENCE}`);

/** Staff only: the case's network with its key players, and identity proposals about its people. */
export interface CaseStaffVariables { caseNumber: string }
export interface CaseStaffResult {
  case: {
    id: string;
    network: NetworkSummary | null;
    people: { person: { id: string; possibleSameAs: IdentityProposal[] } }[];
  } | null;
  identityProposals: IdentityProposal[];
  watchesConnection: { edges: { node: Watch }[] };
}
const PROPOSAL = `
fragment Proposal on IdentityProposal {
  id kind score rule status proposedAt decidedBy decidedAt reason history
  people { id firstName lastName cases { role case { caseNumber } } }
  children { id redacted redactionReason firstName lastName cases { caseNumber } }
}`;
const WATCH = `fragment WatchParts on Watch { id hops note createdAt target { __typename id } }`;
export const CASE_STAFF = operation<CaseStaffVariables, CaseStaffResult>('CaseStaff', `
query CaseStaff($caseNumber: String!) {
  case(caseNumber: $caseNumber) {
    id
    network {
      id size firstSeen lastSeen
      counts { cases children persons phones emails handles ads images }
      keyPlayers(first: 5) { rank betweenness pageRank degree node { ...NodeSummary } }
    }
    people { person { id possibleSameAs { ...Proposal } } }
  }
  identityProposals(kind: CHILD, status: PROPOSED, first: 100) { ...Proposal }
  watchesConnection(first: 200) { edges { node { ...WatchParts } } }
}
${PROPOSAL}${WATCH}${NODE_SUMMARY}`);

export interface TimelineVariables { id: string; first: number }
export interface TimelineResult { timeline: Timeline }
export const TIMELINE = operation<TimelineVariables, TimelineResult>('Timeline', `
query Timeline($id: ID!, $first: Int) {
  timeline(id: $id, first: $first) {
    truncated
    events { postedAt ad { id adId title site } location { city state } }
    circuit { location { city state } from to ads }
  }
}`);

/** Staff only (partners get an empty list): the case's dated notes, newest first. */
export interface CaseNotesVariables { caseNumber: string; first: number }
export interface CaseNotesResult { case: { id: string; notes: CaseNote[] } | null }
const NOTE = `fragment NoteParts on CaseNote { text author createdAt }`;
export const CASE_NOTES = operation<CaseNotesVariables, CaseNotesResult>('CaseNotes', `
query CaseNotes($caseNumber: String!, $first: Int) {
  case(caseNumber: $caseNumber) { id notes(first: $first) { ...NoteParts } }
}
${NOTE}`);

// ---------------------------------------------------------------- case writes (staff)

export interface CaseAddNoteVariables { input: { caseNumber: string; text: string } }
export interface CaseAddNoteResult { caseAddNote: { note: CaseNote; case: { caseNumber: string } } }
export const CASE_ADD_NOTE = operation<CaseAddNoteVariables, CaseAddNoteResult>('CaseAddNote', `
mutation CaseAddNote($input: CaseAddNoteInput!) {
  caseAddNote(input: $input) { note { ...NoteParts } case { caseNumber } }
}
${NOTE}`);

export interface CaseUpdateVariables { input: { caseNumber: string; changes: { status?: CaseStatus; summary?: string; state?: string } } }
export interface CaseUpdateResult { caseUpdate: { case: { id: string; status: CaseStatus; summary: string | null; state: string | null } } }
export const CASE_UPDATE = operation<CaseUpdateVariables, CaseUpdateResult>('CaseUpdate', `
mutation CaseUpdate($input: CaseUpdateInput!) {
  caseUpdate(input: $input) { case { id status summary state } }
}`);

export interface ContactsAddVariables {
  input: { ownerId: string; contacts: { phones?: string[]; emails?: string[]; handles?: { platform: string; handle: string }[] } };
}
export interface ContactsAddResult { contactsAdd: { owner: { id: string } } }
export const CONTACTS_ADD = operation<ContactsAddVariables, ContactsAddResult>('ContactsAdd', `
mutation ContactsAdd($input: ContactsAddInput!) {
  contactsAdd(input: $input) { owner { id } }
}`);

export interface PersonInput { firstName?: string; lastName?: string; dob?: string; aliases?: string[] }
export interface CaseAddPersonVariables { input: { caseNumber: string; role: Role; person: PersonInput } }
export interface CaseAddPersonResult { caseAddPerson: { person: Pick<PersonInCase, 'id' | 'firstName' | 'lastName'> } }
export const CASE_ADD_PERSON = operation<CaseAddPersonVariables, CaseAddPersonResult>('CaseAddPerson', `
mutation CaseAddPerson($input: CaseAddPersonInput!) {
  caseAddPerson(input: $input) { person { id firstName lastName } }
}`);

export interface ChildInput { firstName?: string; lastName?: string; dob?: string; sex?: string; childId?: string }
export interface CaseAddChildVariables { input: { caseNumber: string; child: ChildInput } }
export interface CaseAddChildResult { caseAddChild: { child: Pick<ChildDetail, 'id' | 'redacted' | 'firstName' | 'lastName'> } }
export const CASE_ADD_CHILD = operation<CaseAddChildVariables, CaseAddChildResult>('CaseAddChild', `
mutation CaseAddChild($input: CaseAddChildInput!) {
  caseAddChild(input: $input) { child { id redacted firstName lastName } }
}`);

export interface IdentityDecideVariables { input: { id: string; decision: IdentityDecision; reason: string } }
export interface IdentityDecideResult { identityDecide: { proposal: IdentityProposal } }
export const IDENTITY_DECIDE = operation<IdentityDecideVariables, IdentityDecideResult>('IdentityDecide', `
mutation IdentityDecide($input: IdentityDecideInput!) {
  identityDecide(input: $input) { proposal { ...Proposal } }
}
${PROPOSAL}`);

/** Staff: the identity-proposal queue (strongest first) and its length under the same filters. */
export interface IdentityProposalsVariables { status: ProposalStatus; kind: IdentityKind | null; minScore: number; first: number }
export interface IdentityProposalsResult { identityProposals: IdentityProposal[]; identityProposalCount: number }
export const IDENTITY_PROPOSALS = operation<IdentityProposalsVariables, IdentityProposalsResult>('IdentityProposals', `
query IdentityProposals($status: ProposalStatus, $kind: IdentityKind, $minScore: Float, $first: Int) {
  identityProposals(status: $status, kind: $kind, minScore: $minScore, first: $first) { ...Proposal }
  identityProposalCount(status: $status, kind: $kind, minScore: $minScore)
}
${PROPOSAL}`);

/** Staff: how many proposals wait for a decision (the nav's count). */
export type ProposalCountVariables = Record<string, never>;
export interface ProposalCountResult { identityProposalCount: number }
export const PROPOSAL_COUNT = operation<ProposalCountVariables, ProposalCountResult>('ProposalCount', `
query ProposalCount { identityProposalCount(status: PROPOSED) }`);

export interface WatchCreateVariables { input: { id: string; hops: number; note?: string } }
export interface WatchCreateResult { watchCreate: { watch: Watch } }
export const WATCH_CREATE = operation<WatchCreateVariables, WatchCreateResult>('WatchCreate', `
mutation WatchCreate($input: WatchCreateInput!) {
  watchCreate(input: $input) { watch { ...WatchParts } }
}
${WATCH}`);

export interface WatchDeleteVariables { input: { watchId: string } }
export interface WatchDeleteResult { watchDelete: { watchId: string; deleted: boolean } }
export const WATCH_DELETE = operation<WatchDeleteVariables, WatchDeleteResult>('WatchDelete', `
mutation WatchDelete($input: WatchDeleteInput!) {
  watchDelete(input: $input) { watchId deleted }
}`);

// ---------------------------------------------------------------- explorer

export interface NeighbourhoodVariables { id: string; hops: number; limit: number }
export interface NeighbourhoodResult { neighbourhood: Neighbourhood }
export const NEIGHBOURHOOD = operation<NeighbourhoodVariables, NeighbourhoodResult>('Neighbourhood', `
query Neighbourhood($id: ID!, $hops: Int, $limit: Int) {
  neighbourhood(id: $id, hops: $hops, limit: $limit) {
    truncated
    hubs
    nodes { ...NodeSummary }
    links { type from to evidence { ...Ev } }
  }
}
${NODE_SUMMARY}${EVIDENCE}`);

export interface PathsVariables { from: string; to: string; maxHops: number; limit: number }
export interface PathsResult { paths: { paths: Path[]; truncated: boolean } }
export const PATHS = operation<PathsVariables, PathsResult>('Paths', `
query Paths($from: ID!, $to: ID!, $maxHops: Int, $limit: Int) {
  paths(from: $from, to: $to, maxHops: $maxHops, limit: $limit) {
    truncated
    paths { ...PathParts }
  }
}
${PATH}${NODE_SUMMARY}${EVIDENCE}`);

export interface NodeVariables { id: string }
export interface NodeResult { node: NodeSummary | null }
export const NODE = operation<NodeVariables, NodeResult>('Node', `
query Node($id: ID!) { node(id: $id) { ...NodeSummary } }
${NODE_SUMMARY}`);

/** Staff only: a network's members (the most central first), ranked, to draw it. */
export interface NetworkVariables { id: string; first: number }
export interface NetworkResult {
  network: (NetworkSummary & {
    members: { nodes: NodeSummary[]; truncated: boolean };
    ranked: KeyPlayer[];
  }) | null;
}
export const NETWORK = operation<NetworkVariables, NetworkResult>('Network', `
query Network($id: ID!, $first: Int) {
  network(id: $id) {
    id size firstSeen lastSeen
    counts { cases children persons phones emails handles ads images }
    keyPlayers(first: 5) { rank betweenness pageRank degree node { ...NodeSummary } }
    ranked: keyPlayers(types: [], by: PAGE_RANK, first: $first) { rank betweenness pageRank degree node { __typename id } }
    members(first: $first) { truncated nodes { ...NodeSummary } }
  }
}
${NODE_SUMMARY}`);

/**
 * Staff only: the links between a network's members, each with its evidence (`Network.links`),
 * the edges of the network view. A request of its own: with the members in the same query, or
 * 1,000 links with their evidence, it goes over the service's query-complexity limit (about 122
 * per link with these evidence fields: 800 links fit).
 */
export interface NetworkLinksVariables { id: string; first: number }
export interface NetworkLinksResult { network: { id: string; links: { links: Link[]; truncated: boolean } } | null }
export const NETWORK_LINKS = operation<NetworkLinksVariables, NetworkLinksResult>('NetworkLinks', `
query NetworkLinks($id: ID!, $first: Int) {
  network(id: $id) {
    id
    links(first: $first) { truncated links { type from to evidence { source recordId observedAt } } }
  }
}`);

// ---------------------------------------------------------------- alerts (staff)

export interface AlertsVariables { status: AlertStatus | null; first: number }
export interface AlertsResult { alertsConnection: { totalCount: number; edges: { node: Alert }[] } }
export const ALERTS = operation<AlertsVariables, AlertsResult>('Alerts', `
query Alerts($status: AlertStatus, $first: Int) {
  alertsConnection(status: $status, first: $first) {
    totalCount
    edges { node {
      id status createdAt acknowledgedAt acknowledgeNote
      record { ...Ev }
      watch { id note target { ...NodeSummary } }
      path { ...PathParts }
    } }
  }
}
${PATH}${NODE_SUMMARY}${EVIDENCE}`);

export interface AlertAcknowledgeVariables { input: { alertId: string; note?: string } }
export interface AlertAcknowledgeResult { alertAcknowledge: { alert: { id: string; status: AlertStatus; acknowledgedAt: string | null } } }
export const ALERT_ACKNOWLEDGE = operation<AlertAcknowledgeVariables, AlertAcknowledgeResult>('AlertAcknowledge', `
mutation AlertAcknowledge($input: AlertAcknowledgeInput!) {
  alertAcknowledge(input: $input) { alert { id status acknowledgedAt } }
}`);

export interface WatchesVariables { first: number }
export interface WatchesResult { watchesConnection: { edges: { node: Watch }[] } }
export const WATCHES = operation<WatchesVariables, WatchesResult>('Watches', `
query Watches($first: Int) { watchesConnection(first: $first) { edges { node { ...WatchParts } } } }
${WATCH}`);

// ---------------------------------------------------------------- audit (auditors)

export type AuditChainVariables = Record<string, never>;
export interface AuditChainResult { auditChain: AuditChainReport }
export const AUDIT_CHAIN = operation<AuditChainVariables, AuditChainResult>('AuditChain', `
query AuditChain { auditChain { checked intact brokenAt reason retention } }`);

export interface AuditEventsVariables {
  user: string | null;
  type: string | null;
  outcome: string | null;
  from: string | null;
  to: string | null;
  returnedId: string | null;
  caseNumber: string | null;
  first: number;
  after: string | null;
}
export interface AuditEventsResult {
  auditEventsConnection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: AuditEvent }[] };
}
/** Auditors: audit events, newest first, filtered; `caseNumber` / `returnedId`: who saw it. */
export const AUDIT_EVENTS = operation<AuditEventsVariables, AuditEventsResult>('AuditEvents', `
query AuditEvents($user: String, $type: String, $outcome: String, $from: DateTime, $to: DateTime,
  $returnedId: ID, $caseNumber: String, $first: Int, $after: String) {
  auditEventsConnection(user: $user, type: $type, outcome: $outcome, from: $from, to: $to,
    returnedId: $returnedId, caseNumber: $caseNumber, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { seq at component type user agency outcome details } }
  }
}`);

/** All operations, for a check that each document parses against the schema (see api.test.ts). */
export const ALL_OPERATIONS = [
  SEARCH, CASE_PAGE, LINKED_CASES, CASE_STAFF, CASE_NOTES, TIMELINE, CASE_ADD_NOTE, CASE_UPDATE, CONTACTS_ADD, CASE_ADD_PERSON,
  CASE_ADD_CHILD, IDENTITY_DECIDE, WATCH_CREATE, WATCH_DELETE, NEIGHBOURHOOD, PATHS, NODE, NETWORK, NETWORK_LINKS,
  ALERTS, ALERT_ACKNOWLEDGE, WATCHES, IDENTITY_PROPOSALS, PROPOSAL_COUNT, AUDIT_CHAIN, AUDIT_EVENTS,
];
