import { defineResource } from '../../../shared/resource';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const customerResource = defineResource('customer', [getAll, get, create]);
