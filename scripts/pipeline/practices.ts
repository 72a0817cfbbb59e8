// Practices step: every English practice in the October 2025 mapping file, with its place, list,
// need-weighting, workforce and deprivation.
import { deepEndRank, equalCountQuintiles, ftePer10kWeighted, needWeightingRatio } from '../../src/lib/domain/metrics';
import { practiceDeprivation, type DeprivationContext } from '../../src/lib/domain/deprivation';
import type { FteStatus, Practice, LocationSource, PatientsSource } from '../../src/lib/domain/practice';
import { encodeQualityFlags, qualityFlags } from '../../src/lib/domain/practiceFlags';
import type { PracticeMapRow, RegistrationRow, WorkforceRow } from './inputs';
import { nationFields } from './nations/practiceFields';

export interface Located {
	lat: number;
	lon: number;
	source: Exclude<LocationSource, 'none'>;
}

export interface PracticeInputs {
	map: PracticeMapRow[];
	addresses: ReadonlyMap<string, { address: string; prescribingSetting?: number | null }>;
	workforce: ReadonlyMap<string, WorkforceRow>;
	payments: ReadonlyMap<string, { registered: number; weighted: number }>;
	registrations: ReadonlyMap<string, RegistrationRow[]>;
	deprivation: DeprivationContext;
	/** Practice postcode → location; null when neither the postcode nor its sector is known. */
	locate: (postcode: string) => Located | null;
	/** Point → the 2021 LSOA containing it, with its region; null outside England. */
	lsoaAt: (lon: number, lat: number) => { lsoa: string; region: string; method: 'inside' | 'nearest' } | null;
	/** 2021 LSOA → its local authority (LAD 2024). */
	ladOf?: (lsoa21: string) => string | null;
	/** 2021 LSOA → IoD2019 score of the 2011 LSOA(s) it came from (mean when merged); null if unknown. */
	imd2019Of?: (lsoa21: string) => number | null;
}

export interface PracticeBuild {
	practices: Practice[];
	/** Patients by 2021 LSOA per practice (the footprint used to attribute provision). */
	footprints: Map<string, Map<string, number>>;
	counts: Record<string, number>;
}

export function fteStatusOf(w: WorkforceRow | undefined): FteStatus {
	if (!w) return 'no-workforce-record';
	if (w.gpFte === null) return 'not-reported';
	if (w.gpFte === 0) return 'zero';
	return 'reported';
}

export function buildPractices(input: PracticeInputs): PracticeBuild {
	const footprints = new Map<string, Map<string, number>>();
	const counts: Record<string, number> = {
		practices: 0,
		locatedByPostcode: 0,
		locatedBySector: 0,
		notLocated: 0,
		outsideEnglandLsoas: 0,
		lsoaByNearestCentre: 0,
		noWorkforceRecord: 0,
		fteNotReported: 0,
		fteZero: 0,
		needRatioDefaulted: 0,
		noRegistrations: 0
	};
	const practices: Practice[] = input.map.map((m) => {
		counts.practices++;
		const where = input.locate(m.postcode);
		if (!where) counts.notLocated++;
		else if (where.source === 'postcode') counts.locatedByPostcode++;
		else counts.locatedBySector++;
		const area = where ? input.lsoaAt(where.lon, where.lat) : null;
		if (where && !area) counts.outsideEnglandLsoas++;
		if (area?.method === 'nearest') counts.lsoaByNearestCentre++;

		const w = input.workforce.get(m.code);
		const regs = input.registrations.get(m.code) ?? [];
		const dep = practiceDeprivation(
			regs.map((r) => ({ lsoa11: r.lsoa11, patients: r.patients })),
			input.deprivation
		);
		footprints.set(m.code, dep.patientsByLsoa21);
		if (regs.length === 0) counts.noRegistrations++;

		let patients: number | null = null;
		let patientsSource: PatientsSource = 'none';
		if (w) {
			patients = w.patients;
			patientsSource = 'workforce-fy2024-25';
		} else if (dep.listedPatients > 0) {
			patients = dep.listedPatients;
			patientsSource = 'registrations-2023-07';
		}
		const pay = input.payments.get(m.code);
		const ratio = pay ? needWeightingRatio(pay.registered, pay.weighted) : null;
		if (ratio === null) counts.needRatioDefaulted++;
		const needRatio = ratio ?? 1;
		const weightedPatients = patients === null ? null : patients * needRatio;

		const fteStatus = fteStatusOf(w);
		if (fteStatus === 'no-workforce-record') counts.noWorkforceRecord++;
		if (fteStatus === 'not-reported') counts.fteNotReported++;
		if (fteStatus === 'zero') counts.fteZero++;
		// Zero FTE is kept as reported (0) but flagged; it is excluded from rates (see hasUsableFte).
		const gpFte = w && w.gpFte !== null ? w.gpFte : null;
		const gpFteAll = gpFte === null ? null : gpFte + (w?.locumTraineeFte ?? 0);
		const nurseFte = w?.nurseFte ?? null;
		const dpcFte = w?.dpcFte ?? null;
		const rate = (fte: number | null) => (fteStatus === 'reported' ? ftePer10kWeighted(fte, weightedPatients) : null);

		const unplaced = dep.noLsoaPatients + dep.welshPatients + dep.unknownLsoaPatients;
		const locationImd = area ? (input.deprivation.imd2025.get(area.lsoa)?.score ?? null) : null;
		const register = input.addresses.get(m.code);
		return {
			code: m.code,
			name: m.name,
			address: register?.address ?? '',
			postcode: m.postcode,
			lat: where ? round(where.lat, 6) : null,
			lon: where ? round(where.lon, 6) : null,
			locationSource: where ? where.source : 'none',
			lsoa: area?.lsoa ?? null,
			region: area?.region ?? null,
			pcnCode: m.pcnCode,
			pcnName: m.pcnName,
			sicblCode: m.sicblCode,
			sicblOds: m.sicblOds,
			sicblName: m.sicblName,
			icbCode: m.icbCode,
			icbOds: m.icbOds,
			icbName: m.icbName,
			nhserCode: m.nhserCode,
			nhserName: m.nhserName,
			patients,
			patientsSource,
			needRatio,
			needRatioDefaulted: ratio === null,
			weightedPatients,
			fteStatus,
			gpFte,
			gpFteAll,
			nurseFte,
			dpcFte,
			gpFtePer10kWeighted: rate(gpFte),
			gpFteAllPer10kWeighted: rate(gpFteAll),
			nurseFtePer10kWeighted: rate(nurseFte),
			dpcFtePer10kWeighted: rate(dpcFte),
			listedPatients2023: dep.listedPatients,
			unplacedNoLsoa: dep.noLsoaPatients,
			unplacedWelsh: dep.welshPatients,
			unplacedUnknown: dep.unknownLsoaPatients,
			unplacedShare: dep.listedPatients > 0 ? unplaced / dep.listedPatients : null,
			imdScore: dep.imdScore,
			share10: dep.share10,
			share15: dep.share15,
			share20: dep.share20,
			decileShares: dep.decileShares,
			imdScore2019: dep.imdScore2019,
			iod2019Share10: dep.iod2019Share10,
			iod2019Share15: dep.iod2019Share15,
			iod2019Share20: dep.iod2019Share20,
			deepEndRank: null,
			imdQuintile: null,
			locationImdScore: locationImd,
			...nationFields('E', {
				premisesDecile: area ? (input.deprivation.imd2025.get(area.lsoa)?.decile ?? null) : null
			}),
			locationImdScore2019: area ? (input.imd2019Of?.(area.lsoa) ?? null) : null,
			ladCode: area ? (input.ladOf?.(area.lsoa) ?? null) : null,
			prescribingSetting: register?.prescribingSetting ?? null,
			qualityFlags: ''
		};
	});
	const ranks = deepEndRank(practices.map((p) => p.share15));
	const quintiles = equalCountQuintiles(practices.map((p) => p.imdScore));
	practices.forEach((p, i) => {
		p.deepEndRank = ranks[i];
		p.imdQuintile = quintiles[i];
		p.qualityFlags = encodeQualityFlags(qualityFlags(p));
	});
	return { practices, footprints, counts };
}

const round = (x: number, dp: number) => Math.round(x * 10 ** dp) / 10 ** dp;
