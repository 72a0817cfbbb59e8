// Deep End networks as the pipeline built them (static/data/networks.json).
import type { MembershipRule, RankedPractice } from '$lib/domain/networks';
import { DataError } from './errors';

export interface AppNetwork {
	id: string;
	name: string;
	shortName: string;
	country: string;
	status?: string;
	footprint: { kind: string; codes: string[]; description: string } | null;
	statedRule: string;
	ruleDescription: string | null;
	ruleNote: string;
	sourceUrl?: string;
	publishedMemberCount?: number | null;
	estimatedMembers: RankedPractice[] | null;
	rule?: MembershipRule | null;
	estimatedMemberCount?: number | null;
	footprintPracticeCount?: number | null;
}

export interface NetworksDoc {
	englandRate: number;
	networks: AppNetwork[];
}

export interface NetworkRole {
	network: AppNetwork;
	member: RankedPractice;
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
	}
	return out;
}
