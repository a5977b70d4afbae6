import { defineResource } from '../../../shared/resource';
import * as getMedia from './getMedia.operation';
import * as markAsRead from './markAsRead.operation';
import * as sendContacts from './sendContacts.operation';
import * as sendInteractive from './sendInteractive.operation';
import * as sendLocation from './sendLocation.operation';
import * as sendLocationRequest from './sendLocationRequest.operation';
import * as sendMedia from './sendMedia.operation';
import * as sendText from './sendText.operation';

export const whatsappMessageResource = defineResource('whatsappMessage', [
	sendText,
	sendMedia,
	sendLocation,
	sendContacts,
	sendInteractive,
	sendLocationRequest,
	markAsRead,
	getMedia,
]);
