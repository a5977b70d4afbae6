import { createHash, timingSafeEqual } from 'crypto';

function digest(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Whether a secret (or signature) a webhook request carries is the expected
 * one. The SHA-256 hashes are compared in constant time, so the time taken
 * says nothing about the expected value, not even its length. An empty
 * expected value never matches: it would let anyone in.
 */
export function secretMatches(expected: string, given: unknown): boolean {
	if (expected === '' || typeof given !== 'string') return false;
	return timingSafeEqual(digest(expected), digest(given));
}
