// DOM helpers. Everything the service returns is put into the page as text (textContent and text
// nodes); nothing is ever parsed as HTML, so a name like <img onerror=...> stays a name.

import {Problem} from './api.js';

let ids = 0;

/** h('p', {class: 'x', onclick: fn}, 'text', child): an element; strings become text nodes. */
export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.slice(2), value);
        } else if (name === 'class') {
            element.className = value;
        } else if (name === 'value') {
            element.value = value;
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

export function replace(element, ...children) {
    element.replaceChildren();
    append(element, children);
    return element;
}

export function link(href, ...children) {
    return h('a', {href}, ...children);
}

/** A labelled input (every input has a label). kind: text, email, password, number, select, textarea, file, search, checkbox. */
export function field(label, name, {kind = 'text', value, options, required, hint, max, attrs = {}} = {}) {
    if (max) {
        attrs = {maxlength: max, ...attrs}; // the API's own limit: the browser stops at it, not the server
    }
    const id = `f${++ids}`;
    let input;
    if (kind === 'select') {
        input = h('select', {id, name, required, ...attrs},
            (options || []).map(([optionValue, text]) => h('option', {value: optionValue, selected: String(optionValue) === String(value)}, text)));
    } else if (kind === 'textarea') {
        input = h('textarea', {id, name, required, rows: 4, ...attrs});
        input.value = value ?? '';
    } else {
        input = h('input', {id, name, type: kind, required, value: kind === 'checkbox' ? undefined : value, ...attrs});
        if (kind === 'checkbox' && value) {
            input.checked = true;
        }
    }
    const hintId = hint ? `${id}-hint` : null;
    const errorId = `${id}-error`;
    input.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
    return h('div', {class: `field field-${kind}`, 'data-field': name},
        h('label', {for: id}, label),
        input,
        hint ? h('small', {id: hintId, class: 'hint'}, hint) : null,
        h('small', {id: errorId, class: 'field-error', 'aria-live': 'polite'}));
}

/**
 * A form that submits with the keyboard or the mouse. onSubmit(values, form) may throw a Problem: its
 * detail appears above the form, and each of its errors[] next to the field it names.
 */
export function form(title, fields, submitLabel, onSubmit, {extra, label} = {}) {
    const alert = h('div', {class: 'form-alert', role: 'alert'});
    const button = h('button', {type: 'submit'}, submitLabel);
    const element = h('form', {class: 'card', novalidate: true, 'aria-label': label || title},
        title ? h('h3', {}, title) : null, alert, fields, extra, h('div', {class: 'actions'}, button));
    element.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(element);
        button.disabled = true;
        try {
            await onSubmit(values(element), element);
        } catch (failure) {
            showProblem(element, failure);
        } finally {
            button.disabled = false;
        }
    });
    return element;
}

export function values(formElement) {
    const result = {};
    for (const input of formElement.querySelectorAll('input, select, textarea')) {
        if (!input.name) {
            continue;
        }
        if (input.type === 'checkbox') {
            (result[input.name] ||= []);
            if (input.checked) {
                result[input.name].push(input.value);
            }
        } else if (input.type !== 'file') {
            result[input.name] = input.value.trim();
        }
    }
    return result;
}

function clearErrors(formElement) {
    replace(formElement.querySelector('.form-alert'));
    formElement.querySelectorAll('.field-error').forEach((error) => replace(error));
    formElement.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
}

/** Shows a failure on a form: the detail on top, field errors next to their fields (unplaced ones on top). */
export function showProblem(formElement, failure) {
    const problem = failure instanceof Problem ? failure : new Problem(0, {detail: String(failure.message || failure)});
    const unplaced = [];
    for (const error of problem.errors) {
        const name = String(error.field || '').replace(/^body\./, '');
        const holder = formElement.querySelector(`[data-field="${CSS.escape(name)}"]`)
            || formElement.querySelector(`[data-field="${CSS.escape(name.split('.').pop())}"]`);
        if (holder) {
            replace(holder.querySelector('.field-error'), error.message);
            holder.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
        } else {
            unplaced.push(error);
        }
    }
    // When every error sits at its field, the top says where to look instead of repeating them.
    const placedAll = problem.errors.length > 0 && unplaced.length === 0;
    replace(formElement.querySelector('.form-alert'),
        h('p', {}, placedAll ? `Please correct the marked field${problem.errors.length === 1 ? '' : 's'}.` : problem.describe()),
        unplaced.length ? h('ul', {class: 'problem-errors'}, unplaced.map((e) => h('li', {}, `${e.field}: ${e.message}`))) : null);
    formElement.querySelector('[aria-invalid]')?.focus();
}

/** A region that shows an error where a page or a list failed to load. */
export function failureNote(failure) {
    const text = failure instanceof Problem ? failure.describe() : String(failure.message || failure);
    return h('p', {class: 'failure', role: 'alert'}, text);
}

/** A polite announcement (a registration's new UID, a saved change). */
export function notice(container, ...content) {
    replace(container, h('div', {class: 'notice', role: 'status'}, ...content));
}

/**
 * A table row of cells under these headings; each cell carries its heading, which a phone shows beside
 * it when the rows stack (console.css) instead of squeezing the columns into slivers.
 */
export function tableRow(headings, cells) {
    return h('tr', {}, cells.map((cell, i) => h('td', {'data-label': headings[i] || null}, cell)));
}

/** A table whose rows are built by rowOf(item) from text; on a phone its rows stack, each cell labelled. */
export function table(caption, headings, items, rowOfOrOptions, maybeRowOf) {
    // table(caption, headings, items, rowOf) or table(caption, headings, items, {captionHidden}, rowOf):
    // a caption under a heading that says the same is kept for screen readers only.
    const [options, rowOf] = typeof rowOfOrOptions === 'function' ? [{}, rowOfOrOptions] : [rowOfOrOptions, maybeRowOf];
    return h('div', {class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption},
        h('table', {},
            h('caption', {class: options.captionHidden ? 'sr-only' : null}, caption),
            h('thead', {}, h('tr', {}, headings.map((heading) => h('th', {scope: 'col'}, heading)))),
            h('tbody', {}, items.map((item) => tableRow(headings, rowOf(item))))));
}

/**
 * Asks before what cannot be undone: a modal dialog (the browser's own <dialog>: focus is kept inside,
 * Escape cancels) saying what will happen. Resolves true only when the person confirms.
 */
export function confirmAction(question, consequence, confirmLabel) {
    return new Promise((resolve) => {
        const dialog = h('dialog', {class: 'confirm', 'aria-labelledby': 'confirm-title'},
            h('h2', {id: 'confirm-title'}, question),
            h('p', {}, consequence),
            h('div', {class: 'actions'},
                h('button', {type: 'button', class: 'danger', onclick: () => dialog.close('yes')}, confirmLabel),
                h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close('no')}, 'Cancel')));
        dialog.addEventListener('close', () => {
            dialog.remove();
            resolve(dialog.returnValue === 'yes');
        });
        document.body.append(dialog);
        dialog.showModal();
        dialog.querySelector('button.secondary').focus(); // the safe choice is the default
    });
}

/** A form behind a one-line opener, so that the list stays the first thing on the page. */
export function opener(summary, formElement, {open = false} = {}) {
    // The opener already says what the form is for: a title repeating it under it goes.
    const title = formElement.querySelector?.(':scope > h3');
    if (title && title.textContent === summary) {
        title.remove();
    }
    return h('details', {class: 'opener', open}, h('summary', {}, summary), formElement);
}

export function button(label, onClick, {kind = 'secondary', attrs = {}} = {}) {
    return h('button', {type: 'button', class: kind, onclick: onClick, ...attrs}, label);
}

export function debounce(fn, millis) {
    let timer;
    return (...args) => {
        clearTimeout(timer);
        timer = setTimeout(() => fn(...args), millis);
    };
}
