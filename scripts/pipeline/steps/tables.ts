// Step: the open tables (practices.csv, lsoa.csv, areas.csv, inverse-care.csv) with their data
// dictionary (columns.json), the app's compact tables (practices.json, lsoa-detail.json), and a copy
// of the sources manifest for the Sources panel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from '../../lib/atomicWrite';
import { encodePractices } from '../../../src/lib/domain/formats/practices';
import { encodeLsoaDetail, type LsoaDetail } from '../../../src/lib/domain/formats/lsoaDetail';
import { encodeColumns } from '../../../src/lib/domain/formats/columns';
import type { LsoaRow } from '../lsoa';
import { AREA_COLUMNS, INVERSE_CARE_COLUMNS, LSOA_COLUMNS, dictionary, toCsv } from '../tables';
import { PRACTICE_COLUMNS } from '../practiceColumns';
import type { StepContext } from './context';

/** An LSOA row as the LSOA panel reads it (the format rounds it). */
export const lsoaDetailOf = (r: LsoaRow): LsoaDetail => ({
	code: r.code,
	name: r.name,
	ladName: r.ladName,
	icbCode: r.icbCode,
	population: r.population,
	patients: r.patients,
	patientsCovered: r.patientsCovered,
	attributedFte: r.attributedFte,
	attributedWeightedPatients: r.attributedWeightedPatients,
	gpFtePer10kWeighted: r.gpFtePer10kWeighted,
	nearestPracticeCode: r.nearestPracticeCode,
	nearestPracticeKm: r.nearestPracticeKm,
	centreLon: r.centreLon,
	centreLat: r.centreLat,
	imdScore: r.imd.score.imd,
	imdRank: r.imd.rank.imd
});

export function run(ctx: StepContext): void {
	const practices = ctx.get('practices');
	const lsoaRows = ctx.get('lsoaRows');
	const write = (name: string, text: string) => writeAtomic(join(ctx.outDir, name), text);
	write('practices.csv', toCsv(practices, PRACTICE_COLUMNS));
	write('lsoa.csv', toCsv(lsoaRows, LSOA_COLUMNS));
	write('areas.csv', toCsv(ctx.get('areas'), AREA_COLUMNS));
	write('inverse-care.csv', toCsv(ctx.get('inverseCare'), INVERSE_CARE_COLUMNS));
	write('practices.json', JSON.stringify(encodePractices(practices)));
	write('lsoa-detail.json', JSON.stringify(encodeLsoaDetail(lsoaRows.map(lsoaDetailOf))));
	write('sources.json', readFileSync(ctx.sourcesPath, 'utf8'));
	write(
		'columns.json',
		encodeColumns({
			'practices.csv': dictionary(PRACTICE_COLUMNS),
			'lsoa.csv': dictionary(LSOA_COLUMNS),
			'areas.csv': dictionary(AREA_COLUMNS),
			'inverse-care.csv': dictionary(INVERSE_CARE_COLUMNS)
		})
	);
	ctx.mark('tables');
}
