import type { INodeProperties } from 'n8n-workflow';

export const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'string',
	default: '',
	placeholder: 'e.g. an event name from a received item',
	description:
		'The event names that start the workflow, separated by commas (any case); empty for every event. The part of Sendbird’s documentation that could be read lists no event names, so this is a text: copy them from the "event" field of received items.',
};

export const properties: INodeProperties[] = [
	{
		displayName:
			'Sendbird Desk has no API to register webhooks. Copy the Production URL above (the Test URL while listening for a test event) and paste it in the Sendbird Dashboard: Settings → Desk → Webhooks. Each request must carry Sendbird’s signature (x-hub-signature), made with the API token of the Sendbird Desk credential; others are answered 401.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	eventsField,
];
