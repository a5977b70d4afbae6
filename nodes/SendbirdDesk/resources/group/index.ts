import { resourceProperties } from '../../../shared/resource';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const groupDescription = resourceProperties('group', [getAll, get]);
