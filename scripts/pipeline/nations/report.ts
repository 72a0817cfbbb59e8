// The build report's `nations` section: practices and registered patients per nation, the Welsh and
// Scottish counts (what joined, what was suppressed or missing), and the totals to reconcile with the
// publishers' own (Scotland's PHS list total for October 2024 is 6,018,624).
import { NATIONS } from '../../../src/lib/domain/nations';
import type { StepContext } from '../steps/context';

export function nationsReport(ctx: StepContext) {
	const practices = ctx.get('practices');
	const perNation = Object.fromEntries(
		NATIONS.map((n) => {
			const list = practices.filter((p) => p.nation === n);
			return [
				n,
				{
					practices: list.length,
					located: list.filter((p) => p.lat !== null).length,
					patients: Math.round(list.reduce((s, p) => s + (p.patients ?? 0), 0))
				}
			];
		})
	);
	return { perNation, ...ctx.get('nations').counts };
}
