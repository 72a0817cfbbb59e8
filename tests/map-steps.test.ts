// The map's steps after its first colours: in order, after the pause, each waiting for the map to draw
// it (its next idle, or at most STEP_WAIT_MS) and a frame, a failing step not stopping the ones after
// it, and one repaint at the end.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Map as MaplibreMap } from 'maplibre-gl';
import { FIRST_STEP_DELAY_MS, STEP_WAIT_MS, runAfterFirstColours } from '../src/lib/map/steps';

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

	// A map that reports idle when told to.
	const fakeMap = (log: string[]) => {
		let idle: (() => void)[] = [];
		const map = {
			triggerRepaint: () => log.push('repaint'),
			once: (_e: string, f: () => void) => idle.push(f),
			off: (_e: string, f: () => void) => (idle = idle.filter((g) => g !== f))
		};
		const becomeIdle = async () => {
			for (const f of idle.splice(0)) f();
			await vi.advanceTimersByTimeAsync(0);
		};
		return { map: map as unknown as MaplibreMap, becomeIdle };
	};

	it('runs the steps in order, each drawn and then a frame, past a failure, then repaints once', async () => {
		const log: string[] = [];
		const { map, becomeIdle } = fakeMap(log);
		runAfterFirstColours(map, [
			() => void log.push('base map'),
			() => Promise.reject(new Error('a step failed')).finally(() => log.push('practices')),
			() => void log.push('masks')
		]);
		await vi.advanceTimersByTimeAsync(FIRST_STEP_DELAY_MS - 1);
		expect(log).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(log).toEqual(['base map']);
		// Nothing more until the map has drawn the step, and then a frame.
		await drawFrame();
		await vi.advanceTimersByTimeAsync(1000);
		expect(log).toEqual(['base map']);
		await becomeIdle();
		expect(log).toEqual(['base map']);
		await drawFrame();
		expect(log).toEqual(['base map', 'practices']);
		await becomeIdle();
		await drawFrame();
		expect(log).toEqual(['base map', 'practices', 'masks']);
		await becomeIdle();
		await drawFrame();
		expect(log).toEqual(['base map', 'practices', 'masks', 'repaint']);
		await becomeIdle();
		await drawFrame();
		expect(log.filter((l) => l === 'repaint')).toHaveLength(1);
	});

	it('does not wait for ever: a map that never goes idle moves on after STEP_WAIT_MS', async () => {
		const log: string[] = [];
		const { map } = fakeMap(log);
		runAfterFirstColours(map, [() => void log.push('base map'), () => void log.push('labels')]);
		await vi.advanceTimersByTimeAsync(FIRST_STEP_DELAY_MS);
		expect(log).toEqual(['base map']);
		await vi.advanceTimersByTimeAsync(STEP_WAIT_MS - 1);
		await drawFrame();
		expect(log).toEqual(['base map']);
		await vi.advanceTimersByTimeAsync(1);
		await drawFrame();
		expect(log).toEqual(['base map', 'labels']);
	});
});
