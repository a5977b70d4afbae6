import { resourceProperties } from '../../../shared/resource';
import * as getAll from './getAll.operation';
import * as getCurrent from './getCurrent.operation';

export const agentDescription = resourceProperties('agent', [getAll, getCurrent]);
