// The console's only way to the data: the public REST API, with the signed-in caller's bearer token.
// The token lives in sessionStorage (this tab only), never in a URL or a log.

const BASE = new URL('api/v1/', document.baseURI);
const TOKEN = 'estatedesk.token';

/** An answer that is not 2xx: the problem document's detail, its field errors, and when to retry. */
export class Problem extends Error {
    constructor(status, body, retryAfter) {
        super(body.detail || body.title || `The service answered ${status}.`);
        this.status = status;
        this.type = body.type;
        this.errors = Array.isArray(body.errors) ? body.errors : [];
        this.retryAfter = retryAfter;
    }

    /** The sentence shown to the user, with the wait when the service asked for one. */
    describe() {
        if ((this.status === 429 || this.status === 503) && this.retryAfter) {
            return `${this.message} Try again in ${this.retryAfter} second${this.retryAfter === '1' ? '' : 's'}.`;
        }
        return this.message;
    }
}

let expiredHandler = () => {};

export const session = {
    get token() {
        return sessionStorage.getItem(TOKEN);
    },
    start(token) {
        sessionStorage.setItem(TOKEN, token);
    },
    clear() {
        sessionStorage.removeItem(TOKEN);
    },
    /** Called when the service no longer accepts the token (expired, revoked, signed out elsewhere). */
    onExpired(handler) {
        expiredHandler = handler;
    },
};

/**
 * Calls the API. body: an object (sent as JSON) or a string with contentType; accept: the media type
 * wanted. Resolves to the parsed JSON (null for no body), or the Response when raw; rejects with a Problem.
 */
export async function call(method, path, {body, contentType, accept = 'application/json', raw = false, anonymous = false} = {}) {
    const headers = {Accept: accept};
    if (session.token && !anonymous) {
        headers.Authorization = `Bearer ${session.token}`;
    }
    let payload;
    if (body !== undefined) {
        headers['Content-Type'] = contentType || 'application/json';
        payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(new URL(path.replace(/^\//, ''), BASE), {method, headers, body: payload, credentials: 'omit', cache: 'no-store'});
    } catch (networkFailure) {
        throw new Problem(0, {detail: 'The service cannot be reached. Check the connection and try again.'});
    }
    if (response.status === 401 && session.token && !anonymous) {
        session.clear();
        expiredHandler();
    }
    if (!response.ok) {
        let problem = {};
        try {
            problem = await response.json();
        } catch (notJson) {
            problem = {detail: `The service answered ${response.status} ${response.statusText}.`};
        }
        throw new Problem(response.status, problem, response.headers.get('Retry-After'));
    }
    if (raw) {
        return response;
    }
    const text = await response.text(); // 204, and a 202 that says nothing more, have no body
    return text ? JSON.parse(text) : null;
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, body, options = {}) => call('POST', path, {...options, body});
export const patch = (path, body) => call('PATCH', path, {body});
export const remove = (path) => call('DELETE', path);

/** Every page of a list (for the small lists a form offers to choose from), at most `max` items. */
export async function all(path, max = 500) {
    const items = [];
    let cursor = null;
    do {
        const separator = path.includes('?') ? '&' : '?';
        const page = await get(`${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        items.push(...page.items);
        cursor = page.next;
    } while (cursor && items.length < max);
    return items;
}
