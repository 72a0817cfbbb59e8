// Commission's URL parameters: the area level (`lvl`), the area's code (`area`) and what shortfall is
// measured against (`by`: England, or practices of similar deprivation).
import type { AreaLevel } from '$lib/journeys/areas';
import { AREA_CODE } from '$lib/domain/codes';
import { oneOf, type JourneyCodec } from './codec';

export const COMMISSION_LEVELS = ['england', 'nhser', 'icb', 'sicbl', 'pcn'] as const satisfies readonly AreaLevel[];
export type CommissionLevel = (typeof COMMISSION_LEVELS)[number];
export type ShortfallBasis = 'england' | 'similar';

export interface CommissionParams {
	level: CommissionLevel;
	/** The chosen area's code, or null for the level's first area. */
	area: string | null;
	by: ShortfallBasis;
}

export const commissionCodec: JourneyCodec<CommissionParams> = {
	keys: ['lvl', 'area', 'by'],
	parse: (raw) => ({
		level: oneOf(raw.lvl, COMMISSION_LEVELS) ?? 'icb',
		area: raw.area && AREA_CODE.test(raw.area) ? raw.area : null,
		by: raw.by === 'similar' ? 'similar' : 'england'
	}),
	write: (p) => {
		const out: Record<string, string> = {};
		if (p.level !== 'icb') out.lvl = p.level;
		if (p.area) out.area = p.area;
		if (p.by !== 'england') out.by = p.by;
		return out;
	}
};
