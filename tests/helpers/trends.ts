// Reconciliation of the trends: the areas of one level, plus the practices in no area of that level,
// against England, year by year. Returns the largest absolute difference of each sum.
import type { AreaTrend, TrendLevel, TrendsFile } from '../../src/lib/domain/formats/trends';
import { addSums } from '../../src/lib/domain/trends';

export function reconcile(doc: TrendsFile, level: TrendLevel): Record<string, number> {
	const extra: AreaTrend[] = level === 'pcn' ? [doc.unassigned, doc.noPcn] : [doc.unassigned];
	let w = extra[0].workforce;
	let p = extra[0].payments;
	for (const a of [...extra.slice(1), ...doc.areas.filter((a) => a.level === level)]) {
		w = addSums(w, a.workforce);
		p = addSums(p, a.payments);
	}
	const diff = (xs: (number | null)[], ys: (number | null)[]) =>
		Math.max(0, ...xs.map((x, i) => Math.abs((x ?? 0) - (ys[i] ?? 0))));
	return {
		practicesFte: diff(w.practices, doc.england.workforce.practices),
		gpFte: diff(w.gpFte, doc.england.workforce.gpFte),
		weightedFte: diff(w.weightedPatients, doc.england.workforce.weightedPatients),
		practicesPay: diff(p.practices, doc.england.payments.practices),
		weightedPay: diff(p.weightedPatients, doc.england.payments.weightedPatients),
		total: diff(p.total, doc.england.payments.total),
		covid: diff(p.covid, doc.england.payments.covid),
		pcn: diff(p.pcn, doc.england.payments.pcn)
	};
}
