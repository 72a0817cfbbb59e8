// The member-list worker: matches a list's rows off the page's thread, so that a long list of names
// never freezes the page. It builds the matcher (the name index) once, from the first message, and
// reports progress as it goes; the page cancels a run by ending the worker (client.ts).
/// <reference lib="webworker" />
import { memberMatcher, type MemberMatcher } from './names';
import { parseMemberList } from './parse';
import type { FromMatcherWorker, ToMatcherWorker } from './protocol';

const post = (m: FromMatcherWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
let matcher: MemberMatcher | null = null;

self.onmessage = (e: MessageEvent<ToMatcherWorker>) => {
	const msg = e.data;
	if (msg.type === 'practices') {
		matcher = memberMatcher(msg.practices);
		return;
	}
	const { id, text } = msg;
	if (!matcher) return post({ type: 'error', id, message: 'the practice table has not reached the worker' });
	let last = 0;
	try {
		const result = parseMemberList(text, matcher, (done, total) => {
			const now = performance.now();
			if (now - last < 100 && done < total) return;
			last = now;
			post({ type: 'progress', id, done, total });
		});
		post({ type: 'result', id, result });
	} catch (err) {
		post({ type: 'error', id, message: (err as Error).message ?? String(err) });
	}
};
