// Why a postcode search found nothing, in words, with "did you mean".
import { compactPostcode, looksLikePostcode, outcodeOf, parsePostcode, suggestPostcodes } from '$lib/domain/postcode';

// Postcode areas outside Great Britain's postcode list (Code-Point Open).
const NOT_IN_GB: Record<string, string> = {
	BT: 'Northern Ireland',
	GY: 'Guernsey',
	JE: 'Jersey',
	IM: 'the Isle of Man'
};

const orList = (xs: readonly string[]) =>
	xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;

/**
 * Why a postcode search found nothing, in words, with "did you mean" from the postcodes of its
 * outward code (or any list: outward codes work too). Null when the input is in `known` after all.
 * Never throws: anything that is not a postcode gets a message saying what a postcode looks like.
 */
export function explainUnknownPostcode(input: unknown, knownPostcodesInOutcode: readonly string[]): string | null {
	const known = Array.isArray(knownPostcodesInOutcode)
		? knownPostcodesInOutcode.filter((k): k is string => typeof k === 'string')
		: [];
	const typed = typeof input === 'string' ? input.trim().replace(/\s+/g, ' ') : '';
	if (!typed) return 'Type a postcode, like LS1 1UR.';
	const shown = typed.length > 40 ? `${typed.slice(0, 39)}…` : typed;
	const p = parsePostcode(typed);
	if (!p) {
		if (looksLikePostcode(typed))
			return `'${shown}' is not a whole postcode: it needs a number and two letters after the space, like LS1 1UR.`;
		return `'${shown}' is not a postcode: a postcode looks like LS1 1UR or M1 1AE.`;
	}
	const area = /^[A-Z]+/.exec(p.outcode)?.[0] ?? '';
	const elsewhere = NOT_IN_GB[area];
	if (elsewhere)
		return `${area} postcodes are in ${elsewhere}, which this atlas does not cover: it maps Great Britain (England, Scotland and Wales), and Great Britain's open postcode list (Code-Point Open) does not include ${elsewhere}.`;
	const compactKnown = new Set(known.map(compactPostcode));
	if (p.kind === 'full') {
		const pc = `${p.outcode} ${p.incode}`;
		if (compactKnown.has(compactPostcode(pc))) return null;
		// One slip first; two only when nothing is one away (so the closest are offered, not all).
		const near = suggestPostcodes(pc, known, 3, 1).length
			? suggestPostcodes(pc, known, 3, 1)
			: suggestPostcodes(pc, known, 3, 2);
		if (near.length) return `No postcode ${pc} — did you mean ${orList(near)}?`;
		if (!known.length)
			return `No postcode ${pc}: there is no postcode district ${p.outcode}. Check the first half of the postcode.`;
		return `No postcode ${pc} in ${p.outcode}. Check the second half of the postcode, or search for ${p.outcode} alone.`;
	}
	if (p.kind === 'outcode') {
		if (compactKnown.has(p.outcode) || known.some((k) => outcodeOf(k) === p.outcode)) return null;
		const near = suggestPostcodes(p.outcode, known, 3, 1);
		if (near.length) return `No postcode district ${p.outcode} — did you mean ${orList(near)}?`;
		return `No postcode district ${p.outcode}. Check it, or type a full postcode or a town.`;
	}
	const sector = p.sector!;
	if (known.some((k) => parsePostcode(k)?.sector === sector)) return null;
	return `No postcodes in ${sector}. Type the full postcode, or the district ${p.outcode} alone.`;
}
