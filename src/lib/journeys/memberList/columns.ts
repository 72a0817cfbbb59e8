// Reading a member list's columns: the delimiter, a header row, and which column holds codes,
// names and postcodes (from the header's labels, or else from what the cells hold).
import { PRACTICE_CODE } from '$lib/domain/codes';
import { parseCsvLines } from '$lib/domain/csv';
import { foldPlaceName, normalisePostcode } from '$lib/domain/postcode';

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter found on most of the first lines (outside quotes); comma when none is. */
export function detectDelimiter(text: string): string {
	const sample = text
		.split(/\r\n|\r|\n/)
		.filter((l) => l.trim())
		.slice(0, 100)
		.join('\n');
	let best: string = ',';
	let bestLines = 0;
	for (const d of DELIMITERS) {
		const n = parseCsvLines(sample, d).filter((r) => r.cells.length > 1).length;
		if (n > bestLines) {
			best = d;
			bestLines = n;
		}
	}
	return best;
}

const fold = (s: string) =>
	foldPlaceName(s)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
const HEADER_CELLS = new Set([
	'code',
	'ods',
	'ods code',
	'practice code',
	'practice ods code',
	'org code',
	'organisation code',
	'organization code',
	'gp practice code',
	'gp code',
	'practice',
	'practice name',
	'name',
	'gp practice',
	'gp practice name',
	'surgery',
	'organisation',
	'organisation name',
	'organization',
	'organization name',
	'postcode',
	'post code',
	'member',
	'members'
]);
export const isHeaderCell = (c: string) => {
	const f = fold(c);
	return HEADER_CELLS.has(f) || (f.split(' ').length <= 3 && /\b(code|name|postcode)\b/.test(f));
};
// Codes are read without spaces and case: " a81 001 " is A81001.
export const asCode = (c: string) => c.replace(/\s+/g, '').toUpperCase();
export const isCode = (c: string) => PRACTICE_CODE.test(asCode(c));
export const isPostcode = (c: string) => normalisePostcode(c) !== null;

export type Role = 'code' | 'name' | 'postcode';

/** Column roles from a header row's labels. */
export function rolesFromHeader(header: readonly string[]): Map<Role, number> {
	const roles = new Map<Role, number>();
	header.forEach((h, i) => {
		const f = fold(h);
		const role: Role | null = /post ?code/.test(f)
			? 'postcode'
			: /\b(code|ods)\b/.test(f)
				? 'code'
				: /\b(name|practice|surgery|organi[sz]ation|member)s?\b/.test(f)
					? 'name'
					: null;
		if (role && !roles.has(role)) roles.set(role, i);
	});
	return roles;
}

/** Column roles from the cells: a column is the code (postcode) column when most of its filled cells are codes (postcodes). */
export function rolesFromCells(rows: readonly string[][]): Map<Role, number> {
	const roles = new Map<Role, number>();
	const width = Math.max(0, ...rows.map((r) => r.length));
	for (let i = 0; i < width; i++) {
		const filled = rows.map((r) => r[i] ?? '').filter(Boolean);
		if (!filled.length) continue;
		if (!roles.has('code') && filled.filter(isCode).length * 2 >= filled.length) roles.set('code', i);
		else if (!roles.has('postcode') && filled.filter(isPostcode).length * 2 >= filled.length) roles.set('postcode', i);
	}
	return roles;
}
