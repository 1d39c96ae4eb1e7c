// The console's shell: sign-in, the menu of the caller's role, and the routes (#/path, so a page can be
// bookmarked and reloaded without the token ever appearing in a URL).

import {get, post, Problem, session} from './api.js';
import {button, field, form, h, link, replace} from './ui.js';
import * as pages from './pages.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const RETURN_TO = 'estatedesk.returnTo';

const MENUS = {
    PLATFORM_ADMIN: [['#/companies', 'Companies'], ['#/audit', 'Audit']],
    COMPANY_ADMIN: [['#/dashboard', 'Dashboard'], ['#/marketers', 'Marketers'], ['#/clients', 'Clients'], ['#/assignments', 'Assignments'],
        ['#/estates', 'Estates'], ['#/catalogue', 'Plot sizes & numbers'], ['#/allocations', 'Allocations'], ['#/messages/inbox', 'Messages']],
    MARKETER: [['#/clients', 'My clients'], ['#/estates', 'Estates'], ['#/allocations', 'Allocations'], ['#/messages/inbox', 'Messages']],
    CLIENT: [['#/me', 'My profile'], ['#/allocations', 'My allocations'], ['#/messages/inbox', 'Messages']],
};

/** Route patterns per role; ':x' captures a path segment. */
const ROUTES = [
    ['companies', ['PLATFORM_ADMIN'], () => pages.companiesPage(main)],
    ['companies/:id', ['PLATFORM_ADMIN'], (p) => pages.companyPage(main, p.id)],
    ['audit', ['PLATFORM_ADMIN', 'COMPANY_ADMIN'], () => pages.auditPage(main)],
    ['dashboard', ['COMPANY_ADMIN'], () => pages.dashboard(main)],
    ['marketers', ['COMPANY_ADMIN', 'MARKETER'], (p, me) => pages.peopleList(main, 'marketers', me)],
    ['marketers/:id', ['COMPANY_ADMIN', 'MARKETER'], (p, me) => pages.personPage(main, 'marketers', p.id, me)],
    ['clients', ['COMPANY_ADMIN', 'MARKETER'], (p, me) => pages.peopleList(main, 'clients', me)],
    ['clients/:id', ['COMPANY_ADMIN', 'MARKETER', 'CLIENT'], (p, me) => pages.personPage(main, 'clients', p.id, me)],
    ['import', ['COMPANY_ADMIN'], () => pages.importPage(main)],
    ['assignments', ['COMPANY_ADMIN'], () => pages.assignmentsPage(main)],
    ['estates', ['COMPANY_ADMIN', 'MARKETER'], (p, me) => pages.estatesPage(main, me)],
    ['estates/:id', ['COMPANY_ADMIN', 'MARKETER'], (p, me) => pages.estatePage(main, p.id, me)],
    ['catalogue', ['COMPANY_ADMIN', 'MARKETER'], (p, me) => pages.cataloguePage(main, me)],
    ['allocations', ['COMPANY_ADMIN', 'MARKETER', 'CLIENT'], (p, me) => pages.allocationsPage(main, me)],
    ['messages/:box', ['COMPANY_ADMIN', 'MARKETER', 'CLIENT'], (p, me) => pages.messagesPage(main, me, p.box === 'sent' ? 'sent' : 'inbox')],
    ['me', ['CLIENT'], (p, me) => pages.profilePage(main, me)],
];

let me = null;

function match(path) {
    const parts = path.split('/').filter(Boolean);
    for (const [pattern, roles, show] of ROUTES) {
        const expected = pattern.split('/');
        if (expected.length !== parts.length) {
            continue;
        }
        const params = {};
        if (expected.every((segment, i) => segment.startsWith(':') ? (params[segment.slice(1)] = decodeURIComponent(parts[i]), true) : segment === parts[i])) {
            return {roles, show, params};
        }
    }
    return null;
}

async function route() {
    const path = location.hash.replace(/^#\/?/, '');
    if (!session.token) {
        if (path) {
            sessionStorage.setItem(RETURN_TO, location.hash); // a bookmarked page opens after sign-in
        }
        showSignIn();
        return;
    }
    if (!me) {
        try {
            me = await get('me');
        } catch (failure) {
            if (!(failure instanceof Problem && failure.status === 401)) {
                pages.page(main, 'EstateDesk', h('p', {role: 'alert', class: 'failure'}, failure.describe ? failure.describe() : String(failure)));
            }
            return;
        }
        drawShell();
    }
    const found = match(path);
    if (!found) {
        location.replace(MENUS[me.role][0][0]);
        return;
    }
    if (!found.roles.includes(me.role)) {
        pages.page(main, 'Not available', h('p', {role: 'alert', class: 'failure'}, `The role ${me.role} cannot open this page.`));
        return;
    }
    markCurrent();
    await found.show(found.params, me);
}

function drawShell() {
    replace(nav, h('ul', {}, MENUS[me.role].map(([href, text]) => h('li', {}, link(href, text)))));
    replace(who, h('span', {}, me.uid ? `${me.uid} · ` : '', me.role.replace('_', ' ').toLowerCase(), me.company ? ` · ${me.company.slug}` : ''),
        ' ', button('Sign out', signOut));
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

function showSignIn(message) {
    me = null;
    replace(nav);
    replace(who);
    pages.page(main, 'Sign in',
        message ? h('p', {class: 'notice', role: 'status'}, message) : null,
        form('', [
            field('Email', 'email', {kind: 'email', required: true, attrs: {autocomplete: 'username'}}),
            field('Password', 'password', {kind: 'password', required: true, attrs: {autocomplete: 'current-password'}}),
            field('Company', 'company', {hint: 'Your company’s sign-in name (slug); leave empty if you run the platform', attrs: {autocomplete: 'organization'}}),
        ], 'Sign in', async (values) => {
            const credentials = {email: values.email, password: values.password};
            if (values.company) credentials.company = values.company;
            const token = await post('auth/token', credentials, {anonymous: true});
            session.start(token.accessToken);
            const back = sessionStorage.getItem(RETURN_TO);
            sessionStorage.removeItem(RETURN_TO);
            if (back && back !== location.hash) {
                location.hash = back;
            } else {
                route();
            }
        }, {label: 'Sign in'}),
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
