// Deep End networks as the pipeline built them (static/data/networks.json).
import type { RankedPractice } from '$lib/domain/networks';
import type { BuiltNetwork, NetworksFile } from '$lib/domain/formats/networks';
import { DataError } from './errors';

/** A network as the app reads it: the type the pipeline writes (one definition). */
export type AppNetwork = BuiltNetwork;
export type NetworksDoc = NetworksFile;

export interface NetworkRole {
	network: AppNetwork;
	/** Where the first reading of the rule ranks the practice; null when it was left out for a quality flag. */
	member: RankedPractice | null;
}

export function parseNetworks(doc: unknown, file = 'data/networks.json'): NetworksDoc {
	const d = doc as Partial<NetworksDoc>;
	if (!d || typeof d !== 'object' || typeof d.englandRate !== 'number' || !Array.isArray(d.networks)) {
		throw new DataError(file, 'expected {"englandRate": number, "networks": [...]}');
	}
	for (const n of d.networks) {
		if (typeof n?.id !== 'string' || typeof n?.name !== 'string')
			throw new DataError(file, 'a network lacks its id or name');
	}
	return d as NetworksDoc;
}

/** Each practice's place in the networks whose footprint holds it: code → roles. */
export function networkRoles(doc: NetworksDoc): Map<string, NetworkRole[]> {
	const out = new Map<string, NetworkRole[]>();
	for (const network of doc.networks) {
		for (const member of network.estimatedMembers ?? []) {
			const list = out.get(member.code);
			if (list) list.push({ network, member });
			else out.set(member.code, [{ network, member }]);
		}
		// Footprint practices the rule left out for a quality flag: in the footprint, not ranked.
		for (const code of network.readings?.[0]?.excludedFlagged ?? []) {
			const list = out.get(code);
			if (list) list.push({ network, member: null });
			else out.set(code, [{ network, member: null }]);
		}
	}
	return out;
}
