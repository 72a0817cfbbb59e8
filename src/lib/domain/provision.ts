// GP provision measures for places: attributed to LSOAs from the practices their residents are
// registered with, and summed over areas (PCN, Sub-ICB, ICB, region, England).
import { fteShortfall, ftePer10kWeighted } from './metrics';

export interface AttributionPractice {
	/** Fully qualified GP FTE; null when not usable (not reported or zero). */
	fte: number | null;
	weightedPatients: number | null;
	/** The practice's whole July 2023 list, including patients not placed in an English LSOA. */
	listedPatients: number;
	/** Patients by 2021 LSOA. */
	patientsByLsoa: ReadonlyMap<string, number>;
}

export interface AttributedProvision {
	/** Registered patients living here (July 2023, crossed to 2021 LSOAs). */
	patients: number;
	/** Of which registered with a practice whose FTE is usable. */
	patientsCovered: number;
	/** Σ practice FTE × (patients from here ÷ list). */
	fte: number;
	/** Σ practice weighted patients × (patients from here ÷ list). */
	weightedPatients: number;
}

/**
 * Attributed provision: each practice's FTE and weighted patients are shared out over its patients'
 * LSOAs in proportion to where its list lives. An LSOA's rate is then fte / weightedPatients × 10,000.
 * Practices without usable FTE add to `patients` but not to the covered sums, so they neither inflate
 * nor deflate the rate; `patientsCovered / patients` says how much of the LSOA the rate speaks for.
 */
export function attributeProvision(practices: Iterable<AttributionPractice>): Map<string, AttributedProvision> {
	const out = new Map<string, AttributedProvision>();
	for (const p of practices) {
		const usable = p.fte !== null && p.weightedPatients !== null && p.weightedPatients > 0 && p.listedPatients > 0;
		for (const [lsoa, n] of p.patientsByLsoa) {
			let a = out.get(lsoa);
			if (!a) out.set(lsoa, (a = { patients: 0, patientsCovered: 0, fte: 0, weightedPatients: 0 }));
			a.patients += n;
			if (!usable) continue;
			const share = n / p.listedPatients;
			a.patientsCovered += n;
			a.fte += p.fte! * share;
			a.weightedPatients += p.weightedPatients! * share;
		}
	}
	return out;
}

export const attributedRate = (a: AttributedProvision | undefined) =>
	a ? ftePer10kWeighted(a.fte, a.weightedPatients) : null;

export interface AreaMember {
	patients: number | null;
	weightedPatients: number | null;
	/** Null when the practice's FTE is not usable. */
	gpFte: number | null;
	gpFteAll: number | null;
	nurseFte: number | null;
	dpcFte: number | null;
	imdScore: number | null;
}

/**
 * A practice (any record with the member's fields) as an area member, shared by the pipeline's area tables and the Commission journey: its
 * FTE is left out (null) when it does not count, so it is never summed as a 0.
 */
export function areaMemberOf(p: AreaMember, usable: boolean): AreaMember {
	return {
		patients: p.patients,
		weightedPatients: p.weightedPatients,
		gpFte: usable ? p.gpFte : null,
		gpFteAll: usable ? p.gpFteAll : null,
		nurseFte: usable ? p.nurseFte : null,
		dpcFte: usable ? p.dpcFte : null,
		imdScore: p.imdScore
	};
}

export interface AreaTotals {
	practices: number;
	/** Practices whose FTE counts (reported, above zero). */
	practicesWithFte: number;
	patients: number;
	weightedPatients: number;
	/** Sums over practices with usable FTE only, so rates compare like with like. */
	patientsWithFte: number;
	weightedPatientsWithFte: number;
	gpFte: number;
	gpFteAll: number;
	nurseFte: number;
	dpcFte: number;
	gpFtePer10kWeighted: number | null;
	gpFteAllPer10kWeighted: number | null;
	/** Patient-weighted mean of practice IoD2025 IMD scores. */
	imdScore: number | null;
}

/** Sum practices into an area. Rates use only practices with usable FTE in both numerator and denominator. */
export function areaTotals(members: readonly AreaMember[]): AreaTotals {
	const t = {
		practices: members.length,
		practicesWithFte: 0,
		patients: 0,
		weightedPatients: 0,
		patientsWithFte: 0,
		weightedPatientsWithFte: 0,
		gpFte: 0,
		gpFteAll: 0,
		nurseFte: 0,
		dpcFte: 0
	};
	let imdSum = 0;
	let imdPatients = 0;
	for (const m of members) {
		t.patients += m.patients ?? 0;
		t.weightedPatients += m.weightedPatients ?? 0;
		if (m.imdScore !== null && m.patients) {
			imdSum += m.imdScore * m.patients;
			imdPatients += m.patients;
		}
		if (m.gpFte === null || !m.weightedPatients) continue;
		t.practicesWithFte++;
		t.patientsWithFte += m.patients ?? 0;
		t.weightedPatientsWithFte += m.weightedPatients;
		t.gpFte += m.gpFte;
		t.gpFteAll += m.gpFteAll ?? m.gpFte;
		t.nurseFte += m.nurseFte ?? 0;
		t.dpcFte += m.dpcFte ?? 0;
	}
	return {
		...t,
		gpFtePer10kWeighted: ftePer10kWeighted(t.gpFte, t.weightedPatientsWithFte),
		gpFteAllPer10kWeighted: ftePer10kWeighted(t.gpFteAll, t.weightedPatientsWithFte),
		imdScore: imdPatients > 0 ? imdSum / imdPatients : null
	};
}

/** Shortfall of an area against England's rate, over the practices whose FTE counts. */
export function areaShortfall(t: AreaTotals, englandRate: number): number {
	return fteShortfall(englandRate, t.weightedPatientsWithFte, t.gpFte);
}
