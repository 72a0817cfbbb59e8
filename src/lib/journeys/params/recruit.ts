// Recruit's URL parameters: the network (`net`), the group's own rule if it changed it (`rm` measure,
// `rk` selection kind, `rv` value) and a custom footprint of area codes (`fp`).
import type { RuleMeasure, Selection } from '$lib/domain/networks';
import { numberParam, oneOf, type JourneyCodec } from './codec';

export const RULE_MEASURES: readonly RuleMeasure[] = ['share15', 'share10', 'share20', 'imdScore', 'locationImdScore'];
const SELECTION_KINDS = ['topN', 'threshold', 'nationalTop'] as const;

export interface RecruitParams {
	/** Network id, 'custom' for a footprint of the user's own, or null for the first network. */
	net: string | null;
	/** The rule's measure when the group changed it, else null (the network's own). */
	measure: RuleMeasure | null;
	/** The rule's selection when the group changed it, else null (the network's own). */
	selection: Selection | null;
	/** Area codes of a custom footprint, as typed. */
	footprint: string;
}

function parseSelection(kind: string | undefined, raw: string | undefined): Selection | null {
	const k = oneOf(kind, SELECTION_KINDS);
	const v = numberParam(raw);
	if (k === null || v === null) return null;
	if (k === 'topN') return Number.isInteger(v) && v > 0 ? { kind: k, n: v } : null;
	if (k === 'nationalTop') return v > 0 && v <= 1 ? { kind: k, fraction: v } : null;
	return { kind: k, min: v };
}

/** A selection of `kind` with value `raw` as typed, or null when the value does not fit the kind. */
export function selectionFrom(kind: string, raw: string): Selection | null {
	return parseSelection(kind, raw);
}

/** The value a new selection kind starts from. */
export function defaultSelection(kind: Selection['kind'], measure: RuleMeasure): Selection {
	if (kind === 'topN') return { kind, n: 50 };
	if (kind === 'threshold') return { kind, min: measure.startsWith('share') ? 0.3 : 40 };
	return { kind, fraction: 0.1 };
}

const selectionValue = (s: Selection): number =>
	s.kind === 'topN' ? s.n : s.kind === 'nationalTop' ? s.fraction : s.min;

export const recruitCodec: JourneyCodec<RecruitParams> = {
	keys: ['net', 'rm', 'rk', 'rv', 'fp'],
	parse: (raw) => ({
		net: raw.net && /^[a-z0-9_-]{1,40}$/.test(raw.net) ? raw.net : null,
		measure: oneOf(raw.rm, RULE_MEASURES),
		selection: parseSelection(raw.rk, raw.rv),
		footprint: (raw.fp ?? '').slice(0, 500)
	}),
	write: (p) => {
		const out: Record<string, string> = {};
		if (p.net) out.net = p.net;
		if (p.measure) out.rm = p.measure;
		if (p.selection) {
			out.rk = p.selection.kind;
			out.rv = String(selectionValue(p.selection));
		}
		if (p.footprint) out.fp = p.footprint;
		return out;
	}
};
