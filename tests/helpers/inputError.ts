// Run a pipeline reader that should reject its input, and return the InputError for field checks.
import { expect } from 'vitest';
import { InputError } from '../../scripts/pipeline/read';

/** Run `fn`, expect an InputError, and return it for field checks. */
export function inputError(fn: () => unknown): InputError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(InputError);
		return e as InputError;
	}
	throw new Error('expected an InputError');
}
