/**
 * The tenant URL is where the bearer token may go, and nowhere else. Accepts
 * "cp.example.com", "https://cp.example.com/" and the like; returns the origin.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function normalizeTenantUrl(input: unknown): string {
	const raw = String(input ?? '').trim();
	if (!raw) throw new Error('Tenant URL is empty: enter your AMPECO tenant address, e.g. cp.example.com');
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
	if (!URL.canParse(withScheme)) throw new Error(`Tenant URL "${raw}" is not a valid address`);
	const url = new URL(withScheme);
	if (url.username || url.password) throw new Error('Tenant URL must not contain a user name or password');
	const local = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		throw new Error('Tenant URL must use https:// (http:// is allowed for localhost only)');
	}
	if (url.pathname.replace(/\/+$/, '') !== '' && url.pathname.replace(/\/+$/, '') !== '/public-api') {
		throw new Error('Tenant URL must be the tenant address only, without a path');
	}
	if (url.search || url.hash) throw new Error('Tenant URL must not contain a query or fragment');
	return url.origin;
}
