// Fetch a data file and read it as JSON, every failure a DataError naming the file. No SvelteKit
// imports, so that a worker can use it too (it is given the file's URL).
import { DataError } from './errors';

export async function fetchTextFrom(url: string, file: string): Promise<string> {
	let res: Response;
	try {
		res = await fetch(url);
	} catch (e) {
		throw new DataError(
			file,
			`could not be fetched (${(e as Error).message})`,
			'Check that the atlas server is running, then reload.'
		);
	}
	if (res.status === 404) throw new DataError(file, 'is missing (HTTP 404)');
	if (!res.ok) throw new DataError(file, `could not be loaded (HTTP ${res.status} ${res.statusText})`);
	return res.text();
}

export async function fetchJsonFrom(url: string, file: string): Promise<unknown> {
	const text = await fetchTextFrom(url, file);
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new DataError(file, `is corrupt: not valid JSON (${(e as Error).message})`);
	}
}
