import { error } from '@sveltejs/kit';
import { parseBriefLevel } from '$lib/briefs/brief';
import type { PageLoad } from './$types';

// Briefs are not prerendered (thousands of codes): the static site's fallback page serves them and
// the data loads in the browser.
export const prerender = false;

export const load: PageLoad = ({ params }) => {
	const level = parseBriefLevel(params.level);
	if (!level) error(404, `No brief for "${params.level}": choose icb, sicbl, pcn, practice or network`);
	return { level, code: params.code };
};
