// Areas step: practices summed into PCN, Sub-ICB, ICB, NHS region and England, and the national
// table of practices by IMD quintile (the inverse care law in one table).
import {
	areaMemberOf,
	areaShortfall,
	areaTotals,
	type AreaMember,
	type AreaTotals
} from '../../src/lib/domain/provision';
import { hasUsableFte, type Practice } from '../../src/lib/domain/practice';

export type AreaLevel = 'england' | 'nhser' | 'icb' | 'sicbl' | 'pcn';

export interface AreaRow extends AreaTotals {
	level: AreaLevel;
	code: string;
	odsCode: string;
	name: string;
	parentCode: string;
	/** England rate × weighted patients (of practices with FTE) − FTE; positive = short. */
	gpFteShortfall: number | null;
}

export function areaMember(p: Practice): AreaMember {
	return areaMemberOf(p, hasUsableFte(p));
}

interface LevelDef {
	level: AreaLevel;
	key: (p: Practice) => { code: string; odsCode: string; name: string; parentCode: string } | null;
}

const LEVELS: LevelDef[] = [
	{ level: 'england', key: () => ({ code: 'E92000001', odsCode: '', name: 'England', parentCode: '' }) },
	{ level: 'nhser', key: (p) => ({ code: p.nhserCode, odsCode: '', name: p.nhserName, parentCode: 'E92000001' }) },
	{ level: 'icb', key: (p) => ({ code: p.icbCode, odsCode: p.icbOds, name: p.icbName, parentCode: p.nhserCode }) },
	{
		level: 'sicbl',
		key: (p) => ({ code: p.sicblCode, odsCode: p.sicblOds, name: p.sicblName, parentCode: p.icbCode })
	},
	// PCN code "U" means the practice is in no PCN: it is not an area.
	{
		level: 'pcn',
		key: (p) =>
			p.pcnCode === 'U' ? null : { code: p.pcnCode, odsCode: p.pcnCode, name: p.pcnName, parentCode: p.sicblCode }
	}
];

export function buildAreas(practices: readonly Practice[]): {
	areas: AreaRow[];
	englandRate: number;
	practicesWithoutPcn: number;
} {
	const england = areaTotals(practices.map(areaMember));
	const englandRate = england.gpFtePer10kWeighted;
	if (englandRate === null) throw new Error('No practice has usable GP FTE: cannot compute the England rate');
	const areas: AreaRow[] = [];
	let practicesWithoutPcn = 0;
	for (const def of LEVELS) {
		const groups = new Map<string, { id: NonNullable<ReturnType<LevelDef['key']>>; members: AreaMember[] }>();
		for (const p of practices) {
			const id = def.key(p);
			if (!id) {
				if (def.level === 'pcn') practicesWithoutPcn++;
				continue;
			}
			let g = groups.get(id.code);
			if (!g) groups.set(id.code, (g = { id, members: [] }));
			g.members.push(areaMember(p));
		}
		const rows = [...groups.values()].map(({ id, members }) => {
			const t = areaTotals(members);
			return {
				level: def.level,
				...id,
				...t,
				gpFteShortfall: t.practicesWithFte > 0 ? areaShortfall(t, englandRate) : null
			};
		});
		rows.sort((a, b) => a.code.localeCompare(b.code));
		areas.push(...rows);
	}
	return { areas, englandRate, practicesWithoutPcn };
}

export interface InverseCareRow extends AreaTotals {
	quintile: number;
	label: string;
	imdScoreMin: number;
	imdScoreMax: number;
}

/** Practices by IoD2025 IMD quintile (equal numbers of practices; Q5 = most deprived). */
export function buildInverseCare(practices: readonly Practice[]): InverseCareRow[] {
	const rows: InverseCareRow[] = [];
	for (let q = 1; q <= 5; q++) {
		const members = practices.filter((p) => p.imdQuintile === q);
		const scores = members.map((p) => p.imdScore!).filter((s) => s !== null);
		rows.push({
			quintile: q,
			label: q === 1 ? 'Q1 (least deprived)' : q === 5 ? 'Q5 (most deprived)' : `Q${q}`,
			imdScoreMin: Math.min(...scores),
			imdScoreMax: Math.max(...scores),
			...areaTotals(members.map(areaMember))
		});
	}
	return rows;
}
