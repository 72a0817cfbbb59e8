// A Deep End group's own member list, read from a file the user picks (it never leaves the browser):
// a CSV or plain list of ODS practice codes or practice names. Codes are matched outright; names are
// only suggested, for the user to confirm; everything else is reported line by line with a reason.
// The result is plain data: the UI must render every `input` as text, never as markup.
import { parseCsvLines } from '$lib/domain/csv';
import { normalisePostcode } from '$lib/domain/postcode';
import {
	asCode,
	detectDelimiter,
	isCode,
	isHeaderCell,
	isPostcode,
	rolesFromCells,
	rolesFromHeader,
	type Role
} from './columns';
import { memberMatcher, nameTokens, type MemberMatcher } from './names';
import { MEMBER_LIST_LIMITS, type MemberListPractice, type MemberListResult } from './types';

/** Something meant as a code but mistyped: short, no spaces, mostly digits ("A8100", "A810011"). */
const BROKEN_CODE = /^[A-Z]{0,2}\d[A-Z\d]{2,6}$/;
/** One word of letters then digits ("ZZZ999", "GP1234"): a code, not a name, whatever its shape. */
const CODE_LIKE = /^[A-Z]{1,4}\d{2,6}[A-Z]?$/;

/** Rows between two progress reports. */
const PROGRESS_EVERY = 50;

const echo = (s: string) =>
	s.length > MEMBER_LIST_LIMITS.maxEcho ? `${s.slice(0, MEMBER_LIST_LIMITS.maxEcho - 1)}…` : s;

/**
 * Read a member list. `practices` is the practice table (or a matcher prepared from it). Each
 * non-empty row lands in exactly one of matched / toConfirm / bad; blank rows between filled rows are
 * reported as empty, blank rows at the start or end are ignored. Run in a worker for long lists
 * (client.ts): 2,000 names take about a second.
 */
export function parseMemberList(
	text: string,
	practices: readonly MemberListPractice[] | MemberMatcher,
	/** Called every PROGRESS_EVERY rows with the rows read so far and the rows to read. */
	onProgress?: (done: number, total: number) => void
): MemberListResult {
	const result: MemberListResult = { matched: [], toConfirm: [], bad: [], problem: null, header: null };
	if (typeof text !== 'string' || text.trim() === '') {
		result.problem = 'the file is empty';
		return result;
	}
	if (text.length > MEMBER_LIST_LIMITS.maxChars) {
		result.problem = `the file is too large (${(text.length / 1024 / 1024).toFixed(1)} MB): a member list must be under 5 MB`;
		return result;
	}
	if (text.startsWith('PK\u0003\u0004') || text.includes('\u0000')) {
		result.problem =
			'this is not a text file: save the list as CSV (or plain text, one practice a line) and choose that';
		return result;
	}
	const matcher = Array.isArray(practices) ? memberMatcher(practices) : (practices as MemberMatcher);
	let rows = parseCsvLines(text, detectDelimiter(text));
	const filled = (r: { cells: string[] }) => r.cells.some(Boolean);
	const first = rows.findIndex(filled);
	const last = rows.findLastIndex(filled);
	if (first < 0) {
		result.problem = 'the file holds no practice codes or names';
		return result;
	}
	rows = rows.slice(first, last + 1);

	// A header: the first row has a column label and no practice code or postcode.
	const head = rows[0].cells;
	let roles: Map<Role, number>;
	if (head.some(isHeaderCell) && !head.some(isCode) && !head.some(isPostcode)) {
		result.header = head;
		roles = rolesFromHeader(head);
		rows = rows.slice(1);
		if (rows.length === 0) {
			result.problem = 'the file has a header row but no practices under it';
			return result;
		}
	} else roles = rolesFromCells(rows.map((r) => r.cells));

	if (rows.length > MEMBER_LIST_LIMITS.maxRows) {
		result.problem = `the list has ${rows.length.toLocaleString('en-GB')} rows: only the first ${MEMBER_LIST_LIMITS.maxRows.toLocaleString('en-GB')} were read`;
		rows = rows.slice(0, MEMBER_LIST_LIMITS.maxRows);
	}

	const codeLines = new Map<string, number>();
	const nameLines = new Map<string, number>();
	for (let k = 0; k < rows.length; k++) {
		if (onProgress && k % PROGRESS_EVERY === 0) onProgress(k, rows.length);
		const { line, cells } = rows[k];
		const input = echo(cells.filter(Boolean).join(', '));
		if (!cells.some(Boolean)) {
			result.bad.push({ line, input: '', reason: 'empty row' });
			continue;
		}
		const codeCol = roles.get('code');
		const codeCell = codeCol !== undefined ? (cells[codeCol] ?? '') : (cells.find(isCode) ?? '');
		const postcodeCol = roles.get('postcode');
		const postcode =
			postcodeCol !== undefined && isPostcode(cells[postcodeCol] ?? '')
				? cells[postcodeCol]
				: (cells.find(isPostcode) ?? '');

		if (isCode(codeCell)) {
			const code = asCode(codeCell);
			const seen = codeLines.get(code);
			if (seen !== undefined) result.bad.push({ line, input: echo(codeCell), reason: `duplicate of line ${seen}` });
			else if (matcher.byCode.has(code)) {
				codeLines.set(code, line);
				result.matched.push({ line, code, input: echo(codeCell) });
			} else result.bad.push({ line, input: echo(codeCell), reason: unknownCodeReason(code, matcher) });
			continue;
		}
		const nameCol = roles.get('name');
		let name = nameCol !== undefined ? (cells[nameCol] ?? '') : '';
		if (!name && codeCell && BROKEN_CODE.test(codeCell.toUpperCase())) {
			result.bad.push({
				line,
				input: echo(codeCell),
				reason: `no practice with code ${codeCell}: a practice code is a letter and five digits, like A81001`
			});
			continue;
		}
		// No name column: the row's other words are the name (a name may hold the delimiter, unquoted).
		if (!name) name = cells.filter((c) => c && !isPostcode(c) && !isCode(c)).join(', ');
		if (!name) {
			result.bad.push({
				line,
				input,
				reason: postcode ? 'only a postcode: add the practice code or name' : 'no practice code or name in this row'
			});
			continue;
		}
		if (CODE_LIKE.test(name.trim().toUpperCase())) {
			const code = name.trim().toUpperCase();
			result.bad.push({
				line,
				input: echo(name),
				reason: `no practice with code ${code}: a practice code is a letter and five digits, like A81001`
			});
			continue;
		}
		if (name.length > MEMBER_LIST_LIMITS.maxNameChars) {
			result.bad.push({
				line,
				input: echo(name),
				reason: `too long to be a practice name (${name.length} characters)`
			});
			continue;
		}
		// Name and postcode repeated: a duplicate. A name alone repeated may be two practices of the same
		// name (England has six PARK SURGERYs), so it is still offered, marked for the user.
		const pc = normalisePostcode(postcode);
		const key = `${nameTokens(name).join(' ')}|${pc ?? ''}`;
		const seen = nameLines.get(key);
		if (seen !== undefined && pc) {
			result.bad.push({ line, input: echo(name), reason: `duplicate of line ${seen}` });
			continue;
		}
		if (seen === undefined) nameLines.set(key, line);
		const candidates = matcher.candidates(name, pc);
		if (!candidates.length)
			result.bad.push({ line, input: echo(name), reason: `no practice name close to '${echo(name)}'` });
		else if (seen !== undefined) result.toConfirm.push({ line, input: echo(name), candidates, sameNameAs: seen });
		else result.toConfirm.push({ line, input: echo(name), candidates });
	}
	onProgress?.(rows.length, rows.length);
	return result;
}

function unknownCodeReason(code: string, matcher: MemberMatcher): string {
	const pcn = matcher.pcnNames.get(code);
	if (pcn) return `${code} is a Primary Care Network (${pcn}), not a practice: list its practices instead`;
	// Welsh practices' codes begin with W; they are outside England's registrations file.
	if (code.startsWith('W')) return `${code} looks like a Welsh practice: not a practice in England's mapping file`;
	return `no practice with code ${code}`;
}
