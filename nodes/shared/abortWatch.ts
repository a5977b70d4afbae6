/**
 * One abort listener per signal, however many waits watch it: a 400-item job
 * has hundreds of requests waiting on one execution's signal at once, and a
 * listener each made Node warn of a leak (MaxListenersExceededWarning). The
 * listener is removed when the last watcher stops watching.
 */
const watchers = new WeakMap<AbortSignal, { callbacks: Set<() => void>; listener: () => void }>();

/** Calls `callback` once when `signal` aborts; the returned function stops watching. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
	let watch = watchers.get(signal);
	if (!watch) {
		const callbacks = new Set<() => void>();
		const listener = () => {
			watchers.delete(signal);
			for (const call of callbacks) call();
		};
		watch = { callbacks, listener };
		watchers.set(signal, watch);
		signal.addEventListener('abort', listener, { once: true });
	}
	const { callbacks, listener } = watch;
	callbacks.add(callback);
	return () => {
		if (!callbacks.delete(callback) || callbacks.size > 0) return;
		signal.removeEventListener('abort', listener);
		if (watchers.get(signal)?.callbacks === callbacks) watchers.delete(signal);
	};
}

/** How many listeners this module holds on `signal` (0 or 1), for tests. */
export function listenersOn(signal: AbortSignal): number {
	return watchers.has(signal) ? 1 : 0;
}
