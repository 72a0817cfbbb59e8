// Deep End networks with their footprints and, for the English ones, the practices
// their membership rule selects today (an estimate).
import { readFileSync } from 'node:fs';
import type { Feature } from 'geojson';
import { describeRule, inFootprint, rankByRule, type Network } from '../../src/lib/domain/networks';
import type { Practice } from '../../src/lib/domain/practice';
import type { BuiltNetwork } from '../../src/lib/domain/formats/networks';
import { InputError } from './read';

export type { BuiltNetwork };

export function readNetworks(path: string): Network[] {
	let doc: { networks?: Network[] };
	try {
		doc = JSON.parse(readFileSync(path, 'utf8'));
	} catch (e) {
		throw new InputError(path, null, null, `not valid JSON (${(e as Error).message})`, 'fix the JSON syntax');
	}
	if (!Array.isArray(doc.networks))
		throw new InputError(path, null, 'networks', 'no "networks" array', 'restore the file from git');
	const ids = new Set<string>();
	for (const n of doc.networks) {
		for (const key of ['id', 'name', 'shortName', 'country', 'statedRule', 'sourceUrl'] as const) {
			if (typeof n[key] !== 'string' || !n[key])
				throw new InputError(
					path,
					null,
					`networks[${n.id ?? '?'}].${key}`,
					'missing or empty',
					'fill it in from the sourced facts'
				);
		}
		if (ids.has(n.id))
			throw new InputError(path, null, `networks[${n.id}].id`, 'duplicate network id', 'give each network its own id');
		ids.add(n.id);
	}
	return doc.networks;
}

export function buildNetworks(networks: readonly Network[], practices: readonly Practice[]): BuiltNetwork[] {
	return networks.map((n) => {
		const english = n.country === 'England' && n.footprint && n.rule;
		if (!english) {
			return {
				...n,
				ruleDescription: n.rule ? describeRule(n.rule) : null,
				estimatedMembers: null,
				estimatedMemberCount: null,
				footprintPracticeCount: null
			};
		}
		const inside = practices.filter((p) => inFootprint(n.footprint!, p));
		const ranked = rankByRule(n.rule!, practices, inside);
		return {
			...n,
			ruleDescription: describeRule(n.rule!),
			estimatedMembers: ranked,
			estimatedMemberCount: ranked.filter((r) => r.selected).length,
			footprintPracticeCount: inside.length
		};
	});
}

/** Footprint features (dissolved, one per network) for the boundaries archive. */
export function networkFootprints(
	networks: readonly Network[],
	sources: { icb: Feature[]; region: Feature[]; lad: Feature[] },
	dissolve: (features: Feature[], keyOf: (f: Feature) => string) => Feature[]
): Feature[] {
	const out: Feature[] = [];
	for (const n of networks) {
		const f = n.footprint;
		if (!f) continue;
		let parts: Feature[] = [];
		if (f.kind === 'icb') parts = sources.icb.filter((x) => f.codes.includes(String(x.properties?.ICB23CD)));
		else if (f.kind === 'region') parts = sources.region.filter((x) => f.codes.includes(String(x.properties?.RGN23CD)));
		else if (f.kind === 'country')
			parts = sources.lad.filter((x) => f.codes.some((c) => String(x.properties?.LAD24CD).startsWith(c)));
		else if (f.kind === 'lad') parts = sources.lad.filter((x) => f.codes.includes(String(x.properties?.LAD24CD)));
		if (parts.length === 0)
			throw new Error(`Network ${n.id}: footprint ${f.kind} ${f.codes.join(',')} matches no boundary`);
		const [merged] = dissolve(parts, () => n.id);
		merged.properties = { code: n.id, name: n.shortName, country: n.country };
		out.push(merged);
	}
	return out;
}
