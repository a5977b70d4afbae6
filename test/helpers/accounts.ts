import { resetDesk360Logins } from '../../nodes/Desk360/shared/login';
import { resetRateGates } from '../../nodes/shared/rateGate';
import { resetTokenSessions } from '../../nodes/shared/session';

/** Every account starts afresh: no rate-limit state, no session token, no remembered refusal. */
export function resetAccounts(): void {
	resetRateGates();
	resetTokenSessions();
	resetDesk360Logins();
}
