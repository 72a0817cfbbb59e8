// Step: practices with their location, LSOA, workforce, need weighting and patient-weighted
// deprivation (IoD2025 over their registered patients; IoD2019 for the cross-check).
import { buildCrosswalk, rankIod2019 } from '../../../src/lib/domain/deprivation';
import { hasUsableFte } from '../../../src/lib/domain/practice';
import type { RegistrationRow } from '../inputs';
import { buildPractices, type Located } from '../practices';
import { lsoaCentres, lsoaLocator } from '../lsoa';
import type { StepContext } from './context';

export function run(ctx: StepContext): void {
	const registrations = ctx.get('registrations');
	const map = ctx.get('practiceMap');
	const imdRows = ctx.get('imdRows');
	const codePoint = ctx.get('codePoint');
	const lsoaGeo = ctx.get('lsoaGeo');

	const crosswalk = buildCrosswalk(ctx.get('lookup'), ctx.get('population'));
	const regsByPractice = new Map<string, RegistrationRow[]>();
	for (const r of registrations.rows) {
		const list = regsByPractice.get(r.practice);
		if (list) list.push(r);
		else regsByPractice.set(r.practice, [r]);
	}
	ctx.set('regsByPractice', regsByPractice);
	const mapCodes = new Set(map.map((m) => m.code));
	const notInMap = [...regsByPractice.keys()].filter((c) => !mapCodes.has(c));
	ctx.drop(
		'practices',
		'practices in the July 2023 registrations but not in the Oct 2025 mapping file (closed or merged)',
		notInMap.length,
		'not current practices'
	);
	ctx.drop(
		'practices',
		'patients registered at those practices',
		notInMap.reduce((s, c) => s + regsByPractice.get(c)!.reduce((t, r) => t + r.patients, 0), 0),
		'not attributed to any LSOA provision'
	);
	const centres = lsoaCentres(lsoaGeo);
	ctx.set('centres', centres);
	const locateLsoa = lsoaLocator(lsoaGeo, centres);
	const regionOf = new Map(ctx.get('geography').map((g) => [g.code, g.region]));
	const ladOf = new Map(ctx.get('geography').map((g) => [g.code, g.lad]));
	const imd2019 = rankIod2019(ctx.get('imd2019'));
	const parents = new Map<string, string[]>();
	for (const { lsoa11, lsoa21 } of ctx.get('lookup')) parents.set(lsoa21, [...(parents.get(lsoa21) ?? []), lsoa11]);
	const built = buildPractices({
		map,
		addresses: ctx.get('addresses'),
		workforce: new Map(ctx.get('workforce').map((w) => [w.code, w])),
		payments: ctx.get('payments'),
		registrations: regsByPractice,
		deprivation: {
			crosswalk,
			imd2025: new Map(imdRows.map((r) => [r.code, { score: r.score.imd, rank: r.rank.imd, decile: r.decile.imd }])),
			lsoaCount2025: imdRows.length,
			imd2019,
			lsoaCount2019: ctx.get('imd2019').size
		},
		ladOf: (lsoa) => ladOf.get(lsoa) ?? null,
		imd2019Of: (lsoa) => {
			const scores = (parents.get(lsoa) ?? []).flatMap((c) => imd2019.get(c)?.score ?? []);
			return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
		},
		locate: (postcode: string): Located | null => codePoint.locate(postcode),
		lsoaAt: (lon, lat) => {
			const found = locateLsoa(lon, lat);
			return found ? { lsoa: found.code, region: regionOf.get(found.code) ?? '', method: found.method } : null;
		}
	});
	const practices = built.practices;
	ctx.set('practiceBuild', built);
	ctx.set('practices', practices);
	ctx.drop(
		'practices',
		'practices without a location',
		built.counts.notLocated,
		'postcode and its sector not in Code-Point Open'
	);
	ctx.drop(
		'practices',
		'practices without usable GP FTE (excluded from rates)',
		practices.filter((x) => !hasUsableFte(x)).length,
		'FTE not reported, zero, or no workforce record'
	);
	// Deprivation: patients the practice scores could not place.
	ctx.drop(
		'deprivation',
		'patients recorded with no LSOA (NO2011)',
		practices.reduce((s, x) => s + x.unplacedNoLsoa, 0),
		'cannot be placed'
	);
	ctx.drop(
		'deprivation',
		'patients living in Welsh LSOAs',
		practices.reduce((s, x) => s + x.unplacedWelsh, 0),
		'outside IoD2025 (England only)'
	);
	ctx.drop(
		'deprivation',
		'patients with an LSOA code unknown to the lookups',
		practices.reduce((s, x) => s + x.unplacedUnknown, 0),
		'unknown code'
	);
	ctx.mark('practices + deprivation');
}
