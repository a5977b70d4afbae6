import type { IDataObject } from 'n8n-workflow';

import { clock } from '../shared/clock';

/**
 * How long a delivery is remembered. Sendbird waits 1 s for an answer and
 * sends the same request up to 3 times, so its retries come within seconds;
 * a minute is far more than they need.
 */
export const RETRY_WINDOW_MS = 60_000;

/** The most deliveries remembered at once (the newest). */
const REMEMBERED = 200;

interface Delivery {
	/** The SHA-256 of the raw body: the same bytes give the same one. */
	fingerprint: string;
	at: number;
}

/**
 * Deliveries remembered in this process too, by workflow and node: n8n saves
 * the static data only after it has answered the webhook, and a retry that
 * arrives at once (n8n 2.41 answers sooner) read it without the first one.
 */
const inProcess = new Map<string, Delivery[]>();

/**
 * The deliveries that started the workflow recently: in the workflow's static
 * data (which n8n reads before and saves after each webhook call, so every
 * n8n process sees them) and in this process (see `inProcess`). A request
 * with the same body within the window is Sendbird sending it again.
 */
export function recentDeliveries(staticData: IDataObject, key: string) {
	const now = clock.now();
	const recent = (deliveries: Delivery[]) => deliveries.filter((delivery) => now - delivery.at < RETRY_WINDOW_MS);
	const kept = recent((staticData.deliveries ?? []) as unknown as Delivery[]);
	const here = recent(inProcess.get(key) ?? []);
	return {
		has: (fingerprint: string) => [...kept, ...here].some((delivery) => delivery.fingerprint === fingerprint),
		remember(fingerprint: string): void {
			staticData.deliveries = [...kept, { fingerprint, at: now }].slice(-REMEMBERED) as unknown as IDataObject[];
			inProcess.set(key, [...here, { fingerprint, at: now }].slice(-REMEMBERED));
		},
	};
}
