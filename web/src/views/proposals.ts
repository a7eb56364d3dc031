/**
 * Identity proposals (staff): one proposal with its two sides, score, rule and history, decided
 * with a required reason (shared by the case page and the queue), and the queue screen itself.
 */
import { IDENTITY_DECIDE, IDENTITY_PROPOSALS } from '../api/operations';
import { PROPOSAL_STATUSES, type IdentityDecision, type IdentityKind, type IdentityProposal, type ProposalStatus } from '../api/types';
import { field, fmtTime, h, nextId, replace, type Child } from '../dom';
import { caseHref, exploreHref } from '../router';
import { canWrite, isStaff } from '../session';
import type { ViewContext } from './context';
import { errorBox, human, kindBadge, loading, redactionText } from './common';

const name = (first: string | null, last: string | null) => [first, last].filter(Boolean).join(' ');

/** One side of a proposal: the person or child (explorer), its cases (case pages); a child redacted as the API returns it. */
function side(p: IdentityProposal, i: number): Child {
  if (p.kind === 'PERSON') {
    const x = p.people[i];
    if (!x) return null;
    return h('div', { class: 'proposal-side', testid: 'proposal-side', 'data-id': x.id },
      kindBadge('Person'), ' ', h('a', { href: exploreHref(x.id), testid: 'proposal-side-link' }, name(x.firstName, x.lastName) || 'Person'),
      x.cases.length
        ? h('ul', { class: 'plain small' }, x.cases.map((c) => h('li', null,
          h('a', { href: caseHref(c.case.caseNumber), testid: 'proposal-case-link' }, c.case.caseNumber), ` ${human(c.role)}`)))
        : h('p', { class: 'muted small' }, 'In no case in your sight.'));
  }
  const x = p.children[i];
  if (!x) return null;
  return h('div', { class: 'proposal-side', testid: 'proposal-side', 'data-id': x.id, 'data-redacted': String(x.redacted) },
    kindBadge('Child'), ' ',
    h('a', { href: exploreHref(x.id), testid: 'proposal-side-link' }, x.redacted ? 'Child (redacted)' : name(x.firstName, x.lastName) || 'Child'),
    x.redacted ? h('p', { class: 'reason small', testid: 'proposal-redaction-reason' }, redactionText(x.redactionReason)) : null,
    x.cases.length
      ? h('ul', { class: 'plain small' }, x.cases.map((c) => h('li', null, h('a', { href: caseHref(c.caseNumber), testid: 'proposal-case-link' }, c.caseNumber))))
      : h('p', { class: 'muted small' }, 'In no case in your sight.'));
}

/**
 * A proposal with confirm / reject (or reopen once decided), a reason required; `decided` runs
 * after the API recorded the decision (the caller reloads what it shows).
 */
export function proposalItem(ctx: ViewContext, p: IdentityProposal, decided: () => void): HTMLElement {
  const reason = h('textarea', { rows: '2', maxlength: '2000', required: true, testid: 'proposal-reason' });
  const err = h('div', { 'aria-live': 'assertive' });
  const buttons: HTMLButtonElement[] = [];
  const decide = async (decision: IdentityDecision) => {
    if (!reason.value.trim()) {
      replace(err, h('div', { class: 'alert error', role: 'alert' }, 'A reason is required: it stays on the proposal’s history.'));
      reason.focus();
      return;
    }
    buttons.forEach((b) => (b.disabled = true));
    try {
      await ctx.client.data(IDENTITY_DECIDE, { input: { id: p.id, decision, reason: reason.value.trim() } }, ctx.signal);
      ctx.notify(`Proposal ${decision === 'CONFIRM' ? 'confirmed' : decision === 'REJECT' ? 'rejected' : 'reopened'}.`);
      ctx.proposalsChanged?.();
      decided();
    } catch (e) {
      buttons.forEach((b) => (b.disabled = false));
      replace(err, errorBox(e));
    }
  };
  const choices = p.status === 'PROPOSED'
    ? [['CONFIRM', 'Confirm: same individual'], ['REJECT', 'Reject: different individuals']] as const
    : [['REOPEN', 'Reopen']] as const;
  return h('li', { class: 'proposal', testid: 'proposal', 'data-id': p.id, 'data-status': p.status, 'data-kind': p.kind },
    h('p', null, h('strong', null, `${human(p.kind)} proposal`), ` · score ${p.score.toFixed(2)} · `,
      h('span', { testid: 'proposal-status' }, human(p.status)), h('span', { class: 'muted' }, ` · proposed ${fmtTime(p.proposedAt)}`)),
    h('div', { class: 'proposal-sides' }, side(p, 0), h('span', { class: 'proposal-vs', 'aria-hidden': 'true' }, '⟷'), side(p, 1)),
    h('p', null, h('span', { class: 'muted' }, 'Evidence: '), h('span', { testid: 'proposal-rule' }, p.rule)),
    p.decidedBy ? h('p', { class: 'muted' }, `${human(p.status)} by ${p.decidedBy} ${fmtTime(p.decidedAt)}${p.reason ? `: ${p.reason}` : ''}`) : null,
    p.history.length ? h('details', null, h('summary', null, `History (${p.history.length})`), h('ul', { class: 'muted small' }, p.history.map((x) => h('li', null, x)))) : null,
    canWrite(ctx.session)
      ? h('div', { class: 'decide' }, field('Reason (required)', reason),
        h('div', { class: 'row' }, choices.map(([d, label]) => {
          const b = h('button', { type: 'button', testid: `proposal-${d.toLowerCase()}` }, label);
          b.addEventListener('click', () => void decide(d));
          buttons.push(b);
          return b;
        })), err)
      : null);
}

const PAGE = 100;

/** The queue (`#/proposals`): identity proposals, strongest first, filtered by status, kind and least score. */
export async function renderProposals(ctx: ViewContext, main: HTMLElement, initial: { status?: string; kind?: string } = {}): Promise<void> {
  document.title = 'Identity proposals · caselink';
  if (!isStaff(ctx.session)) {
    replace(main, h('h1', null, 'Identity proposals'), h('p', null, 'The identity-proposal queue is for analysts and case managers.'));
    return;
  }
  const status = h('select', { testid: 'proposals-status' },
    PROPOSAL_STATUSES.map((s) => h('option', { value: s, selected: s === (initial.status ?? 'PROPOSED') }, human(s))));
  const kind = h('select', { testid: 'proposals-kind' },
    h('option', { value: '' }, 'People and children'),
    h('option', { value: 'PERSON', selected: initial.kind === 'PERSON' }, 'People'),
    h('option', { value: 'CHILD', selected: initial.kind === 'CHILD' }, 'Children'));
  const minScore = h('input', { type: 'number', min: '0', max: '1', step: '0.05', value: '0', testid: 'proposals-min-score' });
  const summary = h('p', { role: 'status', testid: 'proposals-summary' });
  const list = h('div', { testid: 'proposals-list' });
  const filterId = nextId('proposal-filters');
  replace(main,
    h('h1', null, 'Identity proposals'),
    h('p', null, 'Pairs of people, or of children, that may be one individual, strongest first. Nothing is merged: a decision, with its reason, is recorded on the proposal and can be reversed.'),
    h('form', { class: 'row filters', 'aria-labelledby': filterId, testid: 'proposals-filters' },
      h('span', { id: filterId, class: 'visually-hidden' }, 'Filter proposals'),
      field('Status', status), field('Kind', kind), field('Least score', minScore)),
    summary, list);
  const load = async () => {
    replace(list, loading('Loading proposals…'));
    replace(summary);
    const score = Number(minScore.value);
    try {
      const r = await ctx.client.data(IDENTITY_PROPOSALS, {
        status: status.value as ProposalStatus,
        kind: (kind.value || null) as IdentityKind | null,
        minScore: Number.isFinite(score) ? Math.min(Math.max(score, 0), 1) : 0,
        first: PAGE,
      }, ctx.signal);
      const n = r.identityProposalCount;
      summary.textContent = `${n} ${human(status.value).toLowerCase()} proposal${n === 1 ? '' : 's'}${r.identityProposals.length < n ? `; the ${r.identityProposals.length} strongest shown` : ''}.`;
      replace(list, r.identityProposals.length
        ? h('ul', { class: 'plain proposals' }, r.identityProposals.map((p) => proposalItem(ctx, p, () => void load())))
        : h('p', { testid: 'proposals-empty' }, 'No proposals match.'));
    } catch (e) {
      replace(list, errorBox(e));
    }
  };
  for (const c of [status, kind, minScore]) c.addEventListener('change', () => void load());
  main.querySelector('form')?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void load();
  });
  await load();
}
