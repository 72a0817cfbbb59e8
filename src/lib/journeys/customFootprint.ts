// Build your own network (Recruit): a footprint from area codes of one kind, for a group that is
// not one of the listed Deep End networks.
import {
	AREA_LEVEL_LABELS,
	levelOfCode,
	practiceAreaCode,
	tidyAreaCode,
	type AreaLevel,
	type AreaLookups,
	type PlacedPractice
} from './areas';

export type CustomFootprint =
	| {
			ok: true;
			level: AreaLevel;
			codes: string[];
			/** "Integrated Care Board E54000050", "2 Sub-ICB locations: E38000001, E38000002". */
			description: string;
			/** Practices in the footprint when it was built (the caller may show the count). */
			practiceCount: number;
			contains: (p: PlacedPractice) => boolean;
	  }
	| { ok: false; reason: string };

const KNOWN_KINDS =
	'an ICB (E54…), Sub-ICB location (E38…), NHS England region (E40…), region (E12…), local authority (E06…–E09…) or PCN (U…) code';

/**
 * A footprint from a list of area codes of one kind, for a group that is not one of the listed
 * networks. `codes` may be one string of codes separated by commas, semicolons, spaces or lines.
 * Codes with no practice are refused (a typo would otherwise silently shrink the footprint).
 * Local authorities need `lookups.ladOfLsoa`: practice records carry no local authority code.
 */
export function buildFootprint(
	codes: string | readonly string[],
	practices: readonly PlacedPractice[],
	lookups: AreaLookups = {}
): CustomFootprint {
	const list = (typeof codes === 'string' ? codes.split(/[\s,;]+/) : codes.flatMap((c) => c.split(/[\s,;]+/)))
		.map(tidyAreaCode)
		.filter(Boolean);
	const unique = [...new Set(list)];
	if (unique.length === 0) return { ok: false, reason: 'no area codes given' };
	const levels = new Map<string, AreaLevel>();
	for (const c of unique) {
		const level = levelOfCode(c);
		if (!level) return { ok: false, reason: `${c} is not ${KNOWN_KINDS}` };
		levels.set(c, level);
	}
	const kinds = [...new Set(levels.values())];
	if (kinds.length > 1) {
		const example = kinds
			.map((k) => `${[...levels].find(([, l]) => l === k)![0]} is ${article(AREA_LEVEL_LABELS[k])}`)
			.join(', ');
		return { ok: false, reason: `codes must all be of one kind: ${example}` };
	}
	const level = kinds[0];
	if (level === 'lad' && !lookups.ladOfLsoa) {
		return {
			ok: false,
			reason:
				'local authority footprints need the LSOA-to-local-authority look-up: practice records carry no local authority code'
		};
	}
	const wanted = new Set(unique);
	const contains = (p: PlacedPractice) => {
		const c = practiceAreaCode(p, level, lookups);
		return c !== null && wanted.has(c);
	};
	const counts = new Map<string, number>();
	for (const p of practices) {
		const c = practiceAreaCode(p, level, lookups);
		if (c !== null && wanted.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
	}
	const empty = unique.filter((c) => !counts.has(c));
	if (empty.length) return { ok: false, reason: `no practices in ${AREA_LEVEL_LABELS[level]} ${empty.join(', ')}` };
	const label = AREA_LEVEL_LABELS[level];
	const description =
		unique.length === 1 ? `${capitalise(label)} ${unique[0]}` : `${unique.length} ${label}s: ${unique.join(', ')}`;
	const practiceCount = [...counts.values()].reduce((a, b) => a + b, 0);
	return { ok: true, level, codes: unique, description, practiceCount, contains };
}

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);
// "an NHS England region": the article follows the sound, so initialisms read as letters.
const article = (s: string) => (/^([aeiouAEIOU]|NHS)/.test(s) ? `an ${s}` : `a ${s}`);
