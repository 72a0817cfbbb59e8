// Step: the Deep End networks (sourced facts joined with the atlas's readings of their rules) with
// the practices each reading selects today (an estimate), written with the England rate to networks.json.
import { join } from 'node:path';
import { writeAtomic } from '../../lib/atomicWrite';
import { encodeNetworks } from '../../../src/lib/domain/formats/networks';
import { buildNetworks, joinNetworks, readNetworkOverlay } from '../networks';
import * as inputs from '../inputs';
import type { StepContext } from './context';

export function run(ctx: StepContext): void {
	const file = inputs.INPUT_FILES.networks2026;
	const rows = inputs.readNetworkSources(ctx.input('networks2026'), file);
	const { networks: joined, unmatched } = joinNetworks(rows, readNetworkOverlay(ctx.networksPath), file);
	ctx.drop(
		'networks',
		'rule readings in data/networks.json for networks not in the sources file',
		unmatched.length,
		`not built: ${unmatched.join(', ')}`
	);
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
