import { defineResource } from '../../../shared/resource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const groupResource = defineResource('group', [getAll, get]);
