// Member lists as people write them, made from practices.csv: practice names in lower case, some with
// "surgery" shortened, some with two letters swapped, some without "The". Shared by the browser test
// and the bench (scripts/bench/memberList.ts).
import { readPracticesCsv } from './harness';

function typed(name: string, i: number): string {
	let s = name.toLowerCase();
	if (i % 3 === 0) s = s.replace(/surgery/, 'surg');
	if (i % 4 === 1 && s.length > 6) s = s.slice(0, 3) + s[4] + s[3] + s.slice(5);
	if (i % 5 === 2) s = s.replace(/^the /, '');
	return s;
}

/** A CSV of `n` practice names (with a header), spread over England's practices, quoted. */
export function typedNameList(n: number): string {
	const practices = readPracticesCsv();
	const rows = Array.from({ length: n }, (_, i) => {
		const p = practices[(i * 7919) % practices.length];
		return `"${typed(p.practice_name, i).replace(/"/g, '""')}"`;
	});
	return ['practice_name', ...rows].join('\n');
}
