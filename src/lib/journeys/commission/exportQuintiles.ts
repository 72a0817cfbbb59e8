// Commission's quintile table as CSV: what it is, the definitions and vintages in "# " lines.
import { csvWithHeader } from '$lib/journeys/exportCsv';
import { DATA_LINE } from '$lib/data/vintages';
import type { QuintileTable } from './quintiles';

export function quintilesCsv(quintiles: QuintileTable, areaName: string, code: string): string {
	type Row = {
		quintile: string;
		area_practices: number;
		area_patients: number;
		area_gp_fte: number;
		area_rate: number | null;
		england_practices: number;
		england_rate: number | null;
	};
	const rows: Row[] = [
		...quintiles.rows.map((r) => ({ label: r.label, area: r.area, england: r.england })),
		{ label: 'All', area: quintiles.total.area, england: quintiles.total.england }
	].map((r) => ({
		quintile: r.label,
		area_practices: r.area.practices,
		area_patients: r.area.patients,
		area_gp_fte: Math.round(r.area.gpFte * 10) / 10,
		area_rate: r.area.gpFtePer10kWeighted === null ? null : Math.round(r.area.gpFtePer10kWeighted * 1000) / 1000,
		england_practices: r.england.practices,
		england_rate:
			r.england.gpFtePer10kWeighted === null ? null : Math.round(r.england.gpFtePer10kWeighted * 1000) / 1000
	}));
	return csvWithHeader(
		[
			`Deep End Atlas: practices by national IMD quintile, ${areaName} (${code})`,
			"Quintiles: equal fifths of England's practices by patient-weighted IMD 2025 score (Q5 = most deprived). Rate: fully qualified GP FTE per 10,000 need-weighted (Carr-Hill) patients, over practices with reported FTE.",
			DATA_LINE,
			'Licence: Open Government Licence v3.0.',
			`Generated: ${new Date().toISOString().slice(0, 10)}`
		],
		(
			[
				'quintile',
				'area_practices',
				'area_patients',
				'area_gp_fte',
				'area_rate',
				'england_practices',
				'england_rate'
			] as const
		).map((k) => ({
			key: k,
			label:
				k === 'area_rate'
					? 'area_gp_fte_per_10k_weighted'
					: k === 'england_rate'
						? 'england_gp_fte_per_10k_weighted'
						: k
		})),
		rows
	);
}
