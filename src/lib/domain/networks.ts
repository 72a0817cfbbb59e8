// Deep End networks: who they are (the sourced facts), their footprints, and the atlas's readings of
// their stated rules. The rules themselves are in ./rules.
import type { MembershipRule } from './rules';

export * from './rules';

/**
 * A footprint from its GSS code: ICB (E54), Sub-ICB (E38), region (E12), local authority (E06–E09,
 * W06, S12, N09), nation (E92/W92/S92/N92) or Scottish health board (S08, drawn from its council
 * areas; no practices are placed in one).
 */
export type FootprintKind = 'icb' | 'sicbl' | 'region' | 'lad' | 'nation' | 'healthBoard';
export interface Footprint {
	kind: FootprintKind;
	codes: string[];
	description: string;
}

export function footprintKindOf(code: string): FootprintKind | null {
	if (/^E54\d{6}$/.test(code)) return 'icb';
	if (/^E38\d{6}$/.test(code)) return 'sicbl';
	if (/^E12\d{6}$/.test(code)) return 'region';
	if (/^(E0[6-9]|W06|S12|N09)\d{6}$/.test(code)) return 'lad';
	if (/^[EWSN]92\d{6}$/.test(code)) return 'nation';
	if (/^S08\d{6}$/.test(code)) return 'healthBoard';
	return null;
}

/** The nation a practice is in: its `nation` field when the table has one, else from the code (W… = Wales). */
export const practiceNation = (p: { code: string; nation?: string | null }): string =>
	p.nation ?? (/^W\d/.test(p.code) ? 'W' : /^\d/.test(p.code) ? 'S' : 'E');

export interface FootprintPractice {
	code: string;
	icbCode: string;
	sicblCode: string;
	region: string | null;
	ladCode?: string | null;
	nation?: string | null;
}

/** Is the practice inside the footprint? ICB/Sub-ICB from the practice record; region and local authority from its location. */
export function inFootprint(f: Footprint, p: FootprintPractice): boolean {
	switch (f.kind) {
		case 'icb':
			return f.codes.includes(p.icbCode);
		case 'sicbl':
			return f.codes.includes(p.sicblCode);
		case 'region':
			return p.region !== null && f.codes.includes(p.region);
		case 'lad':
			return !!p.ladCode && f.codes.includes(p.ladCode);
		case 'nation':
			return f.codes.some((c) => c[0] === practiceNation(p));
		default:
			return false;
	}
}

/** One reading of a network's stated rule as a machine rule (NENC has two). */
export interface NetworkReading {
	id: string;
	/** "Stated: lowest IMD decile nationally". */
	label: string;
	rule: MembershipRule;
	/** Why this reading and this vintage; what open data cannot reproduce. */
	note: string;
}

export interface PublishedCount {
	/** As the source gives it: "52 (earlier: 34)", "over 200 members (individuals)". */
	text: string;
	/** The count, when the text starts with one. */
	n: number | null;
	/** "Oct 2025 (34 in 2021 abstracts)"; '' when undated. */
	date: string;
}

export interface Network {
	id: string;
	name: string;
	shortName: string;
	country: string;
	/** As the sources describe it: "established", "proposed / in development", "named as an existing group by third parties…". */
	status: string;
	founded: string;
	/** 'people': a community of individuals (no practice membership to estimate). */
	kind: 'practices' | 'people';
	footprint: Footprint | null;
	footprintCodesFromSource: boolean;
	statedRule: string;
	publishedCount: PublishedCount | null;
	sourceUrl: string;
	otherSources: string[];
	notes: string;
	/** The atlas's readings of the stated rule; a network with a footprint and no rule gets the atlas's default, labelled so. */
	readings: NetworkReading[];
	/** Why no members can be estimated (Scotland, people groups, no footprint); null when they can. */
	noEstimate: string | null;
}

/** The first integer in a published count ("52 (earlier: 34)" → 52; "over 200" → null: not a count of practices). */
export function parsePublishedCount(text: string, date: string): PublishedCount | null {
	const t = text.trim();
	if (!t || /^(not found|n\/a)$/i.test(t)) return null;
	const m = /^(\d[\d,]*)/.exec(t);
	return {
		text: t,
		n: m ? Number(m[1].replace(/,/g, '')) : null,
		date: /^n\/a$/i.test(date.trim()) ? '' : date.trim()
	};
}

/** The atlas's rule for a network that states none: top 10% of England's practices by share in the most deprived 15% (IoD2025). */
export const DEFAULT_RULE: MembershipRule = {
	vintage: 'iod2025',
	measure: 'share15',
	selection: { kind: 'nationalTop', fraction: 0.1 }
};
