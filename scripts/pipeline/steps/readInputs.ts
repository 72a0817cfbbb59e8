// Step: read and validate the raw inputs every later step uses (each reader stops the build with an
// InputError naming file, line and column). Code-Point Open and the LSOA boundaries are the large ones.
import { readFileSync } from 'node:fs';
import * as inputs from '../inputs';
import { readCodePoint } from '../codePoint';
import { readGeojson } from '../geometry';
import type { StepContext } from './context';

export function run(ctx: StepContext): void {
	const manifest = JSON.parse(readFileSync(ctx.sourcesPath, 'utf8'));
	ctx.set('sources', manifest.sources);
	ctx.set('attribution', (manifest.attributions as string[]).join(' '));
	ctx.set('imdRows', inputs.readImd2025(ctx.input('imd2025')));
	ctx.set('imd2019', inputs.readImd2019(ctx.input('imd2019')));
	ctx.set('lookup', inputs.readLsoaLookup(ctx.input('lsoaLookup')));
	ctx.set('geography', inputs.readLsoaGeography(ctx.input('lsoaGeography')));
	ctx.set('population', inputs.readPopulation(ctx.input('population')));
	ctx.mark('read deprivation + lookups');
	ctx.set('practiceMap', inputs.readPracticeMap(ctx.input('practiceMap')));
	ctx.set('addresses', inputs.readEpraccur(ctx.input('epraccur')));
	ctx.set('registrations', inputs.readRegistrations(ctx.input('registrations')));
	ctx.set('workforce', inputs.readWorkforce(ctx.input('workforce'), 2025));
	ctx.set('payments', inputs.readPayments(ctx.input('payments')));
	ctx.mark('read practice inputs');
	ctx.set('codePoint', readCodePoint(ctx.input('codePoint'), inputs.INPUT_FILES.codePoint));
	ctx.mark('read Code-Point Open');
	ctx.set('lsoaGeo', readGeojson(ctx.input('lsoa21Boundaries'), inputs.INPUT_FILES.lsoa21Boundaries));
	ctx.mark('read LSOA boundaries');
}
