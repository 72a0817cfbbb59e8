// Plain derivations of loaded tables that the state module exposes (immutable once built).
import type { NetworkRole } from '$lib/data/networks';
import type { AreaRecord } from '$lib/data/areas';

/** Practices that some network's rule selects today. */
export function selectedMemberCodes(roles: ReadonlyMap<string, NetworkRole[]>): ReadonlySet<string> {
	return new Set([...roles].filter(([, r]) => r.some((x) => x.member?.selected)).map(([code]) => code));
}

/** Area name by code, over every level. */
export function areaNames(areas: readonly AreaRecord[]): ReadonlyMap<string, string> {
	return new Map(areas.map((a) => [a.code, a.name]));
}

export const NO_ROLES: ReadonlyMap<string, NetworkRole[]> = new Map();
