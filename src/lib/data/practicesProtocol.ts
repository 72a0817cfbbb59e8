// Messages between the page and the practices worker: the rows, or the DataError's parts (an Error
// does not survive structured cloning as a DataError).
import { DataError } from './errors';
import type { AppPractice, PracticeTable } from './practices';

export type FromPracticesWorker =
	| { ok: true; practices: AppPractice[] }
	| { ok: false; error: { file: string; problem: string; hint: string; advice: string } };

/** The table from the worker's answer, or the DataError it reported. */
export function tableFromWorker(m: FromPracticesWorker): PracticeTable {
	if (!m.ok) throw new DataError(m.error.file, m.error.problem, m.error.hint, m.error.advice);
	return { practices: m.practices, byCode: new Map(m.practices.map((p) => [p.code, p])) };
}

/** Read practices.json in a worker; null where workers are not available (the caller reads it here). */
export function readPracticesInWorker(url: string, file: string): Promise<PracticeTable> | null {
	if (typeof Worker === 'undefined') return null;
	const worker = new Worker(new URL('./practicesWorker.ts', import.meta.url), { type: 'module' });
	return new Promise<PracticeTable>((resolve, reject) => {
		worker.onmessage = (e: MessageEvent<FromPracticesWorker>) => {
			worker.terminate();
			try {
				resolve(tableFromWorker(e.data));
			} catch (err) {
				reject(err);
			}
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new DataError(file, `could not be read (${e.message || 'the reading worker failed'})`));
		};
		worker.postMessage({ url, file });
	});
}
