import { normalizeTenantUrl } from '../nodes/shared/tenant-url';

describe('normalizeTenantUrl: where the token may be sent', () => {
	it.each([
		['cp.example.com', 'https://cp.example.com'],
		['  https://cp.example.com/  ', 'https://cp.example.com'],
		['https://cp.example.com/public-api/', 'https://cp.example.com'],
		['https://cp.example.com:8443', 'https://cp.example.com:8443'],
		['http://localhost:5681', 'http://localhost:5681'],
		['http://127.0.0.1:5681', 'http://127.0.0.1:5681'],
	])('accepts %j as %s', (input, origin) => {
		expect(normalizeTenantUrl(input)).toBe(origin);
	});

	it.each([
		['', /Tenant URL is empty/],
		[undefined, /Tenant URL is empty/],
		['https://cp example.com', /Tenant URL "https:\/\/cp example.com" is not a valid address/],
		['https://', /Tenant URL "https:\/\/" is not a valid address/],
		['https://user:pw@cp.example.com', /must not contain a user name or password/],
		['http://cp.example.com', /must use https:\/\//],
		['ftp://cp.example.com', /must use https:\/\//],
		['https://cp.example.com/elsewhere', /without a path/],
		['https://cp.example.com/?a=1', /must not contain a query or fragment/],
		['https://cp.example.com/#top', /must not contain a query or fragment/],
	])('refuses %j', (input, message) => {
		expect(() => normalizeTenantUrl(input)).toThrow(message);
	});
});
