// The map's steps after its first colours: in order, after the pause, a frame between each, a failing
// step not stopping the ones after it, and one repaint at the end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { FIRST_STEP_DELAY_MS, runAfterFirstColours } from '../src/lib/map/steps';

describe('runAfterFirstColours', () => {
	let frames: (() => void)[] = [];
	beforeEach(() => {
		vi.useFakeTimers();
		frames = [];
		vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.unstubAllGlobals();
	});
	const drawFrame = async () => {
		const due = frames.splice(0);
		for (const f of due) f();
		await vi.advanceTimersByTimeAsync(0);
	};

	it('runs the steps in order, one per frame, past a failure, then repaints once', async () => {
		const log: string[] = [];
		const map = { triggerRepaint: () => log.push('repaint') } as unknown as MaplibreMap;
		runAfterFirstColours(map, [
			() => void log.push('base map'),
			() => Promise.reject(new Error('deck.gl failed to load')).finally(() => log.push('deck')),
			() => void log.push('masks')
		]);
		await vi.advanceTimersByTimeAsync(FIRST_STEP_DELAY_MS - 1);
		expect(log).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(log).toEqual(['base map']);
		// Nothing more until a frame has been drawn.
		await vi.advanceTimersByTimeAsync(1000);
		expect(log).toEqual(['base map']);
		await drawFrame();
		expect(log).toEqual(['base map', 'deck']);
		await drawFrame();
		expect(log).toEqual(['base map', 'deck', 'masks']);
		await drawFrame();
		expect(log).toEqual(['base map', 'deck', 'masks', 'repaint']);
		await drawFrame();
		expect(log.filter((l) => l === 'repaint')).toHaveLength(1);
	});
});
