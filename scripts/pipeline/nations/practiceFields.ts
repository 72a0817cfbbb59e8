// The nation fields of a practice record (PracticeNationFields): all null except what is given.
import type { Nation } from '../../../src/lib/domain/nations';
import type { PracticeNationFields } from '../../../src/lib/domain/practice';

export function nationFields(
	nation: Nation,
	given: Partial<Omit<PracticeNationFields, 'nation'>> = {}
): PracticeNationFields {
	return {
		nation,
		healthBoard: null,
		wimdShare20: null,
		gpHeadcount: null,
		gpHeadcountPer10k: null,
		gpPerformerHeadcount: null,
		gpSalariedHeadcount: null,
		gpRegistrarHeadcount: null,
		gpRetaineeHeadcount: null,
		premisesDecile: null,
		...given
	};
}
