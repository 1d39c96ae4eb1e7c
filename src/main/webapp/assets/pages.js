// The console's pages. Each one reads and writes through the public API only (api.js), as the
// signed-in caller: what a page shows is exactly what the API lets that caller see.

import {all, get, patch, post, Problem, remove, call} from './api.js';
import {button, confirmAction, debounce, failureNote, field, form, h, link, notice, opener, replace, showProblem, table, tableRow} from './ui.js';
import {checkName, choices, word} from './words.js';

const KINDS = {
    marketers: {one: 'marketer', title: 'Marketers'},
    clients: {one: 'client', title: 'Clients'},
};

/** Fills a view with a page: its title (also the document's), then the content. A view no longer on the screen is left alone. */
export function page(main, title, ...content) {
    if (!main.isConnected) {
        return; // its answers came after the person went elsewhere
    }
    document.title = `${title} · EstateDesk`;
    const heading = h('h1', {tabindex: -1}, title);
    replace(main, heading, ...content);
    heading.focus(); // the next Tab goes into the page, not back to "Skip to content"
}

/** Where an action's outcome is announced: the top of the page, where the eye goes after a click. */
function outcome(main, ...content) {
    main.querySelectorAll(':scope > .notice, :scope > .failure').forEach((old) => old.remove());
    const note = content.length === 1 && content[0] instanceof Node && content[0].classList?.contains('failure')
        ? content[0] : h('div', {class: 'notice', role: 'status'}, ...content);
    main.querySelector('h1')?.after(note);
    note.scrollIntoView({block: 'nearest'});
}

/** A notice under the page's title, for an outcome that re-rendered the page. */
function announceOnPage(main, ...content) {
    outcome(main, ...content);
}

async function loading(main, title, load) {
    page(main, title, h('p', {class: 'loading'}, 'Loading…'));
    try {
        await load();
    } catch (failure) {
        if (failure instanceof Problem && failure.status === 401) {
            return; // the app returns to sign-in
        }
        page(main, title, failureNote(failure));
    }
}

function label(view) {
    return view ? `${view.name} · ${view.uid}` : 'not visible';
}

let pickers = 0;

/**
 * A searchable picker of active people (typeahead over ?q=): the person types a name, an email or an ID
 * and chooses from the suggestions; the form sends the chosen id. Only active people are offered.
 */
function personPicker(label_, name, kindPath) {
    const listId = `picker${++pickers}`;
    const chosen = h('input', {type: 'hidden', name});
    const box = field(label_, `${name}-search`, {kind: 'search', max: 200, hint: 'Type a name, email or ID, then choose', attrs: {list: listId, autocomplete: 'off'}});
    box.dataset.field = name; // an error about the id is shown at this field
    const options = h('datalist', {id: listId});
    const byLabel = new Map();
    const input = box.querySelector('input');
    const fetchSuggestions = async (text) => {
        try {
            const params = new URLSearchParams({status: 'ACTIVE', limit: '20'});
            if (text) params.set('q', text);
            const found = (await get(`${kindPath}?${params}`)).items;
            found.forEach((p) => byLabel.set(label(p), p.id));
            replace(options, found.map((p) => h('option', {value: label(p)})));
            chosen.value = byLabel.get(input.value) ?? ''; // typed faster than the suggestions came

        } catch (ignored) {
            // Suggestions are a help; the form still says what is wrong when it is sent.
        }
    };
    const suggest = debounce(fetchSuggestions, 200);
    input.addEventListener('input', () => {
        chosen.value = byLabel.get(input.value) ?? '';
        if (!chosen.value) suggest(input.value.trim());
    });
    fetchSuggestions(''); // at once, not debounced: typing must not cancel the first suggestions
    box.append(options, chosen);
    return box;
}

/** The chosen id of a picker, or a problem at its field when nothing was chosen. */
function chosenId(values, name, what) {
    const id = Number(values[name]);
    if (!id) {
        throw new Problem(400, {detail: `Choose a ${what} from the suggestions.`, errors: [{field: name, message: `choose a ${what} from the suggestions`}]});
    }
    return id;
}

/** A person referenced by another record ({id, uid, name}), linked to their page. */
function personLink(kindPath, ref) {
    return ref ? link(`#/${kindPath}/${ref.id}`, label(ref)) : 'not visible';
}

function when(instant) {
    // The month by name: "12/6/2026" reads as June in most of the world and as December in the US.
    return instant ? new Date(instant).toLocaleString(undefined, {
        day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit'}) : '';
}

// --- Company admin: dashboard ------------------------------------------------------------------

export async function dashboard(main) {
    await loading(main, 'Dashboard', async () => {
        const [summary, audit] = await Promise.all([get('summary'), get('audit')]);
        const week = summary.registrationsThisWeek;
        const tiles = [
            ['Marketers', summary.marketers], ['Clients', summary.clients],
            ['Registered this week', week.marketers + week.clients],
            ['Units sold', summary.totalUnits - summary.availableUnits], ['Units left', summary.availableUnits],
            ['Allocations', summary.allocations],
        ];
        const payments = Object.entries(summary.allocationsByPaymentType);
        page(main, 'Dashboard',
            h('ul', {class: 'tiles'}, tiles.map(([name, value]) => h('li', {class: 'tile'}, h('span', {class: 'tile-value'}, String(value)), h('span', {}, name)))),
            auditLine(audit),
            h('section', {}, h('h2', {}, 'Estates'), summary.estateUnits.length
                ? table('Units per estate', ['Estate', 'Units', 'Sold', 'Left'], summary.estateUnits, {captionHidden: true},
                    (e) => [link(`#/estates/${e.estate.id}`, e.estate.name), String(e.totalUnits), String(e.allocatedUnits), String(e.availableUnits)])
                : h('p', {}, 'No estates yet.')),
            h('section', {}, h('h2', {}, 'Allocations by payment'),
                h('ul', {class: 'inline'}, payments.map(([type, count]) => h('li', {}, `${word(type)}: ${count}`)))),
            h('section', {}, h('h2', {}, 'Marketers'), summary.marketerFigures.length
                ? table('Clients and allocations per marketer', ['Marketer', 'Clients', 'Allocations'], summary.marketerFigures, {captionHidden: true},
                    (m) => [personLink('marketers', m.marketer), String(m.clients), String(m.allocations)])
                : h('p', {}, 'No active marketers yet.')),
            h('p', {}, `Registered in the last seven days: ${week.marketers} marketer(s), ${week.clients} client(s).`));
    });
}

/** The audit in one line, with the checks on demand (the audit page shows them all). */
function auditLine(audit) {
    const failed = audit.checks.filter((check) => !check.ok).length;
    return h('p', {class: audit.ok ? 'audit-line ok' : 'audit-line bad'},
        audit.ok ? 'Audit: all checks green. ' : `Audit: ${failed} check${failed === 1 ? '' : 's'} failed. `,
        link('#/audit', 'See the checks'));
}

function auditReport(audit) {
    const failed = audit.checks.filter((check) => !check.ok).length;
    const scope = String(audit.scope || '').startsWith('company') ? 'your company' : 'all companies';
    return h('section', {class: 'card', 'aria-labelledby': 'audit-title'},
        h('h2', {id: 'audit-title'}, audit.ok ? 'Audit: all checks green' : `Audit: ${failed} check${failed === 1 ? '' : 's'} failed`),
        h('p', {}, `IDs and records of ${scope}, checked ${when(audit.checkedAt)}.`),
        h('details', {open: !audit.ok}, h('summary', {}, 'The checks'),
            h('ul', {class: 'checks'}, audit.checks.map((check) => h('li', {class: check.ok ? 'ok' : 'bad'},
                h('span', {class: 'badge'}, check.ok ? 'passed' : 'failed'), ' ', checkName(check.name),
                h('small', {class: 'raw'}, ` (${check.name})`),
                check.detail ? h('div', {class: 'detail'}, check.detail) : null)))));
}

// --- People ------------------------------------------------------------------------------------

/**
 * A list read page by page from the API, with its search form: the first thing on a page. path: the
 * collection; filters: the search form's fields (their names are the query parameters); fixed: query
 * parameters always sent; describe(values): the caption; rowOf(item): the cells. Returns {search,
 * results, more, reload}.
 */
function searchableList({path, fixed = {}, filters, headings, describe, rowOf, empty}) {
    const results = h('div');
    const more = h('div');
    let chosen = {};

    async function load(cursor) {
        try {
            const params = new URLSearchParams({limit: '50', ...fixed});
            Object.entries(chosen).filter(([, value]) => value).forEach(([name, value]) => params.set(name, value));
            if (cursor) params.set('cursor', cursor);
            const pageOf = await get(`${path}?${params}`);
            const rows = pageOf.items.map((item) => tableRow(headings, rowOf(item)));
            let body = results.querySelector('tbody');
            if (!cursor || !body) {
                const caption = describe(chosen);
                replace(results, h('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption},
                    h('table', {}, h('caption', {}, caption),
                        h('thead', {}, h('tr', {}, headings.map((c) => h('th', {scope: 'col'}, c)))),
                        body = h('tbody'))));
            }
            body.append(...rows);
            if (!cursor && pageOf.items.length === 0) {
                replace(results, h('p', {}, empty(Object.values(chosen).some(Boolean))));
            }
            replace(more, pageOf.next ? button('Load more', () => load(pageOf.next)) : null);
        } catch (failure) {
            replace(results, failureNote(failure));
        }
    }

    const search = h('form', {class: 'search', role: 'search', onsubmit: (e) => {
        e.preventDefault();
        chosen = {};
        search.querySelectorAll('input, select').forEach((input) => { chosen[input.name] = input.value.trim(); });
        load(null);
    }}, filters, h('button', {type: 'submit'}, 'Search'));
    return {search, results, more, reload: () => load(null)};
}

export async function peopleList(main, kindPath, me) {
    const kind = KINDS[kindPath];
    const isAdmin = me.role === 'COMPANY_ADMIN';
    const title = me.role === 'MARKETER' && kindPath === 'clients' ? 'My clients' : kind.title;
    const {search, results, more, reload: load} = searchableList({
        path: kindPath,
        filters: [field(`Search ${kindPath} (name, email or ID)`, 'q', {kind: 'search', max: 200}),
            field('Status', 'status', {kind: 'select', options: [['', 'Any'], ...choices(['ACTIVE', 'DEACTIVATED'])]})],
        headings: ['ID', 'Name', 'Email', 'Phone', 'Status'],
        describe: ({q, status}) => `${title}${q ? ` matching “${q}”` : ''}${status ? ` (${word(status).toLowerCase()})` : ''}`,
        rowOf: (p) => [link(`#/${kindPath}/${p.id}`, p.uid), p.name, p.email, p.phone || '', word(p.status)],
        empty: (filtered) => filtered ? 'Nobody matches.' : `No ${kindPath} yet.`,
    });

    const content = [search, results, more];
    if (isAdmin) {
        const password = field('Password', 'password', {kind: 'password', max: 200, hint: 'At least 8 characters; tell it to them yourself',
            attrs: {autocomplete: 'new-password'}});
        password.hidden = true;
        const signIn = field('Sign-in', 'signIn', {kind: 'select', value: 'invite', options: [
            ['invite', 'Invite: they choose their own password (recommended)'],
            ['password', 'Set a password for them now'],
            ['none', 'No sign-in for now (you can invite them later)']]});
        signIn.querySelector('select').addEventListener('change', (event) => {
            password.hidden = event.target.value !== 'password';
        });
        const register = form(`Register a ${kind.one}`, [
            field('Name', 'name', {required: true, max: 200}),
            field('Email', 'email', {kind: 'email', required: true, max: 254}),
            field('Phone', 'phone', {hint: 'Optional', max: 40}),
            signIn, password,
        ], 'Register', async (v, formElement) => {
            const body = {name: v.name, email: v.email};
            if (v.phone) body.phone = v.phone;
            if (v.signIn === 'invite') body.invite = true;
            if (v.signIn === 'password') body.password = v.password;
            const created = await post(kindPath, body, {});
            formElement.reset();
            password.hidden = true;
            outcome(main, 'Registered ', h('strong', {class: 'uid', 'data-uid': created.uid}, created.uid), ` — ${created.name}`,
                created.invitationUrl ? invitationNote(created) : null);
            if (created.invitationUrl) {
                // the link to pass on, then the list with the new person: the form waits behind its opener
                formElement.closest('details')?.removeAttribute('open');
            } else {
                formElement.querySelector('input')?.focus(); // ready for the next one
            }
            load();
        });
        content.unshift(opener(`Register a ${kind.one}`, register));
        if (kindPath === 'clients') {
            content.unshift(h('p', {class: 'actions'}, link('#/import', 'Import clients from CSV'), ' ', button('Export all as CSV', async () => {
                try {
                    await exportClients();
                    outcome(main, 'The export is downloading: clients.csv.');
                } catch (failure) {
                    outcome(main, failureNote(failure));
                }
            })));
        }
    }
    page(main, title, ...content);
    await load();
}

async function exportClients() {
    const response = await call('GET', 'clients', {accept: 'text/csv', raw: true});
    const url = URL.createObjectURL(await response.blob());
    const anchor = h('a', {href: url, download: 'clients.csv'});
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A person's sign-in, as the person page says it. */
const LOGIN_STATES = {
    NONE: 'None',
    INVITED: 'Invited; no password chosen yet',
    ACTIVE: 'Yes, with their own password',
    ENDED: 'Ended (deactivated)',
};

export async function personPage(main, kindPath, id, me) {
    const kind = KINDS[kindPath];
    await loading(main, kind.one[0].toUpperCase() + kind.one.slice(1), async () => {
        const view = await get(`${kindPath}/${encodeURIComponent(id)}`);
        const isAdmin = me.role === 'COMPANY_ADMIN';
        // Who the person is, then their lists (clients, marketers, allocations), then what can be done.
        const sections = [h('dl', {class: 'facts'},
            h('dt', {}, 'UID'), h('dd', {class: 'uid'}, view.uid),
            h('dt', {}, 'Email'), h('dd', {}, view.email),
            h('dt', {}, 'Phone'), h('dd', {}, view.phone || '—'),
            h('dt', {}, 'Status'), h('dd', {}, word(view.status)),
            h('dt', {}, 'Sign-in'), h('dd', {}, view.login === 'NONE' && view.status === 'ACTIVE'
                ? 'None (they can be invited)' : LOGIN_STATES[view.login] || '—'))];
        const actions = [];
        if (kindPath === 'marketers') {
            const clients = await all(`clients?marketerId=${view.id}`);
            sections.push(h('section', {}, h('h2', {}, `Clients of ${view.name}`), clients.length
                ? table(`Clients of ${view.name}`, ['ID', 'Name', 'Email', 'Status'], clients, {captionHidden: true},
                    (c) => [link(`#/clients/${c.id}`, c.uid), c.name, c.email, word(c.status)])
                : h('p', {}, 'No clients assigned.')));
            if (clients.length) {
                sections.push(await allocationsSection(`allocations?marketerId=${view.id}`, `Allocations of ${view.name}’s clients`, me));
            }
            if (isAdmin && clients.length) {
                const others = (await all('marketers?status=ACTIVE')).filter((m) => m.id !== view.id);
                actions.push(opener('Reassign all of this marketer’s clients', form('Reassign all of this marketer’s clients', [
                    field('To marketer', 'toMarketerId', {kind: 'select', options: others.map((m) => [m.id, label(m)])}),
                ], 'Reassign', async (v) => {
                    const result = await post(`marketers/${view.id}/reassign`, {toMarketerId: Number(v.toMarketerId)});
                    await personPage(main, kindPath, id, me);
                    outcome(main, `Moved ${result.moved} client(s); ${result.alreadyAssigned} already had that marketer.`);
                })));
            }
        }
        if (kindPath === 'clients') {
            if (isAdmin) {
                const assignments = await all(`assignments?clientId=${view.id}`);
                sections.push(h('section', {}, h('h2', {}, 'Marketers'),
                    assignments.length ? h('ul', {}, assignments.map((a) => h('li', {}, personLink('marketers', a.marketer))))
                        : h('p', {}, 'No marketer assigned.')));
            }
            sections.push(await allocationsSection(`allocations?clientId=${view.id}`, 'Allocations', me));
            if (me.role !== 'CLIENT' && view.status === 'ACTIVE') {
                actions.push(opener('Allocate a plot to this client', await allocateForm(main, me, view)));
            }
        }
        // a person who signs in with their own password is not invited again (the API would answer 409)
        if (isAdmin && view.status === 'ACTIVE' && (view.login === 'NONE' || view.login === 'INVITED')) {
            actions.push(h('p', {}, button(view.login === 'INVITED' ? 'Send a new invitation link' : 'Invite to sign in', async () => {
                try {
                    const invited = await post(`${kindPath}/${view.id}/invitation`, undefined);
                    await personPage(main, kindPath, id, me);
                    outcome(main, `${invited.name} is invited. `, invitationNote(invited));
                } catch (failure) {
                    outcome(main, failureNote(failure));
                }
            }, {kind: 'secondary'})));
        }
        if (isAdmin) {
            actions.push(opener('Edit name or phone', form('Edit', [
                field('Name', 'name', {value: view.name, required: true, max: 200}),
                field('Phone', 'phone', {value: view.phone || '', hint: 'Empty removes it', max: 40}),
            ], 'Save', async (v) => {
                await patch(`${kindPath}/${view.id}`, {name: v.name, phone: v.phone || null});
                await personPage(main, kindPath, id, me);
                announceOnPage(main, 'Saved.');
            })));
            const deactivate = view.status === 'ACTIVE';
            actions.push(h('p', {}, button(deactivate ? `Deactivate ${view.uid}` : `Reactivate ${view.uid}`, async () => {
                if (deactivate && !await confirmAction(`Deactivate ${view.name} (${view.uid})?`,
                    'Their login ends at once, on every device. Their ID stays theirs and is never given to anyone else; you can reactivate them later.',
                    'Deactivate')) {
                    return;
                }
                try {
                    await patch(`${kindPath}/${view.id}`, {status: deactivate ? 'DEACTIVATED' : 'ACTIVE'});
                    await personPage(main, kindPath, id, me);
                    outcome(main, deactivate ? `${view.name} is deactivated.` : `${view.name} is active again.`);
                } catch (failure) {
                    outcome(main, failureNote(failure));
                }
            }, {kind: deactivate ? 'danger' : 'secondary'})));
        }
        if (isAdmin) {
            sections.push(await historySection(kind.one, view.id));
        }
        page(main, `${view.name}`, ...sections, ...actions);
    });
}

/**
 * The invitation link, shown this once: to copy into a chat app, and whether it is on its way by email.
 * The link never appears again; a new invitation replaces it.
 */
function invitationNote(invited) {
    const url = new URL(invited.invitationUrl, location.origin).href;
    const box = h('input', {type: 'text', readonly: true, value: url, class: 'invitation-url', 'aria-label': 'Invitation link', size: 40});
    const copied = h('span', {role: 'status', class: 'hint'});
    return h('div', {class: 'invitation'},
        h('p', {}, invited.invitationEmailed
            ? `An email with this link is on its way to ${invited.email}. You can also pass it on yourself:`
            : `Pass this link on to ${invited.name} (this service sends no email). It is shown only now:`),
        h('p', {}, box, ' ', button('Copy link', async () => {
            try {
                await navigator.clipboard.writeText(url);
                replace(copied, 'Copied.');
            } catch (refused) {
                box.select();
                replace(copied, 'Selected: press Ctrl+C (⌘C) to copy.');
            }
        }, {kind: 'secondary'}), ' ', copied),
        h('p', {class: 'hint'}, `It works once, until ${when(invited.invitationExpiresAt)}; they choose their own password with it.`));
}

// --- History (the activity log) -------------------------------------------------------------------

/** Text whose UIDs (LPL-MKT001) do not break at their hyphen when a narrow column wraps the line. */
function keepingUids(text) {
    return text.split(/\b([A-Z][A-Z0-9]{1,11}-(?:MKT|CLT)\d{3,})\b/)
        .map((part, i) => i % 2 ? h('span', {class: 'uid-inline'}, part) : part);
}

/** "Ada Admin (LPL-MKT001), company admin" */
function actorOf(entry) {
    const actor = entry.actor;
    return keepingUids(`${actor.name}${actor.uid ? ` (${actor.uid})` : ''}, ${word(actor.role)}`);
}

/** What happened, as a sentence's predicate: "deactivated client Cleo (LPL-CLT002)". */
function happened(entry) {
    const subject = entry.subject;
    const aboutItself = subject.type === 'login' && subject.id === entry.actor.accountId;
    return aboutItself ? word(entry.action).toLowerCase()
        : `${word(entry.action).toLowerCase()} ${subject.type}${subject.label ? ` ${subject.label}` : ''}`;
}

const SUBJECT_TYPES = ['marketer', 'client', 'clients', 'login', 'estate', 'plot size', 'plot number', 'allocation', 'message', 'company'];

/** #/history: who did what, newest first, searchable by kind of record and by day. */
export async function historyPage(main, me) {
    const {search, results, more, reload} = searchableList({
        path: 'activity',
        filters: [
            field('About', 'subjectType', {kind: 'select', options: [['', 'Anything'], ...SUBJECT_TYPES.map((t) => [t, t])]}),
            field('From (day)', 'from', {kind: 'date'}),
            field('To (day, included)', 'to', {kind: 'date'}),
        ],
        headings: ['When', 'Who', 'What happened'],
        describe: ({subjectType, from, to}) => `History${subjectType ? ` of ${subjectType} records` : ''}${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}, newest first`,
        rowOf: (entry) => [when(entry.at), actorOf(entry), keepingUids(happened(entry) + (entry.detail ? ` (${entry.detail})` : ''))],
        empty: (filtered) => filtered ? 'Nothing matches.' : 'Nothing has happened yet.',
    });
    page(main, 'History',
        h('p', {class: 'hint'}, me.role === 'PLATFORM_ADMIN'
            ? 'Every company’s writes, sign-ins and sign-outs, as they were recorded. Nobody can change an entry; the audit checks that none was.'
            : 'Every write, sign-in and sign-out in your company, as it was recorded. Nobody can change an entry; the audit checks that none was.'),
        search, results, more);
    await reload();
}

/** A person's page: what happened to them, newest first (the latest 20). */
async function historySection(type, id) {
    const entries = (await get(`activity?subjectType=${encodeURIComponent(type)}&subjectId=${id}&limit=20`)).items;
    return h('section', {}, h('h2', {}, 'History'), entries.length
        ? h('ul', {class: 'history'}, entries.map((entry) => h('li', {}, h('time', {datetime: entry.at}, when(entry.at)), ' — ',
            keepingUids(`${entry.actor.name} ${happened(entry)}${entry.detail ? ` (${entry.detail})` : ''}`))))
        : h('p', {}, 'Nothing recorded yet.'));
}

// --- CSV import ------------------------------------------------------------------------------------

export function importPage(main) {
    const report = h('div');
    const file = field('CSV file (name,email,phone)', 'file', {kind: 'file', attrs: {accept: '.csv,text/csv'}, required: true});
    page(main, 'Import clients',
        h('p', {}, 'Every row is checked first; if any row is wrong, nothing is imported and each wrong row is listed.'),
        form('Import', [file], 'Import', async () => {
            const chosen = file.querySelector('input').files[0];
            if (!chosen) {
                throw new Problem(400, {detail: 'Choose a CSV file first.'});
            }
            replace(report);
            try {
                const result = await post('clients/import', await chosen.text(), {contentType: 'text/csv'});
                notice(report, `Imported ${result.imported} client(s): `, h('strong', {class: 'uid'}, result.firstUid), ' to ',
                    h('strong', {class: 'uid'}, result.lastUid), '.');
            } catch (failure) {
                if (failure instanceof Problem && failure.errors.length) {
                    replace(report, h('div', {class: 'failure', role: 'alert'}, h('p', {}, failure.describe().replace(/\.?$/, '.'), ' Nothing was imported.'),
                        table('Rows to correct', ['Row and column', 'Problem'], failure.errors, (e) => [e.field, e.message])));
                    return;
                }
                throw failure;
            }
        }),
        report);
}

// --- Assignments -----------------------------------------------------------------------------------

export async function assignmentsPage(main) {
    await loading(main, 'Assignments', async () => {
        // Only active people can be assigned: the pickers offer no one else.
        const assignments = await all('assignments');
        page(main, 'Assignments',
            assignments.length ? table('Current assignments', ['Client', 'Marketer', 'Since', ''], assignments, (a) => [
                personLink('clients', a.client), personLink('marketers', a.marketer), when(a.createdAt),
                button('Unassign', async () => {
                    if (!await confirmAction(`Unassign ${label(a.client)}?`, `${label(a.marketer)} will no longer see this client or act for them.`, 'Unassign')) {
                        return;
                    }
                    try {
                        await remove(`assignments/${a.id}`);
                        await assignmentsPage(main);
                        outcome(main, `${a.client.name} is no longer assigned to ${a.marketer.name}.`);
                    } catch (failure) {
                        outcome(main, failureNote(failure));
                    }
                }, {attrs: {'aria-label': `Unassign ${label(a.client)} from ${label(a.marketer)}`}}),
            ]) : h('p', {}, 'No assignments yet.'),
            opener('Assign a client to a marketer', form('Assign a client to a marketer', [
                personPicker('Client', 'clientId', 'clients'),
                personPicker('Marketer', 'marketerId', 'marketers'),
            ], 'Assign', async (v) => {
                const made = await post('assignments', {clientId: chosenId(v, 'clientId', 'client'), marketerId: chosenId(v, 'marketerId', 'marketer')});
                await assignmentsPage(main);
                outcome(main, `${made.client.name} is assigned to ${made.marketer.name}.`);
            }), {open: assignments.length === 0}));
    });
}

// --- Estates, plot sizes, plot numbers -------------------------------------------------------------

export async function estatesPage(main, me) {
    await loading(main, 'Estates', async () => {
        const estates = await all('estates');
        const content = [];
        if (me.role === 'COMPANY_ADMIN') {
            content.push(opener('New estate', form('New estate', [
                field('Name', 'name', {required: true, max: 200}),
                field('Location', 'location', {required: true, max: 300}),
                field('Size', 'size', {kind: 'number', required: true, attrs: {step: 'any', min: '0'}}),
                field('Size unit', 'sizeUnit', {kind: 'select', options: choices(['SQUARE_METERS', 'SQUARE_FEET', 'HECTARES', 'ACRES', 'SQUARE_KILOMETERS'])}),
                field('Title deed', 'titleDeed', {kind: 'select', options: choices(['FCDA_ROFO', 'FCDA_COFO', 'ROFO', 'GAZETTE'])}),
            ], 'Create estate', async (v) => {
                const created = await post('estates', {...v, size: v.size === '' ? null : Number(v.size)});
                await estatesPage(main, me);
                outcome(main, `Created the estate ${created.name}.`);
            }), {open: estates.length === 0}));
        }
        content.unshift(estates.length ? table('Estates', ['Name', 'Location', 'Size', 'Title deed'], estates,
            (e) => [link(`#/estates/${e.id}`, e.name), e.location, `${e.size} ${word(e.sizeUnit)}`, word(e.titleDeed)]) : h('p', {}, 'No estates yet.'));
        page(main, 'Estates', ...content);
    });
}

/** The availability picture: one cell per unit, filled when allocated; the free count in words too. */
function availability(plot) {
    const allocated = plot.totalUnits - plot.availableUnits;
    const shown = Math.min(plot.totalUnits, 100);
    const cells = [];
    for (let i = 0; i < shown; i++) {
        const taken = i < Math.round(allocated * shown / plot.totalUnits);
        cells.push(h('span', {class: taken ? 'unit taken' : 'unit free'}));
    }
    const words = `${plot.availableUnits} of ${plot.totalUnits} units left`;
    return h('figure', {class: 'availability', 'data-size': plot.size},
        h('div', {class: 'units', role: 'img', 'aria-label': `${plot.size}: ${words}`}, cells),
        h('figcaption', {}, h('strong', {}, plot.size), ': ', h('span', {class: 'left'}, words),
            plot.plotNumbers.length ? h('ul', {class: 'numbers', 'aria-label': `Plot numbers of ${plot.size}`},
                plot.plotNumbers.map((n) => h('li', {class: n.allocated ? 'taken' : 'free'}, n.number, n.allocated ? ' (allocated)' : ' (free)'))) : null));
}

export async function estatePage(main, id, me) {
    await loading(main, 'Estate', async () => {
        const [estate, plots] = await Promise.all([get(`estates/${encodeURIComponent(id)}`), get(`estates/${encodeURIComponent(id)}/plots`)]);
        const content = [h('p', {}, `${estate.location} · ${estate.size} ${word(estate.sizeUnit)} · title deed: ${word(estate.titleDeed)}`),
            h('section', {'aria-labelledby': 'plots-title'}, h('h2', {id: 'plots-title'}, 'Availability'),
                plots.items.length ? plots.items.map(availability) : h('p', {}, 'No plots laid out yet.'))];
        if (me.role === 'COMPANY_ADMIN') {
            const [sizes, numbers] = await Promise.all([all('plot-sizes'), all('plot-numbers')]);
            content.push(opener('Lay out plots', form('Lay out plots', [
                field('Plot size', 'plotSizeId', {kind: 'select', options: sizes.map((s) => [s.id, s.size])}),
                field('Total units', 'totalUnits', {kind: 'number', required: true, attrs: {min: '1'}}),
                h('fieldset', {class: 'field', 'data-field': 'plotNumberIds'}, h('legend', {}, 'Plot numbers (optional)'),
                    numbers.map((n) => h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'plotNumberIds', value: n.id}), ` ${n.number}`)),
                    h('small', {class: 'field-error', 'aria-live': 'polite'})),
            ], 'Lay out', async (v) => {
                await post(`estates/${estate.id}/plots`, {plotSizeId: Number(v.plotSizeId), totalUnits: v.totalUnits === '' ? null : Number(v.totalUnits),
                    plotNumberIds: (v.plotNumberIds || []).map(Number)});
                await estatePage(main, id, me);
                outcome(main, 'Plots laid out.');
            }), {open: plots.items.length === 0}));
        }
        page(main, estate.name, ...content);
    });
}

export async function cataloguePage(main, me) {
    await loading(main, 'Plot sizes and numbers', async () => {
        const [sizes, numbers] = await Promise.all([all('plot-sizes'), all('plot-numbers')]);
        const admin = me.role === 'COMPANY_ADMIN';
        page(main, 'Plot sizes and numbers',
            h('section', {}, h('h2', {}, 'Plot sizes'),
                sizes.length ? table('Plot sizes', ['Size'], sizes, {captionHidden: true}, (s) => [s.size]) : h('p', {}, 'No plot sizes yet.'),
                admin ? opener('Add a plot size', form('New plot size', [field('Size', 'size', {required: true, hint: 'e.g. 500sqm', max: 50})], 'Add size', async (v) => {
                    await post('plot-sizes', v);
                    await cataloguePage(main, me);
                    outcome(main, `Added the plot size ${v.size}.`);
                })) : null),
            h('section', {}, h('h2', {}, 'Plot numbers'),
                numbers.length ? table('Plot numbers', ['Number'], numbers, {captionHidden: true}, (n) => [n.number]) : h('p', {}, 'No plot numbers yet.'),
                admin ? opener('Add a plot number', form('New plot number', [field('Number', 'number', {required: true, hint: 'e.g. A-12', max: 50})], 'Add number', async (v) => {
                    await post('plot-numbers', v);
                    await cataloguePage(main, me);
                    outcome(main, `Added the plot number ${v.number}.`);
                })) : null));
    });
}

// --- Allocations -----------------------------------------------------------------------------------

/** Allocations read by name: the client (not for a client's own list), the estate, the plot size and number. */
async function allocationsSection(path, title, me, {heading = true} = {}) {
    const allocations = await all(path);
    const own = me.role === 'CLIENT';
    const headings = [...(own ? [] : ['Client']), 'Estate', 'Plot size', 'Plot number', 'Payment', 'Allocated on'];
    return h('section', {}, heading ? h('h2', {}, title) : null, allocations.length
        ? table(title, headings, allocations, {captionHidden: true}, (a) => [
            ...(own ? [] : [personLink('clients', a.client)]),
            own ? a.estate.name : link(`#/estates/${a.estate.id}`, a.estate.name), a.plotSize.size,
            a.plotNumber ? a.plotNumber.number : '—', word(a.paymentType), when(a.createdAt)])
        : h('p', {}, 'No allocations.'));
}

async function allocateForm(main, me, forClient) {
    const estates = await all('estates');
    const plotField = field('Plot size', 'plotSizeId', {kind: 'select', options: []});
    const numberField = field('Plot number', 'plotNumberId', {kind: 'select', options: [['', 'none (part payment)']]});
    const estateField = field('Estate', 'estateId', {kind: 'select', options: [['', 'choose an estate'], ...estates.map((e) => [e.id, e.name])]});
    let plots = [];
    const refreshNumbers = () => {
        const plot = plots.find((p) => String(p.plotSizeId) === plotField.querySelector('select').value);
        replace(numberField.querySelector('select'), h('option', {value: ''}, 'none (part payment)'),
            (plot?.plotNumbers || []).filter((n) => !n.allocated).map((n) => h('option', {value: n.id}, n.number)));
    };
    estateField.querySelector('select').addEventListener('change', async (event) => {
        plots = event.target.value ? (await get(`estates/${event.target.value}/plots`)).items : [];
        replace(plotField.querySelector('select'), plots.map((p) => h('option', {value: p.plotSizeId}, `${p.size} (${p.availableUnits} left)`)));
        refreshNumbers();
    });
    plotField.querySelector('select').addEventListener('change', refreshNumbers);
    return h('div', {}, form('Allocate a plot', [
        forClient ? h('input', {type: 'hidden', name: 'clientId', value: forClient.id}) : personPicker('Client', 'clientId', 'clients'),
        estateField, plotField, numberField,
        field('Payment', 'paymentType', {kind: 'select', options: [['FULL', 'Full (needs a plot number)'], ['PART', 'Part']]}),
    ], 'Allocate', async (v) => {
        const body = {clientId: chosenId(v, 'clientId', 'client'), estateId: v.estateId ? Number(v.estateId) : null,
            plotSizeId: v.plotSizeId ? Number(v.plotSizeId) : null, paymentType: v.paymentType};
        if (v.plotNumberId) body.plotNumberId = Number(v.plotNumberId);
        const made = await post('allocations', body);
        if (forClient) {
            await personPage(main, 'clients', forClient.id, me);
        } else {
            await allocationsPage(main, me);
        }
        announceOnPage(main, `Allocated ${made.plotSize.size}${made.plotNumber ? `, plot ${made.plotNumber.number},` : ''} in ${made.estate.name} to ${made.client.name} (${made.client.uid}).`);
    }));
}

export async function allocationsPage(main, me) {
    await loading(main, 'Allocations', async () => {
        const section = await allocationsSection('allocations', me.role === 'CLIENT' ? 'My allocations' : 'Allocations', me, {heading: false});
        page(main, me.role === 'CLIENT' ? 'My allocations' : 'Allocations', section,
            me.role === 'CLIENT' ? null : opener('Allocate a plot', await allocateForm(main, me, null)));
    });
}

// --- Messages --------------------------------------------------------------------------------------

/** Who wrote or receives a message, as a person reads it: name, ID (for a marketer or client) and role. */
function party(p) {
    return p ? `${p.name}${p.uid ? ` (${p.uid})` : ''}, ${word(p.role)}` : 'someone no longer visible';
}

export async function messagesPage(main, me, box = 'inbox') {
    await loading(main, 'Messages', async () => {
        // Whom the caller may write to now, from the API: a client sees its marketers and its admins.
        const [messages, recipients] = await Promise.all([all(`messages?box=${box}`, 200), all('messages/recipients', 500)]);
        const tabs = h('p', {class: 'tabs'}, ['inbox', 'sent'].map((name) =>
            h('a', {href: `#/messages/${name}`, 'aria-current': name === box ? 'page' : null}, name === 'inbox' ? 'Inbox' : 'Sent')));
        const list = messages.length ? h('ul', {class: 'messages'}, messages.map((m) => h('li', {class: m.read ? 'read' : 'unread'},
            h('p', {class: 'meta'}, `${word(m.type)} · ${box === 'inbox' ? `from ${party(m.sender)}` : `to ${party(m.recipient)}`} · ${when(m.createdAt)}`),
            h('p', {class: 'body'}, m.body),
            box === 'inbox' ? button(m.read ? 'Mark unread' : 'Mark read', async () => {
                try {
                    await patch(`messages/${m.id}`, {read: !m.read});
                    await messagesPage(main, me, box);
                } catch (failure) {
                    outcome(main, failureNote(failure));
                }
            }) : null))) : h('p', {}, box === 'inbox' ? 'No messages yet.' : 'Nothing sent yet.');
        const write = recipients.length
            ? form('Write a message', [
                field('To', 'recipientId', {kind: 'select', options: recipients.map((r) => [r.accountId, party(r)])}),
                field('Type', 'type', {kind: 'select', options: choices(['ENQUIRY', 'COMPLAINT', 'COMPLIMENT'])}),
                field('Message', 'body', {kind: 'textarea', required: true, max: 5000}),
            ], 'Send', async (v) => {
                const sent = await post('messages', {recipientId: Number(v.recipientId), type: v.type, body: v.body});
                history.replaceState(null, '', '#/messages/sent'); // the address says what the page shows (no second render)
                await messagesPage(main, me, 'sent');
                outcome(main, `Sent to ${party(sent.recipient)}.`);
            })
            : h('p', {}, 'There is nobody you can write to yet.');
        page(main, 'Messages', tabs, list, opener('Write a message', write, {open: messages.length === 0 && box === 'inbox'}));
    });
}

// --- Client ----------------------------------------------------------------------------------------

export async function profilePage(main, me) {
    await loading(main, 'My profile', async () => {
        const view = await get(`clients/${me.personId}`);
        page(main, 'My profile',
            h('p', {class: 'uid-large'}, 'Your ID: ', h('strong', {class: 'uid'}, view.uid)),
            h('dl', {class: 'facts'}, h('dt', {}, 'Name'), h('dd', {}, view.name), h('dt', {}, 'Email'), h('dd', {}, view.email),
                h('dt', {}, 'Phone'), h('dd', {}, view.phone || '—')),
            await allocationsSection('allocations', 'My allocations', me));
    });
}

// --- Own account ---------------------------------------------------------------------------------

/** Changing one's own password: the current one first; afterwards every sign-in of this login ends. */
export function accountPage(main, me, onChanged) {
    page(main, 'My account',
        h('dl', {class: 'facts'}, h('dt', {}, 'Name'), h('dd', {}, me.name || '—'), h('dt', {}, 'Role'), h('dd', {}, word(me.role)),
            me.company ? [h('dt', {}, 'Company'), h('dd', {}, me.company.name), h('dt', {}, 'Sign-in name'), h('dd', {}, me.company.slug)] : null),
        form('Change your password', [
            field('Current password', 'currentPassword', {kind: 'password', required: true, max: 200, attrs: {autocomplete: 'current-password'}}),
            field('New password', 'newPassword', {kind: 'password', required: true, max: 200, hint: 'At least 8 characters', attrs: {autocomplete: 'new-password'}}),
            field('New password again', 'repeat', {kind: 'password', required: true, max: 200, attrs: {autocomplete: 'new-password'}}),
        ], 'Change password', async (v) => {
            if (v.newPassword !== v.repeat) {
                throw new Problem(400, {detail: 'The two new passwords differ.', errors: [{field: 'repeat', message: 'must be the same as the new password'}]});
            }
            await post('me/password', {currentPassword: v.currentPassword, newPassword: v.newPassword});
            onChanged();
        }),
        secondFactorSection(main, onChanged),
        me.role === 'PLATFORM_ADMIN' ? null : form('Change your email', [
            field('Current password', 'currentPassword', {kind: 'password', required: true, max: 200, attrs: {autocomplete: 'current-password'}}),
            field('New email', 'newEmail', {kind: 'email', required: true, max: 254, attrs: {autocomplete: 'email'}}),
        ], 'Send confirmation link', async (v, formElement) => {
            await post('me/email', {currentPassword: v.currentPassword, newEmail: v.newEmail});
            formElement.reset();
            outcome(main, `A confirmation link is on its way to ${v.newEmail}. Your email changes when you follow it; until then you sign in as before.`);
        }));
}

/** Two-step sign-in: a code from an authenticator app at every sign-in, after the password. */
function secondFactorSection(main, onChanged) {
    const section = h('section', {'aria-labelledby': 'two-step'}, h('h2', {id: 'two-step'}, 'Two-step sign-in'),
        h('p', {}, 'With it on, signing in also asks for the 6-digit code your authenticator app shows (Google Authenticator, Microsoft Authenticator, 1Password, …).'));
    section.append(h('p', {}, button('Set up two-step sign-in', async () => {
        try {
            const enrolment = await post('me/totp', undefined);
            replace(section, h('h2', {id: 'two-step', tabindex: -1}, 'Two-step sign-in'),
                h('p', {}, 'Scan this code with your authenticator app, or type the key into it. Then type the code the app shows.'),
                h('img', {src: enrolment.qrCode, alt: 'QR code of your two-step sign-in key', width: 200, height: 200, class: 'qr'}),
                h('p', {}, 'Key: ', h('code', {class: 'totp-secret'}, enrolment.secret)),
                form('Confirm two-step sign-in', [
                    field('Code from the app', 'code', {required: true, max: 10, hint: '6 digits', attrs: {inputmode: 'numeric', autocomplete: 'one-time-code'}}),
                ], 'Turn on', async (v) => {
                    await post('me/totp/confirm', {code: v.code});
                    // every sign-in without a code has ended, this one too
                    onChanged('Two-step sign-in is on, and every earlier sign-in has ended. Sign in again with a code from your app.');
                }));
            section.scrollIntoView({block: 'start'});
            section.querySelector('h2').focus();
        } catch (failure) {
            outcome(main, failureNote(failure));
        }
    }, {kind: 'secondary'})));
    return section;
}

// --- One-time links (no sign-in needed) -----------------------------------------------------------

/** The link's token leaves the address bar once the page has it: it is not kept in the history. */
function forgetLinkInAddressBar() {
    history.replaceState(null, '', location.pathname + location.search + '#/');
}

function choosePassword(title, submitLabel, send) {
    return form(title, [
        field('New password', 'password', {kind: 'password', required: true, max: 200, hint: 'At least 8 characters', attrs: {autocomplete: 'new-password'}}),
        field('New password again', 'repeat', {kind: 'password', required: true, max: 200, attrs: {autocomplete: 'new-password'}}),
    ], submitLabel, async (v) => {
        if (v.password !== v.repeat) {
            throw new Problem(400, {detail: 'The two passwords differ.', errors: [{field: 'repeat', message: 'must be the same as the new password'}]});
        }
        await send(v.password);
    });
}

/**
 * #/invitation/{token}: whom the link invites and where (a link passed on by chat comes without the email
 * that names the company's sign-in name), then the invited person chooses their password and signs in.
 */
export async function invitationPage(main, token, signIn) {
    forgetLinkInAddressBar();
    const title = 'Welcome to EstateDesk';
    page(main, title, h('p', {class: 'loading'}, 'Loading…'));
    let invited;
    try {
        invited = await post('auth/invitations/preview', {token}, {anonymous: true});
    } catch (failure) {
        page(main, title, failureNote(failure), h('p', {}, link('#/', 'Go to sign-in')));
        return;
    }
    page(main, title,
        h('p', {}, `Hello ${invited.name}. ${invited.company.name} has given you a sign-in. Choose your password; afterwards you sign in with:`),
        h('dl', {class: 'facts'},
            h('dt', {}, 'Email'), h('dd', {}, invited.email),
            h('dt', {}, 'Company'), h('dd', {}, `${invited.company.slug} (${invited.company.name}’s sign-in name)`)),
        choosePassword('Choose your password', 'Set password', async (password) => {
            await post('auth/invitations/accept', {token, password}, {anonymous: true});
            signIn(`Your password is set, ${invited.name}. Sign in with it now.`, {email: invited.email, company: invited.company.slug});
        }),
        h('p', {class: 'hint'}, `This link works once, until ${when(invited.expiresAt)}.`));
}

/** #/forgot-password: asks for a reset link; the answer is the same whether or not the sign-in exists. */
export function forgotPasswordPage(main) {
    page(main, 'Forgot your password?',
        form('Get a link to choose a new password', [
            field('Email', 'email', {kind: 'email', required: true, max: 254, attrs: {autocomplete: 'username'}}),
            field('Company', 'company', {required: true, max: 100, hint: 'Your company’s sign-in name (slug)', attrs: {autocomplete: 'organization'}}),
        ], 'Send me a link', async (v, formElement) => {
            await post('auth/password-reset', {email: v.email, company: v.company}, {anonymous: true});
            formElement.reset();
            outcome(main, `If ${v.email} signs in at “${v.company}”, a link to choose a new password is on its way there. It works once, for 30 minutes. Nothing arrived? Check the address and the company name, or ask your company’s admin.`);
        }),
        h('p', {}, link('#/', 'Back to sign-in')));
}

/** #/reset-password/{token}: a new password; every earlier sign-in ends. */
export function resetPasswordPage(main, token, signIn) {
    forgetLinkInAddressBar();
    page(main, 'Choose a new password',
        choosePassword('Choose a new password', 'Set new password', async (password) => {
            await post('auth/password-reset/confirm', {token, newPassword: password}, {anonymous: true});
            signIn('Your new password is set, and every earlier sign-in has ended. Sign in with the new password.');
        }));
}

/** #/confirm-email/{token}: the new address is confirmed by the click (a mail scanner opening the link confirms nothing). */
export function confirmEmailPage(main, token, signIn) {
    forgetLinkInAddressBar();
    page(main, 'Confirm your new email',
        h('p', {}, 'Confirm that this address is the new email of your EstateDesk sign-in.'),
        form('', [], 'Confirm my new email', async () => {
            await post('auth/email/confirm', {token}, {anonymous: true});
            signIn('Your email is changed. Sign in with the new email; earlier sign-ins have ended.');
        }, {label: 'Confirm my new email'}));
}

// --- Platform admin --------------------------------------------------------------------------------

export async function companiesPage(main) {
    const {search, results, more, reload: load} = searchableList({
        path: 'companies',
        fixed: {order: 'newest'},
        filters: [field('Search companies (name, slug or prefix)', 'q', {kind: 'search', max: 200})],
        headings: ['Name', 'Sign-in slug', 'Prefix', 'Status'],
        describe: ({q}) => q ? `Companies matching “${q}”, newest first` : 'Companies, newest first',
        rowOf: (c) => [link(`#/companies/${c.id}`, c.name), c.slug, c.prefix, word(c.status)],
        empty: (filtered) => filtered ? 'No company matches.' : 'No companies yet.',
    });

    const preview = h('output', {class: 'uid', 'aria-live': 'polite'});
    const nameField = field('Company name', 'name', {required: true, max: 200});
    const showPrefix = debounce(async (name) => {
        if (!name.trim()) {
            replace(preview);
            return;
        }
        try {
            replace(preview, `Its IDs will start with ${(await get(`companies/prefix?name=${encodeURIComponent(name)}`)).prefix}-`);
        } catch (failure) {
            replace(preview, failure instanceof Problem ? failure.describe() : '');
        }
    }, 250);
    nameField.querySelector('input').addEventListener('input', (event) => showPrefix(event.target.value));
    nameField.append(preview);
    const create = form('New company', [nameField,
        field('Prefix', 'prefix', {max: 12, hint: 'Optional: 2 to 6 capital letters, then digits; derived from the name when empty'}),
        field('Admin name', 'admin.name', {required: true, max: 200}),
        field('Admin email', 'admin.email', {kind: 'email', required: true, max: 254}),
        field('Admin password', 'admin.password', {kind: 'password', required: true, max: 200, hint: 'At least 8 characters'}),
    ], 'Create company', async (v, formElement) => {
        const body = {name: v.name, admin: {name: v['admin.name'], email: v['admin.email'], password: v['admin.password']}};
        if (v.prefix) body.prefix = v.prefix;
        const created = await post('companies', body);
        formElement.reset();
        replace(preview);
        outcome(main, `Created ${created.name}: prefix `, h('strong', {class: 'uid'}, created.prefix),
            ', sign-in slug ', h('strong', {}, created.slug));
        load();
    });
    page(main, 'Companies', search, results, more, opener('New company', create));
    await load();
}

export async function companyPage(main, id) {
    await loading(main, 'Company', async () => {
        const company = await get(`companies/${encodeURIComponent(id)}`);
        const active = company.status === 'ACTIVE';
        page(main, company.name,
            h('dl', {class: 'facts'}, h('dt', {}, 'Prefix'), h('dd', {class: 'uid'}, company.prefix), h('dt', {}, 'Sign-in slug'),
                h('dd', {}, company.slug), h('dt', {}, 'Status'), h('dd', {}, word(company.status))),
            form('Rename', [field('Name', 'name', {value: company.name, required: true, max: 200, hint: 'The prefix and the slug stay'})], 'Rename', async (v) => {
                const renamed = await patch(`companies/${company.id}`, {name: v.name});
                await companyPage(main, id);
                outcome(main, `Renamed to ${renamed.name}. Its prefix and sign-in slug are unchanged.`);
            }),
            h('p', {class: 'actions'},
                button(active ? 'Suspend company' : 'Reactivate company', async () => {
                    if (active && !await confirmAction(`Suspend ${company.name}?`,
                        'Every one of its people is signed out at once and nobody can sign in until you reactivate it. Its data stays.',
                        'Suspend company')) {
                        return;
                    }
                    try {
                        await patch(`companies/${company.id}`, {status: active ? 'SUSPENDED' : 'ACTIVE'});
                        await companyPage(main, id);
                        outcome(main, active ? `${company.name} is suspended.` : `${company.name} is active again.`);
                    } catch (failure) {
                        outcome(main, failureNote(failure));
                    }
                }, {kind: active ? 'danger' : 'secondary'}),
                button('Backfill sequences', async () => {
                    try {
                        const result = await post(`companies/${company.id}/sequences/backfill`, undefined);
                        outcome(main, 'Numbering now continues after: ', result.sequences.map((s) => `${s.key} ${s.lastValue}`).join(', '));
                    } catch (failure) {
                        outcome(main, failureNote(failure));
                    }
                })));
    });
}

export async function auditPage(main) {
    await loading(main, 'Audit', async () => page(main, 'Audit', auditReport(await get('audit'))));
}

export {showProblem};
