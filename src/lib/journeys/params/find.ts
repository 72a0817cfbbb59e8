// Find's URL parameter: the search as the user asked it (`q`), re-run when the link is opened.
import type { JourneyCodec } from './codec';

export interface FindParams {
	query: string;
}

export const findCodec: JourneyCodec<FindParams> = {
	keys: ['q'],
	parse: (raw) => ({ query: (raw.q ?? '').slice(0, 200) }),
	write: (p): Record<string, string> => (p.query.trim() ? { q: p.query.trim() } : {})
};
