// An input's bytes and text: a missing, empty, damaged or mislabelled file is a plain InputError that
// says what was expected (bytes, a gzip stream, UTF-8 text), never a stack trace.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError, REFETCH } from './error';

const FETCH = 'run `npm run fetch-data` to fetch the inputs (it copies each file listed in data/sources.json)';

/** The first few characters of some bytes, printable, for messages. */
function preview(bytes: Uint8Array): string {
	const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 40)).replace(/[^\x20-\x7e]/g, '·');
	return JSON.stringify(text.length < 40 ? text : text + '…');
}

/**
 * Undo gzip when the bytes start with gzip's magic number (whatever the file's name); a name ending
 * in `.gz` whose bytes are not gzip is an error, as is an empty file or a damaged gzip stream.
 */
export function gunzipInput(bytes: Uint8Array, label: string, name = label): Uint8Array {
	const gz = name.endsWith('.gz');
	if (bytes.length === 0) {
		throw new InputError(
			label,
			null,
			null,
			`the file is empty (0 bytes; expected ${gz ? 'a gzip-compressed file' : 'a header row and data rows'})`,
			REFETCH
		);
	}
	if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
		try {
			return gunzipSync(bytes);
		} catch (e) {
			const truncated = /unexpected end of file/i.test((e as Error).message);
			throw new InputError(
				label,
				null,
				null,
				truncated
					? `the gzip stream ends early: the file (${bytes.length} bytes) is truncated (expected the whole compressed file)`
					: `the gzip stream is damaged (${(e as Error).message}; expected an intact gzip file)`,
				REFETCH
			);
		}
	}
	if (gz) {
		throw new InputError(
			label,
			null,
			null,
			`the name ends in .gz but the file is not gzip (it starts ${preview(bytes)}; expected gzip's bytes 1f 8b)`,
			'compress it with `gzip`, or ' + REFETCH
		);
	}
	return bytes;
}

/** A file's bytes, gunzipped where they are gzip; a missing file names what to run. */
export function readInputBytes(path: string, label = basename(path)): Uint8Array {
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(path);
	} catch (e) {
		throw new InputError(
			label,
			null,
			null,
			`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? e}; expected the file listed in data/sources.json)`,
			FETCH
		);
	}
	return gunzipInput(bytes, label, path);
}

/** Decode a file's bytes to text, rejecting what is not UTF-8 with a clear message. */
export function decodeInput(bytes: Uint8Array, label: string): string {
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		throw new InputError(
			label,
			1,
			null,
			'the file is UTF-16 encoded (it starts with a UTF-16 byte-order mark)',
			'save it as UTF-8 CSV, or ' + REFETCH
		);
	}
	let start = 0;
	// A UTF-8 byte-order mark is a known quirk (the NHS payments file has one): skip it.
	if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
	const body = bytes.subarray(start);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(body);
	} catch {
		const lossy = new TextDecoder('utf-8').decode(body);
		const at = lossy.indexOf('\uFFFD');
		const line = at < 0 ? null : countLines(lossy, at);
		throw new InputError(
			label,
			line,
			null,
			'the file is not valid UTF-8 (perhaps Windows-1252 or Latin-1)',
			're-save it as UTF-8, or ' + REFETCH
		);
	}
}

function countLines(text: string, upTo: number): number {
	let n = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/** Read a file, gunzipping gzip, and decode it as UTF-8. */
export const readText = (path: string, label = basename(path)): string =>
	decodeInput(readInputBytes(path, label), label);
