import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateRequest } from '../../../shared/validation';
import { phoneNumberArgument, productLocator } from '../../shared/descriptions';
import { MESSAGES_URL, recipientField, recipientRule } from './shared';
import type { ToolUse } from '../../../shared/toolUse';

export const option: INodePropertyOptions = {
	name: 'Send Location',
	value: 'sendLocation',
	action: 'Send a WhatsApp location message',
	description: 'Send a place on the map to a WhatsApp number',
	routing: {
		request: { method: 'POST', url: MESSAGES_URL, body: { type: 'location' } },
		send: {
			preSend: [
				validateRequest({
					...recipientRule,
					'location.latitude': { field: 'Latitude', type: 'number', required: true, range: [-90, 90] },
					'location.longitude': { field: 'Longitude', type: 'number', required: true, range: [-180, 180] },
					'location.name': { field: 'Location Name', type: 'text', required: true },
					'location.address': { field: 'Address', type: 'text', required: true },
				}),
			],
		},
	},
};

export const fields: INodeProperties[] = [
	productLocator,
	recipientField,
	{
		displayName: 'Latitude',
		name: 'latitude',
		description: 'Latitude of the location in decimal degrees, from -90 to 90, e.g. 41.0082',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		required: true,
		default: 0,
		routing: { send: { type: 'body', property: 'location.latitude' } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		description: 'Longitude of the location in decimal degrees, from -180 to 180, e.g. 28.9784',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		required: true,
		default: 0,
		routing: { send: { type: 'body', property: 'location.longitude' } },
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		description: 'Name of the place shown with the pin, e.g. Head Office',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Head Office',
		routing: { send: { type: 'body', property: 'location.name' } },
	},
	{
		displayName: 'Address',
		name: 'address',
		description: 'Street address of the place shown under its name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1 Hacker Way, Menlo Park, CA 94025',
		routing: { send: { type: 'body', property: 'location.address' } },
	},
];

export const tool: ToolUse = {
	description:
		"Send a place on the map (a pin with a name and an address) to a WhatsApp number, e.g. the address of a shop or an office. Returns Desk360's answer for the sent message.",
	arguments: {
		to: phoneNumberArgument,
		latitude: { key: 'latitude', description: 'Latitude of the place in decimal degrees, from -90 to 90, e.g. 41.0082', type: 'number' },
		longitude: { key: 'longitude', description: 'Longitude of the place in decimal degrees, from -180 to 180, e.g. 28.9784', type: 'number' },
		locationName: { key: 'location_name', description: 'The name of the place shown with the pin, e.g. Head Office', type: 'string' },
		address: { key: 'address', description: 'The street address shown under the name, e.g. 1 Hacker Way, Menlo Park, CA 94025', type: 'string' },
	},
};
