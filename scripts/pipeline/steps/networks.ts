// Step: the Deep End networks of data/networks.json with the practices each English network's rule
// selects today (an estimate), written with the England rate to networks.json.
import { join } from 'node:path';
import { writeAtomic } from '../../lib/atomicWrite';
import { encodeNetworks } from '../../../src/lib/domain/formats/networks';
import { buildNetworks, readNetworks } from '../networks';
import type { StepContext } from './context';

export function run(ctx: StepContext): void {
	const networks = buildNetworks(readNetworks(ctx.networksPath), ctx.get('practices'));
	ctx.set('networks', networks);
	writeAtomic(join(ctx.outDir, 'networks.json'), encodeNetworks({ englandRate: ctx.get('englandRate'), networks }));
	ctx.mark('areas + networks');
}
