/** The alerts inbox (staff): alerts raised by watches, newest first, with acknowledge. */
import { ALERTS, ALERT_ACKNOWLEDGE } from '../api/operations';
import type { Alert, AlertStatus } from '../api/types';
import { field, fmtTime, h, replace } from '../dom';
import { isStaff } from '../session';
import type { ViewContext } from './context';
import { errorBox, loading, nodeLink } from './common';
import { evidenceText, pathView } from './case';

export async function renderAlerts(ctx: ViewContext, main: HTMLElement): Promise<void> {
  document.title = 'Alerts · caselink';
  if (!isStaff(ctx.session)) {
    replace(main, h('h1', null, 'Alerts'), h('p', null, 'Alerts are for analysts and case managers.'));
    return;
  }
  const filter = h('select', { testid: 'alerts-filter' }, h('option', { value: 'OPEN' }, 'Open'), h('option', { value: 'ACKNOWLEDGED' }, 'Acknowledged'), h('option', { value: '' }, 'All'));
  const list = h('div', { testid: 'alerts-list' });
  replace(main, h('h1', null, 'Alerts'), h('p', null, 'Alerts are raised when a new record lands near a watched node. Watch a case from its page.'), field('Show', filter), list);
  const load = async () => {
    replace(list, loading('Loading alerts…'));
    try {
      const r = await ctx.client.data(ALERTS, { status: (filter.value || null) as AlertStatus | null, first: 50 }, ctx.signal);
      const alerts = r.alertsConnection.edges.map((e) => e.node);
      replace(list, alerts.length
        ? [h('p', null, `${r.alertsConnection.totalCount} alert${r.alertsConnection.totalCount === 1 ? '' : 's'}.`), h('ul', { class: 'plain' }, alerts.map((a) => alertItem(ctx, a, load)))]
        : h('p', { testid: 'alerts-empty' }, 'No alerts.'));
    } catch (e) {
      replace(list, errorBox(e));
    }
  };
  filter.addEventListener('change', () => void load());
  await load();
}

function alertItem(ctx: ViewContext, a: Alert, reload: () => Promise<void>): HTMLElement {
  const note = h('input', { autocomplete: 'off', maxlength: '2000', testid: 'alert-note' });
  const ack = h('button', { type: 'button', testid: 'alert-ack' }, 'Acknowledge');
  ack.addEventListener('click', async () => {
    ack.disabled = true;
    try {
      await ctx.client.data(ALERT_ACKNOWLEDGE, { input: { alertId: a.id, ...(note.value.trim() ? { note: note.value.trim() } : {}) } }, ctx.signal);
      await reload();
    } catch (e) {
      ack.disabled = false;
      ctx.notify(e instanceof Error ? e.message : String(e), 'error');
    }
  });
  return h('li', { class: 'card', testid: 'alert', 'data-id': a.id, 'data-status': a.status, 'data-record': a.record.recordId ?? '' },
    h('h2', { class: 'h3' }, `${a.status === 'OPEN' ? 'Open' : 'Acknowledged'} alert · ${fmtTime(a.createdAt)}`),
    h('p', null, 'Watch on ', nodeLink(a.watch.target), a.watch.note ? ` (${a.watch.note})` : ''),
    h('p', null, 'New record: ', evidenceText(a.record)),
    h('details', null, h('summary', null, `Path (${a.path.length} steps)`), pathView(a.path)),
    a.status === 'OPEN'
      ? h('div', { class: 'row' }, field('Note', note), ack)
      : h('p', { class: 'muted' }, `Acknowledged ${fmtTime(a.acknowledgedAt)}${a.acknowledgeNote ? `: ${a.acknowledgeNote}` : ''}`));
}
