import { defineResource } from '../../../shared/resource';
import * as close from './close.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as updatePriority from './updatePriority.operation';

export const ticketResource = defineResource('ticket', [getAll, get, close, updatePriority]);
