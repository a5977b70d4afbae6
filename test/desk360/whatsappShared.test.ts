import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { desk360Api, tokenCredentials, desk360 } from './fixtures';
import { failureOf } from '../helpers/expectations';
import { runNode } from '../helpers/n8n';
import { downloadWhatsAppMedia, markWhatsAppMessagesRead } from '../../nodes/Desk360/shared/whatsapp';

/** Captures the execute context n8n builds, to call the shared helpers with it. */
async function withContext<T>(use: (context: IExecuteSingleFunctions) => Promise<T>): Promise<T> {
	const original = desk360.nodeType.description.requestOperations!.pagination;
	let result: T | undefined;
	desk360.nodeType.description.requestOperations!.pagination = async function (this: IExecuteSingleFunctions) {
		result = await use(this);
		return [];
	} as never;
	try {
		await runNode(desk360, { parameters: { resource: 'agent', operation: 'getCurrent' }, credentials: tokenCredentials });
	} finally {
		desk360.nodeType.description.requestOperations!.pagination = original;
	}
	return result as T;
}

describe('Desk360 › shared WhatsApp calls', () => {
	it('downloads media as bytes with its MIME type and file name', async () => {
		const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x42]);
		desk360Api()
			.get('/v1/products/12/conversations/messages/media/abc-123')
			.reply(200, bytes, { 'Content-Type': 'image/jpeg; charset=binary', 'Content-Disposition': 'attachment; filename="photo.jpg"' });

		const media = await withContext(async (context) => await downloadWhatsAppMedia(context, 12, 'abc-123'));

		expect(media.data.equals(bytes)).toBe(true);
		expect(media.mimeType).toBe('image/jpeg');
		expect(media.fileName).toBe('photo.jpg');
	});

	it('shows the Desk360 message of a failed download', async () => {
		desk360Api()
			.get('/v1/products/12/conversations/messages/media/nope')
			.reply(404, { error: { code: 'not_found', message: 'Media not found.' } });

		const error = await failureOf(withContext(async (context) => await downloadWhatsAppMedia(context, 12, 'nope')));

		expect(error.message).toBe('Media not found.');
	});

	it('marks messages as read with their IDs', async () => {
		const scope = desk360Api()
			.post('/v1/products/12/conversations/messages/read', { message_ids: ['wamid.1', 'wamid.2'] })
			.reply(200, { success: true });

		const answer = await withContext(async (context) => await markWhatsAppMessagesRead(context, 12, ['wamid.1', 'wamid.2']));

		expect(scope.isDone()).toBe(true);
		expect(answer).toEqual({ success: true });
	});
});
