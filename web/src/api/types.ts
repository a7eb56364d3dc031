/** Result types for the selections made in operations.ts (only the fields asked for). */

export type CaseStatus = 'OPEN' | 'RECOVERED' | 'CLOSED';
export const CASE_STATUSES: CaseStatus[] = ['OPEN', 'RECOVERED', 'CLOSED'];
export type Role = 'SUSPECT' | 'ASSOCIATE';
export type LinkType =
  | 'SUBJECT_OF' | 'SUSPECT_IN' | 'ASSOCIATE_IN' | 'USES' | 'MENTIONS' | 'LISTS' | 'SHOWS'
  | 'ASSOCIATED_WITH' | 'SIMILAR_TEXT' | 'SIMILAR_IMAGE' | 'SAME_AS' | 'PROPOSED_SAME_AS'
  | 'OWNED_BY' | 'POSTED_IN' | 'LAST_SEEN_IN';
export type SearchType = 'PERSON' | 'CHILD' | 'CASE' | 'AD';
export type ProposalStatus = 'PROPOSED' | 'CONFIRMED' | 'REJECTED';
export const PROPOSAL_STATUSES: ProposalStatus[] = ['PROPOSED', 'CONFIRMED', 'REJECTED'];
export type IdentityKind = 'PERSON' | 'CHILD';
export type IdentityDecision = 'CONFIRM' | 'REJECT' | 'REOPEN';
export type AlertStatus = 'OPEN' | 'ACKNOWLEDGED';

export interface Evidence {
  source: string;
  recordId: string | null;
  observedAt: string | null;
  ingestedAt?: string;
}

/** The NodeSummary fragment: enough of any node to label, style and route to it. */
export type NodeSummary =
  | { __typename: 'Case'; id: string; caseNumber: string; status: CaseStatus; caseState: string | null; type: string }
  | { __typename: 'Child'; id: string; redacted: boolean; redactionReason?: string | null; firstName: string | null; lastName: string | null; childId: string | null }
  | { __typename: 'Person'; id: string; firstName: string | null; lastName: string | null }
  | { __typename: 'Phone'; id: string; e164: string; national: string }
  | { __typename: 'Email'; id: string; address: string }
  | { __typename: 'Handle'; id: string; platform: string; handle: string }
  | { __typename: 'Ad'; id: string; adId: string; title: string | null; site: string; postedAt: string }
  | { __typename: 'Image'; id: string; hash: string }
  | { __typename: 'Location'; id: string; city: string; state: string }
  | { __typename: 'Agency'; id: string; code: string }
  | { __typename: 'Network'; id: string; size: number }
  | { __typename: 'Watch' | 'Alert' | 'IdentityProposal'; id: string };

export type NodeKind = NodeSummary['__typename'];

export interface SearchHit {
  score: number;
  node: NodeSummary;
}

export interface PhoneRef { id: string; e164: string; national: string }
export interface EmailRef { id: string; address: string }
export interface HandleRef { id: string; platform: string; handle: string }
export interface LocationRef { id: string; city: string; state: string }

export interface ChildDetail {
  id: string;
  childId: string | null;
  firstName: string | null;
  lastName: string | null;
  aliases: string[] | null;
  dob: string | null;
  sex: string | null;
  redacted: boolean;
  /** The API's reason for withholding the identity, in words to show; null when not redacted. */
  redactionReason: string | null;
  phones: PhoneRef[];
  emails: EmailRef[] | null;
  handles: HandleRef[] | null;
}

export interface PersonInCase {
  id: string;
  firstName: string | null;
  lastName: string | null;
  aliases: string[];
  dob: string | null;
  phones: PhoneRef[];
  emails: EmailRef[];
  handles: HandleRef[];
  cases: { role: Role; case: { caseNumber: string; state: string | null } }[];
}

export interface CaseDetail {
  id: string;
  caseNumber: string;
  type: string;
  status: CaseStatus;
  reportedAt: string;
  state: string | null;
  summary: string | null;
  agency: { code: string; name: string | null };
  children: ChildDetail[];
  people: { role: Role; evidence: Evidence; person: PersonInCase }[];
  phones: PhoneRef[];
  emails: EmailRef[];
  handles: HandleRef[];
  locations: LocationRef[];
}

export interface PathStep {
  from: string;
  to: string;
  type: LinkType;
  forward: boolean;
  evidence: Evidence[];
}

export interface Path {
  length: number;
  nodes: NodeSummary[];
  steps: PathStep[];
}

export interface CaseLink {
  score: number;
  distance: number;
  case: { id: string; caseNumber: string; status: CaseStatus; state: string | null; agency: { code: string } };
  paths: Path[];
}

export interface Link {
  type: LinkType;
  from: string;
  to: string;
  evidence: Evidence[];
}

export interface Neighbourhood {
  nodes: NodeSummary[];
  links: Link[];
  truncated: boolean;
  /** The ids of the nodes shown that are hubs (more than the service's hub degree): drawn, never expanded. */
  hubs: string[];
}

/** A dated note on a case (plain text: render as text, never as markup). */
export interface CaseNote {
  text: string;
  author: string;
  createdAt: string;
}

export interface IdentityProposal {
  id: string;
  kind: IdentityKind;
  score: number;
  rule: string;
  status: ProposalStatus;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  history: string[];
  people: { id: string; firstName: string | null; lastName: string | null; cases: { role: Role; case: { caseNumber: string } }[] }[];
  /** Redacted as everywhere: no name for a viewer without need-to-know, with the API's reason. */
  children: { id: string; redacted: boolean; redactionReason: string | null; firstName: string | null; lastName: string | null; cases: { caseNumber: string }[] }[];
}

export interface KeyPlayer {
  rank: number;
  betweenness: number;
  pageRank: number;
  degree: number;
  node: NodeSummary;
}

export interface NetworkSummary {
  id: string;
  size: number;
  firstSeen: string | null;
  lastSeen: string | null;
  counts: { cases: number; children: number; persons: number; phones: number; emails: number; handles: number; ads: number; images: number };
  keyPlayers: KeyPlayer[];
}

export interface TimelineEvent {
  postedAt: string;
  ad: { id: string; adId: string; title: string | null; site: string };
  location: { city: string; state: string } | null;
}

export interface CircuitStop {
  location: { city: string; state: string };
  from: string;
  to: string;
  ads: number;
}

export interface Timeline {
  events: TimelineEvent[];
  circuit: CircuitStop[];
  truncated: boolean;
}

export interface Watch {
  id: string;
  hops: number;
  note: string | null;
  createdAt: string;
  target: { __typename: string; id: string };
}

export interface Alert {
  id: string;
  status: AlertStatus;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgeNote: string | null;
  record: Evidence;
  watch: { id: string; note: string | null; target: NodeSummary };
  path: Path;
}

/** One audit event (details: the API's JSON, shown as text, never as markup). */
export interface AuditEvent {
  seq: string;
  at: string;
  component: string;
  type: string;
  user: string;
  agency: string | null;
  outcome: string;
  details: unknown;
}

export interface AuditChainReport {
  checked: number;
  intact: boolean;
  brokenAt: string | null;
  reason: string | null;
  retention: string;
}
