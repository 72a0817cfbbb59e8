// Commission's area picker: the areas of a level, narrowed by ICB (PCNs, Sub-ICBs) and a search.
import type { AreaRecord } from '$lib/data/areas';

export interface PickerFilter {
	/** Keep areas in this ICB ('' = all). */
	icb: string;
	/** Case-insensitive words that must all occur in the name or code. */
	search: string;
	/** The ICB of each area code, for levels whose records do not name it. */
	icbOf: ReadonlyMap<string, string>;
}

export function pickerOptions(areas: readonly AreaRecord[], level: string, f: PickerFilter): AreaRecord[] {
	const words = f.search.toLowerCase().split(/\s+/).filter(Boolean);
	return areas
		.filter((a) => a.level === level)
		.filter((a) => !f.icb || (f.icbOf.get(a.code) ?? a.parentCode) === f.icb)
		.filter((a) => words.every((w) => `${a.name} ${a.code}`.toLowerCase().includes(w)))
		.sort((a, b) => a.name.localeCompare(b.name));
}
