// Messages between the page and the member-list worker (worker.ts), one definition for both sides.
import type { MemberListPractice, MemberListResult } from './types';

export type ToMatcherWorker =
	/** The practice table: the worker builds its matcher (the name index) once from it. */
	{ type: 'practices'; practices: MemberListPractice[] } | { type: 'parse'; id: number; text: string };

export type FromMatcherWorker =
	| { type: 'progress'; id: number; done: number; total: number }
	| { type: 'result'; id: number; result: MemberListResult }
	| { type: 'error'; id: number; message: string };

/** Only the fields matching uses: what is copied to the worker. */
export const matchFields = (p: MemberListPractice): MemberListPractice => ({
	code: p.code,
	name: p.name,
	postcode: p.postcode,
	pcnCode: p.pcnCode,
	pcnName: p.pcnName
});
