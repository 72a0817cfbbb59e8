// The Deep End networks sources file (networks/deep_end_networks_sources_2026-12.csv): one row per
// network or group with its status, founding, footprint code, stated rule, published member count and
// date, and source URLs. Quoted multi-line cells and commas inside quotes are read by csv-parse.
import { readCsv } from '../read';
import { str } from './cells';

export interface NetworkSourceRow {
	id: string;
	name: string;
	country: string;
	status: string;
	founded: string;
	footprintDescription: string;
	/** One GSS code, or '' when no footprint is known. */
	footprintCode: string;
	codesFromSource: boolean;
	membershipRule: string;
	publishedMemberCount: string;
	countDate: string;
	sourceUrls: string[];
	notes: string;
}

export function readNetworkSources(path: string, label: string): NetworkSourceRow[] {
	const text = (name: string) => ({ name, optional: true });
	return readCsv(path, {
		columns: [
			{ name: 'network_id', pattern: /^[a-z0-9_]{2,40}$/, patternHint: 'a lower-case id like nenc' },
			{ name: 'name' },
			{ name: 'country' },
			text('status'),
			text('founded'),
			text('footprint_description'),
			{
				name: 'footprint_codes',
				optional: true,
				pattern: /^[ENSW]\d{8}$/,
				patternHint: 'one GSS code like E54000050 (or blank when no footprint is known)'
			},
			text('codes_from_source'),
			text('membership_rule'),
			text('published_member_count'),
			text('count_date'),
			text('source_urls'),
			text('notes')
		],
		unique: 'network_id',
		label
	}).map((r) => {
		const s = (k: string) => ((r[k] as string | null) ?? '').trim();
		return {
			id: str(r.network_id),
			name: str(r.name),
			country: str(r.country),
			status: s('status'),
			founded: s('founded'),
			footprintDescription: s('footprint_description'),
			footprintCode: s('footprint_codes'),
			codesFromSource: /^yes/i.test(s('codes_from_source')),
			membershipRule: s('membership_rule'),
			publishedMemberCount: s('published_member_count'),
			countDate: s('count_date'),
			sourceUrls: s('source_urls')
				.split(/\s;\s|\s+;\s*|;\s+/)
				.map((u) => u.trim())
				.filter(Boolean),
			notes: s('notes')
		};
	});
}

/**
 * The networks in the cited (earlier) sources file: it is not otherwise parsed, so only its id
 * column is read, for the record count against data/sources.json.
 */
export function countNetworkSourceRows(path: string, label: string): number {
	return readCsv(path, {
		columns: [{ name: 'network_id', pattern: /^[a-z0-9_]{2,40}$/, patternHint: 'a lower-case id like nenc' }],
		unique: 'network_id',
		label
	}).length;
}
