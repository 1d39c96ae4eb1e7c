// The console's shell: sign-in, the menu of the caller's role, and the routes (#/path, so a page can be
// bookmarked and reloaded without the token ever appearing in a URL).

import {get, post, Problem, session} from './api.js';
import {button, field, form, h, link, replace} from './ui.js';
import * as pages from './pages.js';
import {word} from './words.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const RETURN_TO = 'estatedesk.returnTo';

/**
 * The pages: pattern (':x' captures a path segment), the API operation the page shows, and how to show it.
 * Who may open a page is who may call that operation: the roles come from x-roles of the published
 * OpenAPI document, so @RolesAllowed on the resource is the one place they are written.
 */
const ROUTES = [
    ['companies', 'GET /companies', (p, me, view) => pages.companiesPage(view)],
    ['companies/:id', 'GET /companies/{id}', (p, me, view) => pages.companyPage(view, p.id)],
    ['audit', 'GET /audit', (p, me, view) => pages.auditPage(view)],
    ['history', 'GET /activity', (p, me, view) => pages.historyPage(view, me)],
    ['dashboard', 'GET /summary', (p, me, view) => pages.dashboard(view)],
    ['marketers', 'GET /marketers', (p, me, view) => pages.peopleList(view, 'marketers', me)],
    ['marketers/:id', 'GET /marketers/{id}', (p, me, view) => pages.personPage(view, 'marketers', p.id, me)],
    ['clients', 'GET /clients', (p, me, view) => pages.peopleList(view, 'clients', me)],
    ['clients/:id', 'GET /clients/{id}', (p, me, view) => pages.personPage(view, 'clients', p.id, me)],
    ['import', 'POST /clients/import', (p, me, view) => pages.importPage(view)],
    ['assignments', 'POST /assignments', (p, me, view) => pages.assignmentsPage(view)],
    ['estates', 'GET /estates', (p, me, view) => pages.estatesPage(view, me)],
    ['estates/:id', 'GET /estates/{id}', (p, me, view) => pages.estatePage(view, p.id, me)],
    ['catalogue', 'GET /plot-sizes', (p, me, view) => pages.cataloguePage(view, me)],
    ['allocations', 'GET /allocations', (p, me, view) => pages.allocationsPage(view, me)],
    ['messages/:box', 'GET /messages', (p, me, view) => pages.messagesPage(view, me, p.box === 'sent' ? 'sent' : 'inbox')],
    // A client's own record; the others reach people through their lists.
    ['me', 'GET /clients/{id}', (p, me, view) => pages.profilePage(view, me), ['CLIENT']],
    ['account', 'POST /me/password', (p, me, view) => pages.accountPage(view, me, passwordChanged)],
];

/** The menu, in order; an entry shows when its page is open to the caller's role, under that role's words. */
const MENU = [
    ['#/companies', 'Companies'],
    ['#/dashboard', 'Dashboard'],
    ['#/me', 'My profile'],
    ['#/marketers', 'Marketers', {MARKETER: null}],
    ['#/clients', 'Clients', {MARKETER: 'My clients', CLIENT: null}],
    ['#/assignments', 'Assignments'],
    ['#/estates', 'Estates'],
    ['#/catalogue', 'Plot sizes & numbers', {MARKETER: null}],
    ['#/allocations', 'Allocations', {CLIENT: 'My allocations'}],
    ['#/messages/inbox', 'Messages'],
    ['#/history', 'History'],
    ['#/audit', 'Audit', {COMPANY_ADMIN: null}],
];

/** x-roles per "VERB /path" of the published document, read once per page load. */
let rolesByOperation = null;

async function loadRoles() {
    const response = await fetch(new URL('openapi?format=JSON', document.baseURI), {headers: {Accept: 'application/json'}});
    if (!response.ok) {
        throw new Error(`The API description could not be read (${response.status}).`);
    }
    const document_ = await response.json();
    rolesByOperation = {};
    for (const [path, item] of Object.entries(document_.paths)) {
        for (const [verb, operation] of Object.entries(item)) {
            rolesByOperation[`${verb.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`] = operation['x-roles'] || [];
        }
    }
}

function mayOpen(route, role) {
    const [, operation, , only] = route;
    return (rolesByOperation[operation] || []).includes(role) && (!only || only.includes(role));
}

function menuOf(role) {
    return MENU.flatMap(([href, text, words = {}]) => {
        const route = match(href.slice(2))?.route;
        const label = role in words ? words[role] : text;
        return route && label !== null && mayOpen(route, role) ? [[href, label]] : [];
    });
}

let me = null;

function match(path) {
    const parts = path.split('/').filter(Boolean);
    for (const route of ROUTES) {
        const [pattern, , show] = route;
        const expected = pattern.split('/');
        if (expected.length !== parts.length) {
            continue;
        }
        const params = {};
        if (expected.every((segment, i) => segment.startsWith(':') ? (params[segment.slice(1)] = decodeURIComponent(parts[i]), true) : segment === parts[i])) {
            return {route, show, params};
        }
    }
    return null;
}

/** Pages that a one-time link or the sign-in page opens: no sign-in needed, whatever the session. */
const PUBLIC = [
    [/^invitation\/([\w-]+)$/, (token) => pages.invitationPage(main, token, signInAgain)],
    [/^reset-password\/([\w-]+)$/, (token) => pages.resetPasswordPage(main, token, signInAgain)],
    [/^confirm-email\/([\w-]+)$/, (token) => pages.confirmEmailPage(main, token, signInAgain)],
    [/^forgot-password$/, () => pages.forgotPasswordPage(main)],
];

/** After a link did its work: whoever was signed in here is signed out, and the sign-in says what happened. */
function signInAgain(message, known = {}) {
    session.clear();
    sessionStorage.removeItem(RETURN_TO);
    history.replaceState(null, '', location.pathname + location.search + '#/');
    showSignIn(message, known);
}

async function route() {
    const hash = location.hash;
    const path = location.hash.replace(/^#\/?/, '');
    for (const [pattern, show] of PUBLIC) {
        const found = path.match(pattern);
        if (found) {
            me = null;
            replace(nav);
            replace(who);
            show(found[1]);
            return;
        }
    }
    if (!session.token) {
        if (path) {
            sessionStorage.setItem(RETURN_TO, location.hash); // a bookmarked page opens after sign-in
        }
        showSignIn();
        return;
    }
    if (!me) {
        try {
            if (!rolesByOperation) await loadRoles();
            me = await get('me');
        } catch (failure) {
            if (!(failure instanceof Problem && failure.status === 401)) {
                pages.page(main, 'EstateDesk', h('p', {role: 'alert', class: 'failure'}, failure.describe ? failure.describe() : String(failure)));
            }
            return;
        }
        drawShell();
        if (location.hash !== hash) {
            return; // the person went on while this sign-in's profile loaded: that route shows the page
        }
    }
    const found = match(path);
    if (!found) {
        location.replace(menuOf(me.role)[0][0]);
        return;
    }
    if (!mayOpen(found.route, me.role)) {
        pages.page(main, 'Not available', h('p', {role: 'alert', class: 'failure'}, `The role ${me.role} cannot open this page.`));
        return;
    }
    markCurrent();
    // Each visit renders into its own view: a page whose answers arrive after the person went elsewhere
    // (a slow dashboard, then a click on Marketers) fills a view that is no longer on the screen.
    const view = h('div', {class: 'view'});
    replace(main, view);
    await found.show(found.params, me, view);
}

function drawShell() {
    replace(nav, h('ul', {}, menuOf(me.role).map(([href, text]) => h('li', {}, link(href, text)))));
    replace(who, h('span', {}, h('span', {class: 'name'}, me.name || ''), me.uid ? ` (${me.uid})` : '', ` · ${word(me.role)}`,
        me.company ? ` · ${me.company.name}` : ''), ' ', link('#/account', 'My account'), ' ', button('Sign out', signOut));
}

function markCurrent() {
    nav.querySelectorAll('a').forEach((a) => {
        const current = location.hash.startsWith(a.getAttribute('href').replace(/\/inbox$/, ''));
        if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
}

async function signOut() {
    try {
        await post('auth/logout', undefined);
    } catch (ignored) {
        // The token is forgotten here whatever the service answered; it expires on its own.
    }
    session.clear();
    sessionStorage.removeItem(RETURN_TO);
    me = null;
    location.hash = '#/';
    showSignIn();
}

/** A new password, or a second factor turned on, ends every token of the login: back to sign-in, saying why. */
function passwordChanged(message) {
    session.clear();
    sessionStorage.removeItem(RETURN_TO);
    history.replaceState(null, '', '#/');
    showSignIn(typeof message === 'string' ? message
        : 'Your password is changed, and every earlier sign-in has ended. Sign in with the new password.');
}

/** The sign-in form; {@code known}: the email and company a link just told, filled in. */
function showSignIn(message, known = {}) {
    me = null;
    replace(nav);
    replace(who);
    pages.page(main, 'Sign in',
        message ? h('p', {class: 'notice', role: 'status'}, message) : null,
        form('', [
            field('Email', 'email', {kind: 'email', required: true, value: known.email, attrs: {autocomplete: 'username'}}),
            field('Password', 'password', {kind: 'password', required: true, attrs: {autocomplete: 'current-password'}}),
            field('Company', 'company', {value: known.company, hint: 'Your company’s sign-in name (slug); leave empty if you run the platform', attrs: {autocomplete: 'organization'}}),
            field('Code', 'totp', {max: 10, hint: 'Only with two-step sign-in on: the 6 digits your app shows', attrs: {inputmode: 'numeric', autocomplete: 'one-time-code'}}),
        ], 'Sign in', async (values) => {
            const credentials = {email: values.email, password: values.password};
            if (values.company) credentials.company = values.company;
            if (values.totp) credentials.totp = values.totp;
            const token = await post('auth/token', credentials, {anonymous: true});
            session.start(token.accessToken);
            // a role that must have a second factor, without one: the account page, where it is set up
            const back = token.secondFactorRequired ? '#/account' : sessionStorage.getItem(RETURN_TO);
            sessionStorage.removeItem(RETURN_TO);
            if (back && back !== location.hash) {
                location.hash = back;
            } else {
                route();
            }
        }, {label: 'Sign in'}),
        h('p', {}, link('#/forgot-password', 'Forgot your password?')),
        h('p', {}, 'REST clients: see the ', link('api-explorer.html', 'API explorer'), '.'));
}

session.onExpired(() => {
    // Back to sign-in, keeping the page: after signing in again the user lands where they were.
    sessionStorage.setItem(RETURN_TO, location.hash);
    me = null;
    showSignIn('Your session has ended. Sign in again to continue.');
});

window.addEventListener('hashchange', route);
route();
