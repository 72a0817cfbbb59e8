// Step: totals and rates per area (England, NHS region, ICB, Sub-ICB, PCN) and the inverse-care table
// (practices in IMD quintiles).
import { buildAreas, buildInverseCare } from '../areas';
import type { StepContext } from './context';

export function run(ctx: StepContext): void {
	const practices = ctx.get('practices');
	const { areas, englandRate, practicesWithoutPcn } = buildAreas(practices);
	ctx.set('areas', areas);
	ctx.set('englandRate', englandRate);
	ctx.drop('areas', 'practices in no PCN (PCN code U), left out of the PCN level only', practicesWithoutPcn, 'no PCN');
	ctx.set('inverseCare', buildInverseCare(practices));
}
