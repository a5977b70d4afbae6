import { defineResource } from '../../../shared/resource';
import * as create from './create.operation';
import * as deleteNote from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const ticketNoteResource = defineResource('ticketNote', [getAll, create, update, deleteNote]);
