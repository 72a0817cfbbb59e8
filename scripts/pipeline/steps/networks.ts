// Step: the Deep End networks (sourced facts joined with the atlas's readings of their rules) with
// the practices each reading selects today (an estimate), written with the England rate to networks.json.
import { join } from 'node:path';
import { writeAtomic } from '../../lib/atomicWrite';
import { encodeNetworks } from '../../../src/lib/domain/formats/networks';
import { buildNetworks, joinNetworks, readNetworkOverlay } from '../networks';
import * as inputs from '../inputs';
import { encodeQualityFlags, qualityFlags } from '../../../src/lib/domain/practiceFlags';
import type { StepContext } from './context';
import { checkSourceRows } from '../inputs/expect';

export function run(ctx: StepContext): void {
	const file = inputs.INPUT_FILES.networks2026;
	const rows = inputs.readNetworkSources(ctx.input('networks2026'), file);
	const sources = ctx.get('sources');
	checkSourceRows(sources, 'networks2026', rows.length);
	const cited = inputs.INPUT_FILES.networkSources;
	checkSourceRows(sources, 'networkSources', inputs.countNetworkSourceRows(ctx.input('networkSources'), cited));
	const { networks: joined, unmatched } = joinNetworks(rows, readNetworkOverlay(ctx.networksPath), file);
	ctx.drop(
		'networks',
		'rule readings in data/networks.json for networks not in the sources file',
		unmatched.length,
		`not built: ${unmatched.join(', ')}`
	);
	// Welsh and Scottish practices (appended by the nations step) get their quality flags here, with the
	// epraccur prescribing setting where the register has them (Welsh codes); England-only fields stay null.
	const register = ctx.get('addresses');
	for (const p of ctx.get('practices')) {
		if (typeof p.qualityFlags === 'string') continue;
		p.iod2019Share10 ??= null;
		p.iod2019Share15 ??= null;
		p.iod2019Share20 ??= null;
		p.locationImdScore2019 ??= null;
		p.ladCode ??= null;
		p.prescribingSetting = register.get(p.code)?.prescribingSetting ?? null;
		p.qualityFlags = encodeQualityFlags(qualityFlags(p));
	}
	const networks = buildNetworks(joined, ctx.get('practices'));
	for (const n of networks)
		for (const r of n.readings)
			ctx.drop(
				'networks',
				`${n.id} (${r.id}): footprint practices left out of the rule for a quality flag`,
				r.excludedFlagged.length,
				`flagged: ${r.excludedFlagged.join(', ')}`
			);
	ctx.set('networks', networks);
	writeAtomic(join(ctx.outDir, 'networks.json'), encodeNetworks({ englandRate: ctx.get('englandRate'), networks }));
	ctx.mark('areas + networks');
}
