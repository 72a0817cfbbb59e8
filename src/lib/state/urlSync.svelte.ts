// The URL follows the view, and Back/Forward restore it. Call once from the atlas page's script.
// Meaningful changes push a history entry at once; camera moves replace it (debounced: they fire often).
import { afterNavigate, pushState, replaceState } from '$app/navigation';
import { historyAction } from './history';
import { parseUrlSearch, type AtlasView } from './view.svelte';

export function syncUrl(view: AtlasView, onRestore: () => void = () => {}): void {
	let lastPush = -Infinity;
	// The router takes history calls only once it has started; the first write just tidies the
	// opening URL into its canonical form, so it replaces rather than pushes.
	let routerReady = $state(false);
	let first = true;
	// The search the URL has or is about to have (a replace may be pending).
	let current = window.location.search;
	afterNavigate(() => (routerReady = true));
	let timer: ReturnType<typeof setTimeout> | undefined;
	const url = (search: string) => `${window.location.pathname}?${search}`;

	$effect(() => {
		const search = view.search;
		if (!routerReady) return;
		let action = historyAction(current, search, performance.now() - lastPush);
		if (first && action === 'push') action = 'replace';
		first = false;
		if (action === 'none') return;
		current = search;
		clearTimeout(timer);
		if (action === 'push') {
			lastPush = performance.now();
			pushState(url(search), {});
		} else if (action === 'replace') {
			timer = setTimeout(() => replaceState(url(search), {}), 200);
		}
	});

	$effect(() => {
		const onPop = () => {
			clearTimeout(timer);
			current = window.location.search;
			view.apply(parseUrlSearch(window.location.search));
			onRestore();
		};
		window.addEventListener('popstate', onPop);
		return () => window.removeEventListener('popstate', onPop);
	});
}
