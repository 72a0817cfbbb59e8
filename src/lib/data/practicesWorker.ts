// Reads practices.json off the page's thread. Fetching, parsing and checking its 3.5 MB took about
// 0.6 s of the page's thread right after the first colours: a frozen map for a newcomer.
import { DataError } from './errors';
import { fetchJsonFrom } from './fetchJson';
import { parsePractices } from './practices';
import type { FromPracticesWorker } from './practicesProtocol';

const post = (m: FromPracticesWorker) => postMessage(m);

onmessage = async (e: MessageEvent<{ url: string; file: string }>) => {
	try {
		const { practices } = parsePractices(await fetchJsonFrom(e.data.url, e.data.file), e.data.file);
		post({ ok: true, practices });
	} catch (err) {
		const d = err instanceof DataError ? err : new DataError(e.data.file, (err as Error)?.message ?? String(err));
		post({ ok: false, error: { file: d.file, problem: d.problem, hint: d.hint, advice: d.advice } });
	}
};
