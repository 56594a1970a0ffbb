/** The delivery checks on their own: digest encodings, constant-time comparison, timestamps. */
import * as crypto from 'crypto';
import { checkSignature, checkTimestamp, decodeSignature, parseTimestamp } from '../../nodes/AmpecoTrigger/signature';

// crypto's exports cannot be spied on in place: the module is replaced by itself with a recording timingSafeEqual.
jest.mock('crypto', () => {
	const actual = jest.requireActual('crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

const SECRET = 'tok_TRIGGER_5f2a9c';
const body = Buffer.from('{"notification":"evse.changed","evseId":1}');
const digest = crypto.createHmac('sha256', SECRET).update(body).digest();

test.each([
	['hex', digest.toString('hex')],
	['HEX', digest.toString('hex').toUpperCase()],
	['base64', digest.toString('base64')],
	['base64 without padding', digest.toString('base64').replace(/=+$/, '')],
	['base64url', digest.toString('base64url')],
	['sha256= prefix', `sha256=${digest.toString('hex')}`],
	['surrounding spaces', ` ${digest.toString('hex')} `],
])('a %s signature decodes to the 32 digest bytes and verifies', (_label, header) => {
	expect(decodeSignature(header)).toEqual(digest);
	expect(checkSignature(body, header, SECRET)).toBeUndefined();
});

test.each([
	['too short hex', digest.toString('hex').slice(2)],
	['a SHA-1 length digest', crypto.createHmac('sha1', SECRET).update(body).digest('hex')],
	['words', 'not a signature'],
])('%s is no digest', (_label, header) => {
	expect(decodeSignature(header)).toBeUndefined();
	expect(checkSignature(body, header, SECRET)).toBe('malformed-signature');
});

test('failures are named', () => {
	expect(checkSignature(body, undefined, SECRET)).toBe('missing-signature');
	expect(checkSignature(body, [digest.toString('hex'), digest.toString('hex')], SECRET)).toBe('missing-signature');
	expect(checkSignature(body, digest.toString('hex'), '')).toBe('missing-secret');
	expect(checkSignature(undefined, digest.toString('hex'), SECRET)).toBe('missing-body');
	expect(checkSignature(Buffer.from(`${body} `), digest.toString('hex'), SECRET)).toBe('signature-mismatch');
	expect(checkSignature(body, digest.toString('hex'), 'tok_other')).toBe('signature-mismatch');
});

test('the comparison is crypto.timingSafeEqual over equal-length buffers', () => {
	const spy = crypto.timingSafeEqual as jest.MockedFunction<typeof crypto.timingSafeEqual>;
	spy.mockClear();
	expect(checkSignature(body, digest.toString('base64'), SECRET)).toBeUndefined();
	expect(checkSignature(body, crypto.createHmac('sha256', 'other').update(body).digest('hex'), SECRET)).toBe('signature-mismatch');
	expect(spy).toHaveBeenCalledTimes(2);
	for (const [a, b] of spy.mock.calls as Array<[Buffer, Buffer]>) {
		expect(a.length).toBe(32);
		expect(b.length).toBe(32);
	}
});

test.each([
	['ISO with microseconds, Z', '2024-05-01T09:12:30.123456Z', Date.UTC(2024, 4, 1, 9, 12, 30, 123)],
	['ISO without zone (UTC)', '2024-05-01T09:12:30.5', Date.UTC(2024, 4, 1, 9, 12, 30, 500)],
	['ISO with offset', '2024-05-01T11:12:30+02:00', Date.UTC(2024, 4, 1, 9, 12, 30)],
	['ISO with a space', '2024-05-01 09:12:30Z', Date.UTC(2024, 4, 1, 9, 12, 30)],
	['epoch seconds', '1714554750', 1714554750_000],
	['epoch seconds with fraction', '1714554750.25', 1714554750_250],
	['epoch milliseconds', '1714554750123', 1714554750123],
])('X-Timestamp as %s', (_label, header, expected) => {
	expect(parseTimestamp(header)).toBe(expected);
});

test('timestamps that are no date are refused; tolerance 0 turns the check off', () => {
	expect(parseTimestamp('yesterday')).toBeUndefined();
	expect(parseTimestamp('2024-13-45T99:00:00Z')).toBeUndefined();
	const now = Date.UTC(2024, 4, 1, 9, 0, 0);
	expect(checkTimestamp('2024-05-01T09:04:59Z', 300, now)).toBeUndefined();
	expect(checkTimestamp('2024-05-01T08:55:01Z', 300, now)).toBeUndefined();
	expect(checkTimestamp('2024-05-01T09:05:01Z', 300, now)).toBe('timestamp-out-of-tolerance');
	expect(checkTimestamp(undefined, 300, now)).toBe('missing-timestamp');
	expect(checkTimestamp('nonsense', 300, now)).toBe('invalid-timestamp');
	expect(checkTimestamp(undefined, 0, now)).toBeUndefined();
	expect(checkTimestamp('2000-01-01T00:00:00Z', 0, now)).toBeUndefined();
});
