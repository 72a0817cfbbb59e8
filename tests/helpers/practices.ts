// A practice record for journey tests: every field set to a plain, usable value, overridden per test.
import type { AppPractice } from '../../src/lib/data/practices';

export function practice(over: Partial<AppPractice> & { code: string }): AppPractice {
	return {
		name: `PRACTICE ${over.code}`,
		address: '',
		postcode: 'LS1 1UR',
		lat: 52,
		lon: 0,
		pcnCode: 'U00001',
		pcnName: 'TEST PCN',
		sicblCode: 'E38000001',
		icbCode: 'E54000001',
		nhserCode: 'E40000001',
		region: 'E12000001',
		lsoa: 'E01000001',
		patients: 10_000,
		weightedPatients: 10_000,
		fteStatus: 'reported',
		gpFte: 4,
		gpFteAll: 5,
		nurseFte: 2,
		dpcFte: 1,
		gpFtePer10kWeighted: 4,
		gpFteAllPer10kWeighted: 5,
		imdScore: 20,
		share10: 0.1,
		share15: 0.15,
		share20: 0.2,
		deepEndRank: null,
		imdQuintile: 3,
		locationImdScore: 20,
		locationSource: 'postcode',
		unplacedShare: 0,
		decileShares: null,
		imdDecile: 5,
		index: 0,
		...over
	};
}
