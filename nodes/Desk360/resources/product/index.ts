import { defineResource } from '../../../shared/resource';
import * as getAll from './getAll.operation';

export const productResource = defineResource('product', [getAll]);
