// Commission journey, the inverse care law locally: an area's practices by national IMD quintile.
import { areaTotals } from '$lib/domain/provision';
import { asAreaMember, type CommissionPractice } from './practices';

export interface QuintileCell {
	practices: number;
	/** Of which with usable FTE (the rate's base). */
	practicesWithFte: number;
	patients: number;
	weightedPatients: number;
	/** Weighted patients of practices with usable FTE: the rate's denominator. */
	weightedPatientsWithFte: number;
	gpFte: number;
	gpFtePer10kWeighted: number | null;
}

export interface QuintileRow {
	/** National quintile of practices by IMD score, 5 = most deprived (as the pipeline's inverse-care table). */
	quintile: number;
	label: string;
	area: QuintileCell;
	england: QuintileCell;
}

export interface QuintileTable {
	rows: QuintileRow[];
	/** All practices of the area / England (including those without a quintile). */
	total: { area: QuintileCell; england: QuintileCell };
	/** Practices with no IMD score, so no quintile. */
	withoutQuintile: { area: number; england: number };
}

function cell(members: readonly CommissionPractice[]): QuintileCell {
	const t = areaTotals(members.map(asAreaMember));
	return {
		practices: t.practices,
		practicesWithFte: t.practicesWithFte,
		patients: t.patients,
		weightedPatients: t.weightedPatients,
		weightedPatientsWithFte: t.weightedPatientsWithFte,
		gpFte: t.gpFte,
		gpFtePer10kWeighted: t.gpFtePer10kWeighted
	};
}

const QUINTILE_LABELS = ['Q1 (least deprived)', 'Q2', 'Q3', 'Q4', 'Q5 (most deprived)'];

/**
 * The area's practices by national IMD quintile (the practice table's `imdQuintile`: equal-count
 * quintiles of practice IMD score over England, 5 = most deprived), beside England's practices in
 * the same quintile. Rates count only practices with usable FTE, in numerator and denominator.
 */
export function quintileTable(area: readonly CommissionPractice[], all: readonly CommissionPractice[]): QuintileTable {
	const rows: QuintileRow[] = [];
	for (let q = 1; q <= 5; q++) {
		rows.push({
			quintile: q,
			label: QUINTILE_LABELS[q - 1],
			area: cell(area.filter((p) => p.imdQuintile === q)),
			england: cell(all.filter((p) => p.imdQuintile === q))
		});
	}
	return {
		rows,
		total: { area: cell(area), england: cell(all) },
		withoutQuintile: {
			area: area.filter((p) => p.imdQuintile === null).length,
			england: all.filter((p) => p.imdQuintile === null).length
		}
	};
}
