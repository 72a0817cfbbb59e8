import { error } from '@sveltejs/kit';
import { parseLeagueLevel } from '$lib/domain/equityLeague';
import type { EntryGenerator, PageLoad } from './$types';

// Prerendered shells for each level (the data loads in the browser); `subicb` reads as `sicbl`.
export const entries: EntryGenerator = () => [
	{ level: 'icb' },
	{ level: 'sicbl' },
	{ level: 'pcn' },
	{ level: 'subicb' }
];

export const load: PageLoad = ({ params }) => {
	const level = parseLeagueLevel(params.level);
	if (!level) error(404, `No league for "${params.level}": choose icb, sicbl (or subicb) or pcn`);
	return { level };
};
