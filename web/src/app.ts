/**
 * The app: the sign-in screen, the shell (header, nav, main) and the routes. Everything a user
 * saw is thrown away on sign-out and when the session ends (401): requests in flight are aborted,
 * views disposed, the DOM rebuilt; nothing is cached across users.
 */
import { ApiClient, ApiError, isAbortError, type Session, type SignedOut } from './api/http';
import { h, replace, field } from './dom';
import { parseRoute, type Route } from './router';
import { readsCases, isAuditor, isStaff, roleLabel } from './session';
import type { Dispose, ViewContext } from './views/context';
import { errorBox } from './views/common';
import { typeahead } from './views/typeahead';
import { renderHome, renderSearchPage } from './views/search';
import { renderCase } from './views/case';
import { renderTimeline } from './views/timeline';
import { renderAlerts } from './views/alerts';
import { renderProposals } from './views/proposals';
import { renderAudit } from './views/audit';
import { PROPOSAL_COUNT } from './api/operations';

export class App {
  readonly client: ApiClient;
  private readonly root: HTMLElement;
  private session: Session | null = null;
  private mode = 'demo';
  private disposeView: Dispose | undefined;
  private viewAbort: AbortController | undefined;
  private main: HTMLElement | undefined;
  private notice: HTMLElement | undefined;
  private search: (HTMLElement & { reset?: () => void }) | undefined;
  private proposalCount: HTMLElement | undefined;
  private readonly onHash = () => this.route();
  private idleTimer: ReturnType<typeof setInterval> | undefined;
  /** Performance marks for the browser tests: when each screen finished rendering. */
  readonly marks: Record<string, number> = {};

  constructor(root: HTMLElement, client = new ApiClient()) {
    this.root = root;
    this.client = client;
    client.setHandlers({
      onSessionEnded: (msg) => this.ended(msg),
      onRateLimited: (msg) => this.notify(msg, 'error'),
    });
  }

  async start(): Promise<void> {
    replace(this.root, h('p', { class: 'loading', role: 'status' }, 'Loading caselink…'));
    try {
      const s = await this.client.session();
      if ('user' in s) this.enter(s);
      else this.signInScreen(s);
    } catch (e) {
      this.signInScreen({ mode: this.mode }, e instanceof ApiError ? e.message : 'Cannot reach the caselink service.');
    }
  }

  /** Throws away everything a signed-in user saw. */
  private reset(): void {
    window.removeEventListener('hashchange', this.onHash);
    clearInterval(this.idleTimer);
    this.idleTimer = undefined;
    this.client.abortAll();
    this.viewAbort?.abort();
    this.viewAbort = undefined;
    try {
      this.disposeView?.();
    } catch {
      // a view failing to release must not keep the old user's screen
    }
    this.disposeView = undefined;
    this.search?.reset?.();
    this.search = undefined;
    this.session = null;
    this.proposalCount = undefined;
    this.main = undefined;
    this.notice = undefined;
    replace(this.root);
  }

  private ended(message: string): void {
    this.reset();
    this.signInScreen({ mode: this.mode }, message, 'info');
  }

  async signOut(): Promise<void> {
    this.reset();
    await this.client.signOut();
    history.replaceState(null, '', location.pathname + location.search + '#/');
    this.signInScreen({ mode: this.mode }, 'You have signed out.', 'info');
  }

  private signInScreen(s: SignedOut, message?: string, kind: 'error' | 'info' = 'error'): void {
    this.mode = s.mode;
    document.title = 'Sign in · caselink';
    const msg = message ? h('div', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status', testid: 'signin-message' }, message) : null;
    if (s.mode === 'jwt') {
      replace(this.root, h('main', { class: 'signin', id: 'main' },
        h('h1', null, 'caselink'),
        h('p', null, 'Investigator workspace. Sign-in goes through your organisation’s identity provider.'),
        msg,
        h('a', { class: 'button primary', href: '/oauth2/authorization/caselink', testid: 'signin-idp' }, 'Sign in with your organisation'),
      ));
      return;
    }
    const user = h('input', { name: 'username', autocomplete: 'username', required: true, testid: 'signin-username' });
    const pass = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, testid: 'signin-password' });
    const submit = h('button', { type: 'submit', class: 'primary', testid: 'signin-submit' }, 'Sign in');
    const err = h('div', { 'aria-live': 'assertive' });
    const form = h('form', { class: 'signin-form', testid: 'signin-form', novalidate: true },
      field('User name', user), field('Password', pass), submit, err);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if (!user.value.trim() || !pass.value) {
        replace(err, h('div', { class: 'alert error', role: 'alert', testid: 'signin-error' }, 'Enter your user name and password.'));
        return;
      }
      submit.disabled = true;
      replace(err);
      try {
        const session = await this.client.signIn(user.value.trim(), pass.value);
        pass.value = '';
        this.enter(session);
      } catch (e) {
        submit.disabled = false;
        pass.value = '';
        replace(err, h('div', { class: 'alert error', role: 'alert', testid: 'signin-error' }, e instanceof Error ? e.message : String(e)));
        pass.focus();
      }
    });
    replace(this.root, h('main', { class: 'signin', id: 'main' },
      h('h1', null, 'caselink'),
      h('p', null, 'Investigator workspace for missing-children and child-trafficking link analysis.'),
      s.mode === 'demo' ? h('p', { class: 'hint' }, 'Demo mode: synthetic data only. Accounts: analyst, casemanager, partner-a, partner-b, auditor, admin; password “<name>-demo”.') : null,
      msg,
      form,
    ));
    user.focus();
  }

  private enter(session: Session): void {
    this.reset();
    this.session = session;
    this.mode = session.mode;
    const search = readsCases(session)
      ? typeahead(this.client, (hash) => this.navigate(hash), (e) => this.showError(e))
      : undefined;
    this.search = search;
    const signOut = h('button', { type: 'button', class: 'link-button', testid: 'signout' }, 'Sign out');
    signOut.addEventListener('click', () => void this.signOut());
    const navItems: [string, string, string, HTMLElement?][] = [];
    if (readsCases(session)) {
      navItems.push(['#/', 'Search', 'nav-search'], ['#/explore', 'Explore', 'nav-explore']);
    }
    if (isStaff(session)) {
      navItems.push(['#/alerts', 'Alerts', 'nav-alerts']);
      this.proposalCount = h('span', { class: 'nav-count', testid: 'nav-proposals-count', hidden: true });
      navItems.push(['#/proposals', 'Proposals', 'nav-proposals', this.proposalCount]);
    }
    if (isAuditor(session)) navItems.push(['#/audit', 'Audit', 'nav-audit']);
    const nav = h('nav', { 'aria-label': 'Main', class: 'main-nav' },
      h('ul', null,
        navItems.map(([hr, label, id, extra]) => h('li', null, h('a', { href: hr, testid: id }, label, extra ?? null))),
        h('li', null, h('a', { href: '/graphiql', testid: 'nav-graphiql', target: '_blank', rel: 'noopener' }, 'GraphiQL')),
      ));
    this.notice = h('div', { class: 'notices', 'aria-live': 'polite', testid: 'notices' });
    this.main = h('main', { id: 'main', tabindex: '-1', testid: 'main' });
    replace(this.root,
      h('header', { class: 'app-header' },
        h('a', { class: 'brand', href: '#/', testid: 'brand' }, 'caselink'),
        search ?? null,
        h('div', { class: 'who', testid: 'user' },
          h('span', { class: 'who-user', testid: 'user-name' }, session.user),
          h('span', { class: 'who-role', testid: 'user-role' }, roleLabel(session))),
        signOut),
      nav,
      this.notice,
      this.main);
    window.addEventListener('hashchange', this.onHash);
    this.watchIdle(session);
    this.route();
    void this.refreshProposalCount();
  }

  /** The nav's count of proposals waiting for a decision (staff): on entering and after each decision. */
  private async refreshProposalCount(): Promise<void> {
    const el = this.proposalCount;
    if (!el) return;
    try {
      const n = (await this.client.data(PROPOSAL_COUNT, {})).identityProposalCount;
      if (el !== this.proposalCount) return;
      replace(el, ' ', h('span', { class: 'badge' }, String(n)), h('span', { class: 'visually-hidden' }, ` waiting for a decision`));
      el.hidden = false;
      el.setAttribute('data-count', String(n));
    } catch (e) {
      // The count is a hint: a failure shows nothing (the queue itself says what went wrong).
      if (!isAbortError(e)) el.hidden = true;
    }
  }

  /**
   * The service ends an idle session and the next request gets 401. So that an unattended
   * screen does not keep showing case data past that, the client also clears itself once no
   * request has been made for the idle timeout. It sends nothing to check (a check would itself
   * keep the session alive), only POST /signout.
   */
  private watchIdle(session: Session): void {
    const limitMs = (session.idleTimeoutSeconds ?? 0) * 1000;
    if (limitMs <= 0) return;
    this.idleTimer = setInterval(() => {
      if (Date.now() - this.client.lastActivity > limitMs) {
        void this.client.signOut();
        this.ended(`Your session has ended after ${Math.round(limitMs / 60000)} minutes without activity. Please sign in again.`);
      }
    }, 15_000);
  }

  navigate(hash: string): void {
    if (location.hash === hash) this.route();
    else location.hash = hash;
  }

  notify(message: string, kind: 'error' | 'info' = 'info'): void {
    if (!this.notice) return;
    const close = h('button', { type: 'button', class: 'link-button', 'aria-label': 'Dismiss message' }, '×');
    const box = h('div', { class: `alert ${kind}`, role: kind === 'error' ? 'alert' : 'status', testid: `notice-${kind}` }, h('span', null, message), close);
    close.addEventListener('click', () => box.remove());
    replace(this.notice, box);
  }

  private showError(e: unknown): void {
    if (isAbortError(e)) return;
    this.notify(e instanceof Error ? e.message : String(e), 'error');
  }

  private route(): void {
    const session = this.session;
    const main = this.main;
    if (!session || !main) return;
    this.viewAbort?.abort();
    try {
      this.disposeView?.();
    } catch {
      /* ignore */
    }
    this.disposeView = undefined;
    if (this.notice) replace(this.notice);
    const ac = new AbortController();
    this.viewAbort = ac;
    const ctx: ViewContext = {
      client: this.client,
      session,
      signal: ac.signal,
      notify: (m, k) => this.notify(m, k),
      navigate: (hsh) => this.navigate(hsh),
      proposalsChanged: () => void this.refreshProposalCount(),
    };
    const route = parseRoute(location.hash);
    replace(main);
    const started = performance.now();
    const done = (name: string) => {
      this.marks[name] = performance.now() - started;
      main.setAttribute('data-view', name);
    };
    if (isAuditor(session) && (route.name === 'audit' || (!readsCases(session) && route.name === 'home'))) {
      const f = route.name === 'audit' ? route : { caseNumber: '', returnedId: '', user: '' };
      void renderAudit(ctx, main, f).then(() => done('audit'));
      if (route.name === 'audit') {
        queueMicrotask(() => {
          const h1 = main.querySelector('h1');
          h1?.setAttribute('tabindex', '-1');
          h1?.focus({ preventScroll: true });
        });
      }
      return;
    }
    if (!readsCases(session)) {
      document.title = 'caselink';
      replace(main,
        h('h1', null, 'caselink'),
        h('p', { testid: 'no-case-access' }, `Your role (${roleLabel(session)}) has no access to case data in this workspace. `,
          isAuditor(session) ? ['The audit trail is in the ', h('a', { href: '#/audit' }, 'audit view'), '.'] : 'Access administration (caseAccess, caseShare, caseAssign) is in GraphiQL.'),
        h('p', null, h('a', { href: '/graphiql' }, 'Open GraphiQL')));
      done('no-access');
      return;
    }
    const focusHeading = () => {
      const h1 = main.querySelector('h1');
      if (h1) {
        h1.setAttribute('tabindex', '-1');
        h1.focus({ preventScroll: true });
      }
    };
    const run = (p: Route) => {
      switch (p.name) {
        case 'home':
          renderHome(ctx, main);
          done('home');
          return;
        case 'search':
          void renderSearchPage(ctx, main, p.q).then(() => done('search'));
          return;
        case 'case':
          void renderCase(ctx, main, p.caseNumber).then(() => done('case'));
          return;
        case 'timeline':
          void renderTimeline(ctx, main, p.id, p.label).then(() => done('timeline'));
          return;
        case 'alerts':
          void renderAlerts(ctx, main).then(() => done('alerts'));
          return;
        case 'proposals':
          void renderProposals(ctx, main, p).then(() => done('proposals'));
          return;
        case 'audit':
          replace(main, h('h1', null, 'Audit trail'), h('p', null, 'The audit trail is for auditors.'));
          done('audit-denied');
          return;
        case 'explore': {
          main.append(h('h1', null, 'Explorer'), h('p', { class: 'loading', role: 'status' }, 'Loading the explorer…'));
          import('./views/explorer')
            .then(async (m) => {
              if (ac.signal.aborted) return;
              const dispose = await m.renderExplorer(ctx, main, p.id);
              if (ac.signal.aborted) {
                dispose();
                return;
              }
              this.disposeView = dispose;
              done('explore');
            })
            .catch((e) => {
              if (!isAbortError(e)) replace(main, h('h1', null, 'Explorer'), errorBox(e));
            });
          return;
        }
        case 'notfound':
          replace(main, h('h1', null, 'Not found'), h('p', null, 'There is no such page. ', h('a', { href: '#/' }, 'Go to search')));
          done('notfound');
          return;
      }
    };
    run(route);
    if (route.name !== 'home') queueMicrotask(focusHeading);
  }
}
