import { describe, expect, it } from 'vitest';
import { historyAction, withoutCamera } from '../src/lib/state/history';

describe('history entries', () => {
	it('the camera is not part of what a step changes', () => {
		expect(withoutCamera('?c=-1.5%2C53.8&z=9&m=hea&mode=find')).toBe('m=hea&mode=find');
		expect(withoutCamera('mode=find&m=hea')).toBe(withoutCamera('m=hea&mode=find'));
	});
	it('same URL: nothing; camera only: replace; anything else: push', () => {
		expect(historyAction('?c=1%2C2&z=5', 'c=1%2C2&z=5')).toBe('none');
		expect(historyAction('?c=1%2C2&z=5', 'c=3%2C4&z=9')).toBe('replace');
		expect(historyAction('?c=1%2C2&z=5', 'c=1%2C2&z=5&m=hea')).toBe('push');
		expect(historyAction('?mode=commission&area=E54000054', 'mode=find')).toBe('push');
		expect(historyAction('?sel=p%3AB86012', '')).toBe('push');
	});
	it('steps in quick succession share one entry', () => {
		expect(historyAction('?fte=2-', 'fte=2.5-', 300)).toBe('replace');
		expect(historyAction('?fte=2-', 'fte=2.5-', 300, 200)).toBe('push');
		expect(historyAction('?fte=2-', 'fte=2.5-', 5000)).toBe('push');
	});
});
