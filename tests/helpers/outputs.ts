// The files every build of the hand-made world writes (the tables, the tile archives and the report).
export const BUILT_FILES = [
	'practices.csv',
	'lsoa.csv',
	'areas.csv',
	'inverse-care.csv',
	'lsoa.pmtiles',
	'boundaries.pmtiles',
	'build-report.json'
];
