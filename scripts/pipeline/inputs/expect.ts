// Checks on a whole input once it is read: how many records it holds against data/sources.json's
// `expectedRows`, whether its codes are of the vintage the atlas joins on, and that a key column
// (of any reader, CSV or GeoJSON) holds each value once. Each failure is an InputError naming the
// file, what was found, what was expected and the fix; other readers adopt them as they are.
import type { ExpectedRows, SourceEntry } from '../../../src/lib/domain/formats/sources';
import { InputError, REFETCH } from './error';

const fmt = (n: number) => n.toLocaleString('en-GB');

/** Stop when `found` records differ from the expected count by more than its tolerance. */
export function checkRowCount(label: string, found: number, expected: ExpectedRows | undefined): void {
	if (!expected) return;
	const allowed = (expected.count * expected.tolerancePct) / 100;
	if (Math.abs(found - expected.count) <= allowed) return;
	const range = expected.tolerancePct === 0 ? '' : ` ± ${expected.tolerancePct}%`;
	const short = found < expected.count;
	throw new InputError(
		label,
		null,
		null,
		`the file holds ${fmt(found)} ${expected.of}; expected ${fmt(expected.count)}${range} (data/sources.json, expectedRows): ` +
			(short
				? `${fmt(expected.count - found)} missing (is the file cut short?)`
				: `${fmt(found - expected.count)} too many`),
		`use the whole published file, or ${REFETCH}; a new vintage of the file updates its expectedRows in data/sources.json in the same change`
	);
}

/** The manifest entry `id`'s expected count checked against `found` (no entry or no count: nothing to check). */
export function checkSourceRows(sources: readonly SourceEntry[], id: string, found: number): void {
	const entry = sources.find((s) => s.id === id);
	if (entry) checkRowCount(entry.file, found, entry.expectedRows);
}

export interface VintageCheck {
	label: string;
	column: string;
	/** The codes the file holds, in file order. */
	codes: Iterable<string>;
	/** The codes of the vintage the atlas joins on, and its name (e.g. "LSOA 2021"). */
	expected: ReadonlySet<string>;
	expectedName: string;
	/** Where the expected codes come from, for the message. */
	expectedFrom: string;
	/** The other vintage, whose codes (those not also in `expected`) are never accepted. */
	other: { codes: ReadonlySet<string>; name: string };
	/** Share of codes allowed to be in neither vintage (dropped and counted later); default 0. */
	tolerance?: number;
}

/**
 * Codes of the wrong vintage: any code of the other vintage only (e.g. an LSOA 2011 code that 2021
 * split or merged away), or more than `tolerance` of codes in neither, stops the build, naming the
 * vintage found and the fix. Most codes are the same in both vintages (94% of LSOAs did not change in
 * 2021), so the changed codes are what tell a file's vintage. The line given is the first such code's
 * (its row + 1, for a file with one header line and a row a line).
 */
export function checkVintage(c: VintageCheck): void {
	let total = 0;
	let unknown = 0;
	let ofOther = 0;
	let first: { row: number; code: string } | null = null;
	let firstOther: { row: number; code: string } | null = null;
	for (const code of c.codes) {
		total++;
		if (c.expected.has(code)) continue;
		const other = c.other.codes.has(code);
		if (other) ofOther++;
		else unknown++;
		if (other && !firstOther) firstOther = { row: total, code };
		if (!first) first = { row: total, code };
	}
	if (total === 0 || (ofOther === 0 && unknown / total <= (c.tolerance ?? 0))) return;
	const at = (firstOther ?? first)!;
	const found =
		ofOther > 0
			? `${c.other.name} codes (${fmt(ofOther)} of ${fmt(total)} codes are ${c.other.name} codes that ${c.expectedName} does not have)`
			: `codes of another vintage or place (${fmt(unknown)} of ${fmt(total)} are neither ${c.expectedName} nor ${c.other.name} codes)`;
	throw new InputError(
		c.label,
		at.row + 1,
		c.column,
		`the file has ${found}, e.g. "${at.code}"; expected ${c.expectedName} codes (as in ${c.expectedFrom})`,
		`use the edition of the file published on ${c.expectedName} codes (or convert its codes with the ONS lookup), or ${REFETCH}`
	);
}

/** A key that must be unique in a reader that does not go through readCsv's `unique` (e.g. a GeoJSON property). */
export function checkUniqueKeys(label: string, what: string, keys: Iterable<string>): void {
	const seen = new Map<string, number>();
	let i = 0;
	for (const key of keys) {
		const first = seen.get(key);
		if (first !== undefined) {
			throw new InputError(
				label,
				null,
				null,
				`features[${i}] repeats ${what} "${key}" (first in features[${first}])`,
				`each ${what} must appear once: remove the duplicate, or ${REFETCH}`
			);
		}
		seen.set(key, i++);
	}
}
