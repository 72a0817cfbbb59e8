// Step: GP provision attributed to each LSOA through its residents' registrations, and the LSOA table
// (IoD2025, population, provision, nearest practice).
import { attributeProvision } from '../../../src/lib/domain/provision';
import { hasUsableFte } from '../../../src/lib/domain/practice';
import { buildLsoaRows, nearestPracticeFinder } from '../lsoa';
import type { StepContext } from './context';

/** LSOAs in England (2021); another count means an input is incomplete. */
const ENGLAND_LSOAS = 33_755;

export function run(ctx: StepContext): void {
	const practices = ctx.get('practices');
	const footprints = ctx.get('practiceBuild').footprints;
	const provision = attributeProvision(
		practices.map((x) => ({
			fte: hasUsableFte(x) ? x.gpFte : null,
			weightedPatients: x.weightedPatients,
			listedPatients: x.listedPatients2023,
			patientsByLsoa: footprints.get(x.code) ?? new Map()
		}))
	);
	ctx.set('provision', provision);
	const lsoa = buildLsoaRows({
		geography: ctx.get('geography'),
		imd: new Map(ctx.get('imdRows').map((r) => [r.code, r])),
		population: ctx.get('population'),
		centres: ctx.get('centres'),
		provision,
		nearest: nearestPracticeFinder(practices)
	});
	ctx.set('lsoaRows', lsoa.rows);
	ctx.drop('lsoa', 'LSOAs in the geography lookup without IoD2025 data', lsoa.missing.imd, 'no IoD2025 row');
	ctx.drop(
		'lsoa',
		'LSOAs with no registered patients attributed',
		lsoa.missing.provision,
		'no practice lists a patient there'
	);
	if (lsoa.rows.length !== ENGLAND_LSOAS) ctx.log(`  warning: ${lsoa.rows.length} LSOAs, expected 33,755`);
	ctx.mark('provision + LSOAs');
}
