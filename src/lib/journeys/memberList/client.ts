// The page's side of member-list matching: one worker per practice table, its matcher built once;
// each list read in it with progress; a run cancelled by ending the worker (a new one is started,
// and its index rebuilt in ~0.1 s, for the next list). Without Worker support (or in tests) the list
// is read on the page's thread, with the same result.
import { memberMatcher, type MemberMatcher } from './names';
import { parseMemberList } from './parse';
import { matchFields, type FromMatcherWorker, type ToMatcherWorker } from './protocol';
import type { MemberListPractice, MemberListResult } from './types';

/** What a worker must do, for a test to pass its own. */
export interface WorkerLike {
	postMessage(m: ToMatcherWorker): void;
	terminate(): void;
	onmessage: ((e: MessageEvent<FromMatcherWorker>) => void) | null;
	onerror: ((e: ErrorEvent) => void) | null;
}

export interface MemberListRun {
	/** The result, or null when the run was cancelled. */
	result: Promise<MemberListResult | null>;
	cancel(): unknown;
}

export type Progress = (done: number, total: number) => void;

const defaultWorker = (): WorkerLike | null =>
	typeof Worker === 'undefined'
		? null
		: (new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);

export class MemberListClient {
	private worker: WorkerLike | null = null;
	private local: MemberMatcher | null = null;
	private nextId = 1;
	private readonly practices: MemberListPractice[];

	constructor(
		practices: readonly MemberListPractice[],
		private readonly createWorker: () => WorkerLike | null = defaultWorker
	) {
		this.practices = practices.map(matchFields);
	}

	/** Read a list; at most one run at a time (a new run cancels the one before). */
	parse(text: string, onProgress: Progress = () => {}): MemberListRun {
		this.cancelRunning?.();
		const worker = this.worker ?? this.start();
		if (!worker) return this.parseHere(text, onProgress);
		const id = this.nextId++;
		let settle: (r: MemberListResult | null) => void = () => {};
		let fail: (e: Error) => void = () => {};
		const result = new Promise<MemberListResult | null>((resolve, reject) => {
			settle = resolve;
			fail = reject;
		});
		const done = () => {
			worker.onmessage = null;
			worker.onerror = null;
			this.cancelRunning = null;
		};
		worker.onmessage = (e) => {
			const m = e.data;
			if (m.id !== id) return;
			if (m.type === 'progress') return onProgress(m.done, m.total);
			done();
			if (m.type === 'result') settle(m.result);
			else fail(new Error(m.message));
		};
		worker.onerror = (e) => {
			done();
			this.stop();
			fail(new Error(e.message || 'the member-list worker failed'));
		};
		const cancel = () => {
			done();
			this.stop(); // the worker is busy in a loop: ending it is the only way to stop it at once
			settle(null);
		};
		this.cancelRunning = cancel;
		worker.postMessage({ type: 'parse', id, text });
		// Cancelling a run that has finished, or was replaced by a newer one, does nothing.
		return { result, cancel: () => this.cancelRunning === cancel && cancel() };
	}

	/** End the worker (when the page no longer needs it). */
	dispose(): void {
		this.cancelRunning?.();
		this.stop();
	}

	private cancelRunning: (() => void) | null = null;

	private start(): WorkerLike | null {
		const w = this.createWorker();
		if (!w) return null;
		w.postMessage({ type: 'practices', practices: this.practices });
		this.worker = w;
		return w;
	}

	private stop(): void {
		this.worker?.terminate();
		this.worker = null;
	}

	private parseHere(text: string, onProgress: Progress): MemberListRun {
		this.local ??= memberMatcher(this.practices);
		const result = Promise.resolve(parseMemberList(text, this.local, onProgress));
		return { result, cancel: () => {} };
	}
}
