import { resourceProperties } from '../../../shared/resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const ticketTypeDescription = resourceProperties('ticketType', [getAll, get, create, update]);
