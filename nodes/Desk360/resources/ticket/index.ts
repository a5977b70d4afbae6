import { defineResource } from '../../../shared/resource';
import * as addNote from './addNote.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getLogs from './getLogs.operation';
import * as reply from './reply.operation';
import * as updateStatus from './updateStatus.operation';

export const ticketResource = defineResource('ticket', [
	getAll,
	get,
	getLogs,
	create,
	reply,
	addNote,
	updateStatus,
]);
