// Commission journey: where in an area does GP provision fall short of need? Practices against
// England's rate and against practices of similar deprivation, neighbourhoods (LSOAs) against
// England, and the area's practices by national IMD quintile (the inverse care law, locally).
// One file each under commission/.
export { areaPractices } from './areas';
export {
	asAreaMember,
	fteUnusableReason,
	practiceShortfalls,
	referenceRates,
	type CommissionPractice,
	type PracticeShortfall,
	type PracticeShortfalls,
	type PracticeWithoutFte,
	type ReferenceRates
} from './commission/practices';
export {
	lsoasInArea,
	rankNeighbourhoods,
	type LsoaAreaLookups,
	type LsoaSelection,
	type NeighbourhoodRanking,
	type NeighbourhoodRecord,
	type NeighbourhoodRow
} from './commission/neighbourhoods';
export { quintileTable, type QuintileCell, type QuintileRow, type QuintileTable } from './commission/quintiles';
