// The console's pages. Each one reads and writes through the public API only (api.js), as the
// signed-in caller: what a page shows is exactly what the API lets that caller see.

import {all, get, patch, post, Problem, remove, call} from './api.js';
import {button, debounce, failureNote, field, form, h, link, notice, replace, showProblem, table} from './ui.js';

const KINDS = {
    marketers: {one: 'marketer', title: 'Marketers'},
    clients: {one: 'client', title: 'Clients'},
};

/** Fills the main region with a page: its title (also the document's), then the content. */
export function page(main, title, ...content) {
    document.title = `${title} · EstateDesk`;
    replace(main, h('h1', {}, title), ...content);
    main.focus();
}

/** A notice under the page's title, for an outcome that re-rendered the page. */
function announceOnPage(main, ...content) {
    main.querySelector('h1')?.after(h('div', {class: 'notice', role: 'status'}, ...content));
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

const people = new Map();

/** A person's view by kind and id, fetched once per page load (for names and UIDs in lists). */
function person(kind, id) {
    const key = `${kind}/${id}`;
    if (!people.has(key)) {
        people.set(key, get(`${kind}/${id}`).catch(() => null));
    }
    return people.get(key);
}

function label(view) {
    return view ? `${view.uid} · ${view.name}` : 'not visible';
}

function when(instant) {
    return instant ? new Date(instant).toLocaleString() : '';
}

// --- Company admin: dashboard ------------------------------------------------------------------

export async function dashboard(main) {
    await loading(main, 'Dashboard', async () => {
        const [summary, audit] = await Promise.all([get('summary'), get('audit')]);
        const tiles = [
            ['Marketers', summary.marketers], ['Clients', summary.clients], ['Estates', summary.estates],
            ['Units available', `${summary.availableUnits} of ${summary.totalUnits}`], ['Allocations', summary.allocations],
        ];
        page(main, 'Dashboard',
            h('ul', {class: 'tiles'}, tiles.map(([name, value]) => h('li', {class: 'tile'}, h('span', {class: 'tile-value'}, String(value)), h('span', {}, name)))),
            auditReport(audit));
    });
}

function auditReport(audit) {
    return h('section', {class: 'card', 'aria-labelledby': 'audit-title'},
        h('h2', {id: 'audit-title'}, audit.ok ? 'Audit: all checks green' : 'Audit: checks failed'),
        h('p', {}, `Scope: ${audit.scope}; checked ${when(audit.checkedAt)}.`),
        h('ul', {class: 'checks'}, audit.checks.map((check) => h('li', {class: check.ok ? 'ok' : 'bad'},
            h('span', {class: 'badge'}, check.ok ? 'green' : 'red'), ' ', check.name, check.detail ? h('div', {class: 'detail'}, check.detail) : null))));
}

// --- People ------------------------------------------------------------------------------------

export async function peopleList(main, kindPath, me) {
    const kind = KINDS[kindPath];
    const isAdmin = me.role === 'COMPANY_ADMIN';
    const title = me.role === 'MARKETER' && kindPath === 'clients' ? 'My clients' : kind.title;
    const results = h('div');
    const more = h('div');
    const announce = h('div');
    let query = '';

    async function load(cursor) {
        try {
            const params = new URLSearchParams({limit: '50'});
            if (query) params.set('q', query);
            if (cursor) params.set('cursor', cursor);
            const pageOf = await get(`${kindPath}?${params}`);
            const rows = pageOf.items.map((p) => h('tr', {},
                h('td', {}, link(`#/${kindPath}/${p.id}`, p.uid)), h('td', {}, p.name), h('td', {}, p.email),
                h('td', {}, p.phone || ''), h('td', {}, p.status)));
            let body = results.querySelector('tbody');
            if (!cursor || !body) {
                replace(results, h('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': title},
                    h('table', {}, h('caption', {}, `${title}${query ? ` matching “${query}”` : ''}`),
                        h('thead', {}, h('tr', {}, ['UID', 'Name', 'Email', 'Phone', 'Status'].map((c) => h('th', {scope: 'col'}, c)))),
                        body = h('tbody'))));
            }
            body.append(...rows);
            if (!cursor && pageOf.items.length === 0) {
                replace(results, h('p', {}, query ? 'Nobody matches.' : `No ${kindPath} yet.`));
            }
            replace(more, pageOf.next ? button('Load more', () => load(pageOf.next)) : null);
        } catch (failure) {
            replace(results, failureNote(failure));
        }
    }

    const search = h('form', {class: 'search', role: 'search', onsubmit: (e) => {
        e.preventDefault();
        query = search.querySelector('input').value.trim();
        load(null);
    }}, field(`Search ${kindPath} (name, email or UID)`, 'q', {kind: 'search'}), h('button', {type: 'submit'}, 'Search'));

    const content = [search, results, more];
    if (isAdmin) {
        content.unshift(announce, form(`Register a ${kind.one}`, [
            field('Name', 'name', {required: true}),
            field('Email', 'email', {kind: 'email', required: true}),
            field('Phone', 'phone', {hint: 'Optional'}),
            field('Password', 'password', {kind: 'password', hint: 'Optional: gives the person a login (at least 8 characters)'}),
        ], 'Register', async (v, formElement) => {
            const body = {name: v.name, email: v.email};
            if (v.phone) body.phone = v.phone;
            if (v.password) body.password = v.password;
            const created = await post(kindPath, body, {});
            formElement.reset();
            notice(announce, 'Registered ', h('strong', {class: 'uid', 'data-uid': created.uid}, created.uid), ` — ${created.name}`);
            load(null);
        }));
        if (kindPath === 'clients') {
            content.unshift(h('p', {class: 'actions'}, link('#/import', 'Import clients from CSV'), ' ', button('Export all as CSV', exportClients)));
        }
    }
    page(main, title, ...content);
    await load(null);
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

export async function personPage(main, kindPath, id, me) {
    const kind = KINDS[kindPath];
    await loading(main, kind.one[0].toUpperCase() + kind.one.slice(1), async () => {
        const view = await get(`${kindPath}/${encodeURIComponent(id)}`);
        const isAdmin = me.role === 'COMPANY_ADMIN';
        const announce = h('div');
        const sections = [announce, h('dl', {class: 'facts'},
            h('dt', {}, 'UID'), h('dd', {class: 'uid'}, view.uid),
            h('dt', {}, 'Email'), h('dd', {}, view.email),
            h('dt', {}, 'Phone'), h('dd', {}, view.phone || '—'),
            h('dt', {}, 'Status'), h('dd', {}, view.status),
            h('dt', {}, 'Login'), h('dd', {}, view.accountId ? 'yes' : 'no'))];
        if (isAdmin) {
            sections.push(form('Edit', [
                field('Name', 'name', {value: view.name, required: true}),
                field('Phone', 'phone', {value: view.phone || '', hint: 'Empty removes it'}),
            ], 'Save', async (v) => {
                await patch(`${kindPath}/${view.id}`, {name: v.name, phone: v.phone || null});
                await personPage(main, kindPath, id, me);
                announceOnPage(main, 'Saved.');
            }));
            const deactivate = view.status === 'ACTIVE';
            sections.push(h('p', {}, button(deactivate ? `Deactivate ${view.uid}` : `Reactivate ${view.uid}`, async (event) => {
                try {
                    await patch(`${kindPath}/${view.id}`, {status: deactivate ? 'DEACTIVATED' : 'ACTIVE'});
                    personPage(main, kindPath, id, me);
                } catch (failure) {
                    event.target.after(failureNote(failure));
                }
            }, {kind: deactivate ? 'danger' : 'secondary'})));
        }
        if (kindPath === 'marketers' && isAdmin) {
            const others = (await all('marketers')).filter((m) => m.id !== view.id && m.status === 'ACTIVE');
            sections.push(form('Reassign all of this marketer’s clients', [
                field('To marketer', 'toMarketerId', {kind: 'select', options: others.map((m) => [m.id, label(m)])}),
            ], 'Reassign', async (v) => {
                const result = await post(`marketers/${view.id}/reassign`, {toMarketerId: Number(v.toMarketerId)});
                notice(announce, `Moved ${result.moved} client(s); ${result.alreadyAssigned} already had that marketer.`);
            }));
        }
        if (kindPath === 'clients') {
            if (isAdmin) {
                const assignments = await all(`assignments?clientId=${view.id}`);
                const marketers = await Promise.all(assignments.map((a) => person('marketers', a.marketerId)));
                sections.push(h('section', {}, h('h2', {}, 'Marketers'),
                    marketers.length ? h('ul', {}, marketers.map((m) => h('li', {}, m ? link(`#/marketers/${m.id}`, label(m)) : 'not visible')))
                        : h('p', {}, 'No marketer assigned.')));
            }
            sections.push(await allocationsSection(`allocations?clientId=${view.id}`, 'Allocations'));
            if (me.role !== 'CLIENT') {
                sections.push(await allocateForm(main, me, view));
            }
        }
        page(main, `${view.name}`, ...sections);
    });
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
        const [clients, marketers, assignments] = await Promise.all([all('clients'), all('marketers'), all('assignments')]);
        const byId = (list) => new Map(list.map((p) => [p.id, p]));
        const clientById = byId(clients);
        const marketerById = byId(marketers);
        page(main, 'Assignments',
            form('Assign a client to a marketer', [
                field('Client', 'clientId', {kind: 'select', options: clients.map((c) => [c.id, label(c)])}),
                field('Marketer', 'marketerId', {kind: 'select', options: marketers.filter((m) => m.status === 'ACTIVE').map((m) => [m.id, label(m)])}),
            ], 'Assign', async (v) => {
                await post('assignments', {clientId: Number(v.clientId), marketerId: Number(v.marketerId)});
                assignmentsPage(main);
            }),
            assignments.length ? table('Current assignments', ['Client', 'Marketer', 'Since', ''], assignments, (a) => [
                label(clientById.get(a.clientId)), label(marketerById.get(a.marketerId)), when(a.createdAt),
                button('Unassign', async () => {
                    await remove(`assignments/${a.id}`);
                    assignmentsPage(main);
                }, {attrs: {'aria-label': `Unassign ${label(clientById.get(a.clientId))}`}}),
            ]) : h('p', {}, 'No assignments yet.'));
    });
}

// --- Estates, plot sizes, plot numbers -------------------------------------------------------------

export async function estatesPage(main, me) {
    await loading(main, 'Estates', async () => {
        const estates = await all('estates');
        const content = [];
        if (me.role === 'COMPANY_ADMIN') {
            content.push(form('New estate', [
                field('Name', 'name', {required: true}),
                field('Location', 'location', {required: true}),
                field('Size', 'size', {kind: 'number', required: true, attrs: {step: 'any', min: '0'}}),
                field('Size unit', 'sizeUnit', {kind: 'select', options: ['SQUARE_METERS', 'SQUARE_FEET', 'HECTARES', 'ACRES', 'SQUARE_KILOMETERS'].map((u) => [u, u])}),
                field('Title deed', 'titleDeed', {kind: 'select', options: ['FCDA_ROFO', 'FCDA_COFO', 'ROFO', 'GAZETTE'].map((t) => [t, t])}),
            ], 'Create estate', async (v) => {
                await post('estates', {...v, size: v.size === '' ? null : Number(v.size)});
                estatesPage(main, me);
            }));
        }
        content.push(estates.length ? table('Estates', ['Name', 'Location', 'Size', 'Title deed'], estates,
            (e) => [link(`#/estates/${e.id}`, e.name), e.location, `${e.size} ${e.sizeUnit}`, e.titleDeed]) : h('p', {}, 'No estates yet.'));
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
        const content = [h('p', {}, `${estate.location} · ${estate.size} ${estate.sizeUnit} · ${estate.titleDeed}`),
            h('section', {'aria-labelledby': 'plots-title'}, h('h2', {id: 'plots-title'}, 'Availability'),
                plots.items.length ? plots.items.map(availability) : h('p', {}, 'No plots laid out yet.'))];
        if (me.role === 'COMPANY_ADMIN') {
            const [sizes, numbers] = await Promise.all([all('plot-sizes'), all('plot-numbers')]);
            content.push(form('Lay out plots', [
                field('Plot size', 'plotSizeId', {kind: 'select', options: sizes.map((s) => [s.id, s.size])}),
                field('Total units', 'totalUnits', {kind: 'number', required: true, attrs: {min: '1'}}),
                h('fieldset', {class: 'field', 'data-field': 'plotNumberIds'}, h('legend', {}, 'Plot numbers (optional)'),
                    numbers.map((n) => h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'plotNumberIds', value: n.id}), ` ${n.number}`)),
                    h('small', {class: 'field-error', 'aria-live': 'polite'})),
            ], 'Lay out', async (v) => {
                await post(`estates/${estate.id}/plots`, {plotSizeId: Number(v.plotSizeId), totalUnits: v.totalUnits === '' ? null : Number(v.totalUnits),
                    plotNumberIds: (v.plotNumberIds || []).map(Number)});
                estatePage(main, id, me);
            }));
        }
        page(main, estate.name, ...content);
    });
}

export async function cataloguePage(main, me) {
    await loading(main, 'Plot sizes and numbers', async () => {
        const [sizes, numbers] = await Promise.all([all('plot-sizes'), all('plot-numbers')]);
        const admin = me.role === 'COMPANY_ADMIN';
        page(main, 'Plot sizes and numbers',
            admin ? form('New plot size', [field('Size', 'size', {required: true, hint: 'e.g. 500sqm'})], 'Add size', async (v) => {
                await post('plot-sizes', v);
                cataloguePage(main, me);
            }) : null,
            table('Plot sizes', ['Size'], sizes, (s) => [s.size]),
            admin ? form('New plot number', [field('Number', 'number', {required: true, hint: 'e.g. A-12'})], 'Add number', async (v) => {
                await post('plot-numbers', v);
                cataloguePage(main, me);
            }) : null,
            table('Plot numbers', ['Number'], numbers, (n) => [n.number]));
    });
}

// --- Allocations -----------------------------------------------------------------------------------

async function allocationsSection(path, title) {
    const [allocations, estates] = await Promise.all([all(path), all('estates').catch(() => [])]);
    const estateName = new Map(estates.map((e) => [e.id, e.name]));
    return h('section', {}, h('h2', {}, title), allocations.length
        ? table(title, ['Client', 'Estate', 'Plot size', 'Payment', 'When'], allocations, (a) => [
            String(a.clientId), estateName.get(a.estateId) || String(a.estateId), String(a.plotSizeId), a.paymentType, when(a.createdAt)])
        : h('p', {}, 'No allocations.'));
}

async function allocateForm(main, me, forClient) {
    const clients = forClient ? [forClient] : await all('clients');
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
        field('Client', 'clientId', {kind: 'select', options: clients.map((c) => [c.id, label(c)])}),
        estateField, plotField, numberField,
        field('Payment', 'paymentType', {kind: 'select', options: [['FULL', 'Full (needs a plot number)'], ['PART', 'Part']]}),
    ], 'Allocate', async (v) => {
        const body = {clientId: Number(v.clientId), estateId: v.estateId ? Number(v.estateId) : null,
            plotSizeId: v.plotSizeId ? Number(v.plotSizeId) : null, paymentType: v.paymentType};
        if (v.plotNumberId) body.plotNumberId = Number(v.plotNumberId);
        await post('allocations', body);
        if (forClient) {
            await personPage(main, 'clients', forClient.id, me);
        } else {
            await allocationsPage(main, me);
        }
        announceOnPage(main, 'Allocated.');
    }));
}

export async function allocationsPage(main, me) {
    await loading(main, 'Allocations', async () => {
        const section = await allocationsSection('allocations', me.role === 'CLIENT' ? 'My allocations' : 'Allocations');
        page(main, 'Allocations', me.role === 'CLIENT' ? null : await allocateForm(main, me, null), section);
    });
}

// --- Messages --------------------------------------------------------------------------------------

export async function messagesPage(main, me, box = 'inbox') {
    await loading(main, 'Messages', async () => {
        const messages = await all(`messages?box=${box}`, 200);
        const recipients = await messageRecipients(me, messages);
        const tabs = h('p', {class: 'tabs'}, ['inbox', 'sent'].map((name) =>
            h('a', {href: `#/messages/${name}`, 'aria-current': name === box ? 'page' : null}, name === 'inbox' ? 'Inbox' : 'Sent')));
        const content = [tabs];
        if (recipients.length) {
            content.push(form('Write a message', [
                field('To', 'recipientId', {kind: 'select', options: recipients}),
                field('Type', 'type', {kind: 'select', options: [['ENQUIRY', 'Enquiry'], ['COMPLAINT', 'Complaint'], ['COMPLIMENT', 'Compliment']]}),
                field('Message', 'body', {kind: 'textarea', required: true}),
            ], 'Send', async (v) => {
                await post('messages', {recipientId: Number(v.recipientId), type: v.type, body: v.body});
                messagesPage(main, me, 'sent');
            }));
        }
        content.push(messages.length ? h('ul', {class: 'messages'}, messages.map((m) => h('li', {class: m.read ? 'read' : 'unread'},
            h('p', {class: 'meta'}, `${m.type} · ${box === 'inbox' ? `from account ${m.senderId}` : `to account ${m.recipientId}`} · ${when(m.createdAt)}`),
            h('p', {class: 'body'}, m.body),
            box === 'inbox' ? button(m.read ? 'Mark unread' : 'Mark read', async () => {
                await patch(`messages/${m.id}`, {read: !m.read});
                messagesPage(main, me, box);
            }) : null))) : h('p', {}, box === 'inbox' ? 'No messages.' : 'Nothing sent yet.'));
        page(main, 'Messages', ...content);
    });
}

/** Whom the caller can write to: its company's people with a login (admin, marketer), or whoever wrote to it (client). */
async function messageRecipients(me, inbox) {
    const options = new Map();
    if (me.role === 'COMPANY_ADMIN' || me.role === 'MARKETER') {
        const lists = await Promise.all([me.role === 'COMPANY_ADMIN' ? all('marketers') : Promise.resolve([]), all('clients')]);
        lists.flat().filter((p) => p.accountId && p.accountId !== me.accountId && p.status === 'ACTIVE')
            .forEach((p) => options.set(p.accountId, label(p)));
    }
    inbox.filter((m) => m.senderId !== me.accountId).forEach((m) => options.has(m.senderId) || options.set(m.senderId, `account ${m.senderId}`));
    return [...options.entries()];
}

// --- Client ----------------------------------------------------------------------------------------

export async function profilePage(main, me) {
    await loading(main, 'My profile', async () => {
        const view = await get(`clients/${me.personId}`);
        page(main, 'My profile',
            h('p', {class: 'uid-large'}, 'Your ID: ', h('strong', {class: 'uid'}, view.uid)),
            h('dl', {class: 'facts'}, h('dt', {}, 'Name'), h('dd', {}, view.name), h('dt', {}, 'Email'), h('dd', {}, view.email),
                h('dt', {}, 'Phone'), h('dd', {}, view.phone || '—')),
            await allocationsSection('allocations', 'My allocations'));
    });
}

// --- Platform admin --------------------------------------------------------------------------------

export async function companiesPage(main) {
    await loading(main, 'Companies', async () => {
        const companies = await all('companies');
        const preview = h('output', {class: 'uid', 'aria-live': 'polite'});
        const nameField = field('Company name', 'name', {required: true});
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
        page(main, 'Companies',
            form('New company', [nameField,
                field('Prefix', 'prefix', {hint: 'Optional: 2 to 6 capital letters, then digits; derived from the name when empty'}),
                field('Admin name', 'admin.name', {required: true}),
                field('Admin email', 'admin.email', {kind: 'email', required: true}),
                field('Admin password', 'admin.password', {kind: 'password', required: true, hint: 'At least 8 characters'}),
            ], 'Create company', async (v) => {
                const body = {name: v.name, admin: {name: v['admin.name'], email: v['admin.email'], password: v['admin.password']}};
                if (v.prefix) body.prefix = v.prefix;
                const created = await post('companies', body);
                await companiesPage(main);
                announceOnPage(main, `Created ${created.name}: prefix `, h('strong', {class: 'uid'}, created.prefix),
                    ', sign-in slug ', h('strong', {}, created.slug));
            }),
            companies.length ? table('Companies', ['Name', 'Slug', 'Prefix', 'Status'], companies,
                (c) => [link(`#/companies/${c.id}`, c.name), c.slug, c.prefix, c.status]) : h('p', {}, 'No companies yet.'));
    });
}

export async function companyPage(main, id) {
    await loading(main, 'Company', async () => {
        const company = await get(`companies/${encodeURIComponent(id)}`);
        const announce = h('div');
        const active = company.status === 'ACTIVE';
        page(main, company.name, announce,
            h('dl', {class: 'facts'}, h('dt', {}, 'Prefix'), h('dd', {class: 'uid'}, company.prefix), h('dt', {}, 'Sign-in slug'),
                h('dd', {}, company.slug), h('dt', {}, 'Status'), h('dd', {}, company.status)),
            form('Rename', [field('Name', 'name', {value: company.name, required: true, hint: 'The prefix and the slug stay'})], 'Rename', async (v) => {
                await patch(`companies/${company.id}`, {name: v.name});
                companyPage(main, id);
            }),
            h('p', {class: 'actions'},
                button(active ? 'Suspend company' : 'Reactivate company', async (event) => {
                    try {
                        await patch(`companies/${company.id}`, {status: active ? 'SUSPENDED' : 'ACTIVE'});
                        companyPage(main, id);
                    } catch (failure) {
                        event.target.after(failureNote(failure));
                    }
                }, {kind: active ? 'danger' : 'secondary'}),
                button('Backfill sequences', async (event) => {
                    try {
                        const result = await post(`companies/${company.id}/sequences/backfill`, undefined);
                        notice(announce, 'Sequences: ', result.sequences.map((s) => `${s.key} at ${s.lastValue}`).join(', '));
                    } catch (failure) {
                        event.target.after(failureNote(failure));
                    }
                })));
    });
}

export async function auditPage(main) {
    await loading(main, 'Audit', async () => page(main, 'Audit', auditReport(await get('audit'))));
}

export {showProblem};
