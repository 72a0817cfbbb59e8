// Which LSOA vintage each input is keyed by, checked against the ONS 2011 → 2021 lookup (the one
// input that holds both vintages): IoD2025, the LSOA geography, Census 2021 population and the LSOA
// boundaries are on 2021 codes; IoD2019 and the July 2023 registrations on 2011 codes. A file of the
// other vintage stops the build naming the vintage found (checkVintage), not a warning.
import type { StepContext } from '../steps/context';
import { checkVintage } from './expect';
import { INPUT_FILES } from './files';

export function checkLsoaVintages(ctx: StepContext): void {
	const lookup = ctx.get('lookup');
	const lsoa11 = { codes: new Set(lookup.map((r) => r.lsoa11)), name: 'LSOA 2011' };
	const lsoa21 = { codes: new Set(lookup.map((r) => r.lsoa21)), name: 'LSOA 2021' };
	const expectedFrom = `the ONS lookup ${INPUT_FILES.lsoaLookup}`;
	const on = (vintage: typeof lsoa11, other: typeof lsoa11) => ({
		expected: vintage.codes,
		expectedName: vintage.name,
		other,
		expectedFrom
	});
	const codes21 = (label: string, column: string, codes: Iterable<string>) =>
		checkVintage({ label, column, codes, ...on(lsoa21, lsoa11) });
	codes21(
		INPUT_FILES.imd2025,
		'lsoa21_code',
		ctx.get('imdRows').map((r) => r.code)
	);
	codes21(
		INPUT_FILES.lsoaGeography,
		'lsoa21_code',
		ctx.get('geography').map((r) => r.code)
	);
	codes21(INPUT_FILES.population, 'lsoa21_code', ctx.get('population').keys());
	codes21(
		INPUT_FILES.lsoa21Boundaries,
		'LSOA21CD',
		ctx.get('lsoaGeo').features.map((f) => String(f.properties?.LSOA21CD))
	);
	checkVintage({
		label: INPUT_FILES.imd2019,
		column: 'lsoa11_code',
		codes: ctx.get('imd2019').keys(),
		...on(lsoa11, lsoa21)
	});
	// Registrations: "NO2011" (no LSOA) is not a code; a few codes unknown to the lookup are dropped
	// and counted by the provision step, so up to 10% of rows may be in neither vintage.
	checkVintage({
		label: INPUT_FILES.registrations,
		column: 'LSOA_CODE',
		codes: ctx
			.get('registrations')
			.rows.map((r) => r.lsoa11)
			.filter((c) => c !== 'NO2011'),
		...on(lsoa11, lsoa21),
		tolerance: 0.1
	});
}
