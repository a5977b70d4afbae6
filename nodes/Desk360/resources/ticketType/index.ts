import { defineResource } from '../../../shared/resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const ticketTypeResource = defineResource('ticketType', [getAll, get, create, update]);
