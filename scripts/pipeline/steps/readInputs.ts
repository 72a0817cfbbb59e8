// Step: read and validate the raw inputs every later step uses (each reader stops the build with an
// InputError naming file, line and column). Code-Point Open and the LSOA boundaries are the large ones.
// Each input's record count is checked against data/sources.json (expectedRows), and the files keyed
// by LSOA against the vintage the atlas joins on (2021 codes for IoD2025, population and boundaries;
// 2011 codes for IoD2019 and the registrations).
import { readFileSync } from 'node:fs';
import * as inputs from '../inputs';
import { readCodePoint } from '../codePoint';
import { readGeojson } from '../geometry';
import { BOXES } from '../geometryChecks';
import { checkSourceRows } from '../inputs/expect';
import { checkLsoaVintages } from '../inputs/vintages';
import type { SourceEntry } from '../../../src/lib/domain/formats/sources';
import { InputError } from '../read';
import type { StepContext } from './context';

export function run(ctx: StepContext): void {
	let manifest: { sources: SourceEntry[]; attributions: string[] };
	try {
		manifest = JSON.parse(readFileSync(ctx.sourcesPath, 'utf8'));
	} catch (e) {
		throw new InputError(
			ctx.sourcesPath,
			null,
			null,
			`cannot read the manifest (${(e as Error).message})`,
			'repair it'
		);
	}
	ctx.set('sources', manifest.sources);
	ctx.set('attribution', (manifest.attributions as string[]).join(' '));
	/** The value read, once its record count matches the manifest's. */
	const counted = <T>(id: inputs.InputName, value: T, count: (v: T) => number): T => {
		checkSourceRows(manifest.sources, id, count(value));
		return value;
	};
	const size = (m: { size: number }) => m.size;
	const length = (a: { length: number }) => a.length;
	ctx.set('imdRows', counted('imd2025', inputs.readImd2025(ctx.input('imd2025')), length));
	ctx.set('imd2019', counted('imd2019', inputs.readImd2019(ctx.input('imd2019')), size));
	ctx.set('lookup', counted('lsoaLookup', inputs.readLsoaLookup(ctx.input('lsoaLookup')), length));
	ctx.set('geography', counted('lsoaGeography', inputs.readLsoaGeography(ctx.input('lsoaGeography')), length));
	ctx.set('population', counted('population', inputs.readPopulation(ctx.input('population')), size));
	ctx.mark('read deprivation + lookups');
	ctx.set('practiceMap', counted('practiceMap', inputs.readPracticeMap(ctx.input('practiceMap')), length));
	ctx.set('addresses', counted('epraccur', inputs.readEpraccur(ctx.input('epraccur')), size));
	const registrations = inputs.readRegistrations(ctx.input('registrations'));
	ctx.set(
		'registrations',
		counted('registrations', registrations, (r) => r.rows.length)
	);
	ctx.set('workforce', counted('workforce', inputs.readWorkforce(ctx.input('workforce'), 2025), length));
	ctx.set('payments', counted('payments', inputs.readPayments(ctx.input('payments')), size));
	ctx.mark('read practice inputs');
	const codePoint = readCodePoint(ctx.input('codePoint'), inputs.INPUT_FILES.codePoint);
	ctx.set(
		'codePoint',
		counted('codePoint', codePoint, (c) => c.postcodes)
	);
	ctx.mark('read Code-Point Open');
	const lsoaFile = inputs.INPUT_FILES.lsoa21Boundaries;
	const lsoaGeo = readGeojson(ctx.input('lsoa21Boundaries'), lsoaFile, BOXES.england, 'LSOA21CD');
	ctx.set(
		'lsoaGeo',
		counted('lsoa21Boundaries', lsoaGeo, (g) => g.features.length)
	);
	checkLsoaVintages(ctx);
	ctx.mark('read LSOA boundaries');
}
