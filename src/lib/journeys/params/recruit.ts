// Recruit's URL parameters: the network (`net`), the reading of its rule (`rd`), the group's own rule
// if it changed it (`ri` IMD vintage, `rm` measure, `rk` selection kind, `rv` value), whether flagged
// practices are ranked too (`rf=1`) and a custom footprint of area codes (`fp`).
import { RULE_MEASURES, RULE_VINTAGES, type RuleMeasure, type RuleVintage, type Selection } from '$lib/domain/networks';
import { numberParam, oneOf, type JourneyCodec } from './codec';

export { RULE_MEASURES, RULE_VINTAGES };
const SELECTION_KINDS = ['topN', 'threshold', 'nationalTop'] as const;

export interface RecruitParams {
	/** Network id, 'custom' for a footprint of the user's own, or null for the first network. */
	net: string | null;
	/** Which reading of the network's rule (NENC has two), or null for the first. */
	reading: string | null;
	/** The rule's IMD vintage when the group changed it, else null (the reading's own). */
	vintage: RuleVintage | null;
	/** The rule's measure when the group changed it, else null (the network's own). */
	measure: RuleMeasure | null;
	/** The rule's selection when the group changed it, else null (the network's own). */
	selection: Selection | null;
	/** Rank practices with a quality flag too (default: left out and counted). */
	includeFlagged: boolean;
	/** Area codes of a custom footprint, as typed. */
	footprint: string;
}

function parseSelection(kind: string | undefined, raw: string | undefined): Selection | null {
	const k = oneOf(kind, SELECTION_KINDS);
	const v = numberParam(raw);
	if (k === null || v === null) return null;
	if (k === 'topN') return Number.isInteger(v) && v > 0 ? { kind: k, n: v } : null;
	if (k === 'nationalTop') return v > 0 && v <= 1 ? { kind: k, fraction: v } : null;
	return v >= 0 ? { kind: k, min: v } : null;
}

/**
 * A selection of `kind` from what a person typed in the rule editor, or null when it does not fit.
 * Shares and fractions are typed in percent (50 means 50%, stored as 0.5); scores and N as they are.
 */
export function selectionFrom(kind: string, typed: string, measure: RuleMeasure = 'share15'): Selection | null {
	const v = numberParam(typed.trim().replace(/%$/, '').trim());
	if (v === null) return null;
	if (kind === 'nationalTop') return parseSelection(kind, String(v / 100));
	if (kind === 'threshold') return parseSelection(kind, String(measure.startsWith('share') ? v / 100 : v));
	return parseSelection(kind, String(v));
}

/** The value the rule editor shows for a selection: percent for fractions and shares. */
export function selectionInput(s: Selection, measure: RuleMeasure): number {
	const pct = (x: number) => Math.round(x * 100 * 1000) / 1000;
	if (s.kind === 'topN') return s.n;
	if (s.kind === 'nationalTop') return pct(s.fraction);
	return measure.startsWith('share') ? pct(s.min) : s.min;
}

/** The value a new selection kind starts from. */
export function defaultSelection(kind: Selection['kind'], measure: RuleMeasure): Selection {
	if (kind === 'topN') return { kind, n: 50 };
	if (kind === 'threshold') return { kind, min: measure.startsWith('share') ? 0.3 : 40 };
	return { kind, fraction: 0.1 };
}

const selectionValue = (s: Selection): number =>
	s.kind === 'topN' ? s.n : s.kind === 'nationalTop' ? s.fraction : s.min;

const ID = /^[a-z0-9_-]{1,40}$/;

export const recruitCodec: JourneyCodec<RecruitParams> = {
	keys: ['net', 'rd', 'ri', 'rm', 'rk', 'rv', 'rf', 'fp'],
	parse: (raw) => ({
		net: raw.net && ID.test(raw.net) ? raw.net : null,
		reading: raw.rd && ID.test(raw.rd) ? raw.rd : null,
		vintage: oneOf(raw.ri, RULE_VINTAGES),
		measure: oneOf(raw.rm, RULE_MEASURES),
		selection: parseSelection(raw.rk, raw.rv),
		includeFlagged: raw.rf === '1',
		footprint: (raw.fp ?? '').slice(0, 500)
	}),
	write: (p) => {
		const out: Record<string, string> = {};
		if (p.net) out.net = p.net;
		if (p.reading) out.rd = p.reading;
		if (p.vintage) out.ri = p.vintage;
		if (p.measure) out.rm = p.measure;
		if (p.selection) {
			out.rk = p.selection.kind;
			out.rv = String(selectionValue(p.selection));
		}
		if (p.includeFlagged) out.rf = '1';
		if (p.footprint) out.fp = p.footprint;
		return out;
	}
};
